import Foundation

/// Scaffolds a new format module, the work behind `swift package new-format`: the module's
/// folder with an importer and/or exporter that conform to the protocols and compile, a test
/// target whose first test is a known issue until the format is implemented, a sample with its
/// golden, a docs page, and the lines that register it in `Package.swift` and `BuiltinFormats`.
public struct FormatScaffold: Sendable {
    /// `Foo` or `foo-bar`: the format's name as given.
    public let name: String
    public let importer: Bool
    public let exporter: Bool

    /// What is wrong with a request.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(name: String, importer: Bool, exporter: Bool) throws(Problem) {
        guard let first = name.first, first.isASCII, first.isLetter,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), !name.hasSuffix("-")
        else {
            throw Problem(
                description:
                    "'\(name)' is not a format name: use ASCII letters, digits and '-', starting with a letter (e.g. Foo, rss-feed)")
        }
        guard importer || exporter else { throw Problem(description: "name --importer, --exporter or both") }
        self.name = name
        self.importer = importer
        self.exporter = exporter
    }

    private var words: [String] {
        // `RssFeed`, `rss-feed`, `rssFeed` -> ["rss", "feed"]
        var result: [String] = []
        var current = ""
        for character in name {
            if character == "-" {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else if character.isUppercase, !current.isEmpty, current.last?.isLowercase == true {
                result.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result.map { $0.lowercased() }
    }

    /// The module (target) name: `RssFeed`.
    public var moduleName: String { words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() }
    /// The format's CLI name: `rss-feed`.
    public var formatName: String { words.joined(separator: "-") }
    /// The `FormatModule` static property: `rssFeed`.
    public var propertyName: String { words.first! + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() }
    /// The sample's and output's file extension.
    public var fileExtension: String { words.joined() }

    // MARK: Files

    /// The files to create, by path relative to the package root.
    public func files() -> [(path: String, contents: String)] {
        var result: [(String, String)] = []
        let folder = "Sources/Formats/\(moduleName)"
        result.append(("\(folder)/\(moduleName)Format.swift", formatFile))
        if importer { result.append(("\(folder)/\(moduleName)Importer.swift", importerFile)) }
        if exporter { result.append(("\(folder)/\(moduleName)Exporter.swift", exporterFile)) }
        result.append(("Tests/\(moduleName)Tests/\(moduleName)Tests.swift", testFile))
        result.append(("samples/\(formatName)/sample.\(fileExtension)", sampleFile))
        result.append(("samples/\(formatName)/expected/sample.json", goldenFile))
        if exporter && !importer {
            result.append(("samples/\(formatName)/expected/sample.\(fileExtension)", "TODO: the sample article as \(moduleName)\n"))
        }
        result.append(("docs/formats/\(formatName).md", docsFile))
        return result
    }

    var formatFile: String {
        """
        import Foundation
        import NewsCore

        extension FormatModule {
            /// \(moduleName): TODO describe the format in one line.
            public static let \(propertyName) = FormatModule(
                name: "\(formatName)",
                title: "\(moduleName) (TODO: one-line title)",
                fileExtensions: ["\(fileExtension)"],
                mediaTypes: [],
                importer: \(importer ? "\(moduleName)Importer()" : "nil"),
                exporter: \(exporter ? "\(moduleName)Exporter()" : "nil"),
                holdsManyArticles: false
            )
        }

        """
    }

    var importerFile: String {
        """
        import Foundation
        import NewsCore

        /// Reads \(moduleName) documents. See docs/formats/\(formatName).md for the mapping.
        public struct \(moduleName)Importer: ArticleImporter {
            public init() {}

            /// How sure this importer is that a sample is \(moduleName) (0 = no, 1 = certain).
            public func detect(_ sample: InputSample) -> Double {
                // TODO: recognise the format's content; the file extension is checked by the registry.
                0
            }

            public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
                // TODO: map the document to articles; report every lossy mapping as a diagnostic.
                throw ConversionError(
                    "\(formatName).import.unimplemented", "the \(formatName) importer is not written yet",
                    at: SourceLocation(path: input.path, line: 1, column: 1))
            }
        }

        """
    }

    var exporterFile: String {
        """
        import Foundation
        import NewsCore

        /// Writes \(moduleName) documents. See docs/formats/\(formatName).md for the mapping.
        public struct \(moduleName)Exporter: ArticleExporter {
            public init() {}

            public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
                // TODO: write the articles; report what the format cannot hold as warnings.
                throw ConversionError("\(formatName).export.unimplemented", "the \(formatName) exporter is not written yet")
            }
        }

        """
    }

    var testFile: String {
        var body = """
            import Foundation
            import NewsCore
            import TestSupport
            import Testing

            @testable import \(moduleName)

            /// The golden tests of \(formatName): they fail (as known issues) until the format is written,
            /// then pass; remove each `withKnownIssue` once its test passes, so that it stays passing.
            @Suite struct \(moduleName)Tests {
                /// The articles of the golden, `samples/\(formatName)/expected/sample.json` (newsconv JSON).
                static func goldenArticles() throws -> [Article] {
                    struct Envelope: Decodable { var articles: [Article] }
                    let url = Fixtures.samples.appendingPathComponent("\(formatName)/expected/sample.json")
                    return try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: url)).articles
                }

                /// Articles as compared: without their origin, which says where they were read.
                static func withoutOrigin(_ articles: [Article]) -> [Article] {
                    articles.map { article in
                        var copy = article
                        copy.origin = nil
                        return copy
                    }
                }

            """
        if importer {
            body += """

                    /// samples/\(formatName)/sample.\(fileExtension) imports to exactly the golden's articles.
                    @Test func theSampleImportsToItsGolden() throws {
                        withKnownIssue("the \(formatName) importer is not written yet") {
                            let path = "samples/\(formatName)/sample.\(fileExtension)"
                            let data = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(path))
                            let result = try \(moduleName)Importer().read(ImportInput(data: data, path: path), options: ConversionOptions())
                            #expect(Self.withoutOrigin(result.articles) == Self.withoutOrigin(try Self.goldenArticles()))
                        }
                    }

                """
        }
        if exporter && importer {
            body += """

                    /// The golden's articles are written and read back unchanged: every fact arrives.
                    @Test func theGoldenRoundTrips() throws {
                        withKnownIssue("the \(formatName) exporter is not written yet") {
                            let golden = try Self.goldenArticles()
                            let written = try \(moduleName)Exporter().write(golden, options: ConversionOptions())
                            let back = try \(moduleName)Importer().read(
                                ImportInput(data: written.data, path: "written.\(fileExtension)"), options: ConversionOptions())
                            #expect(Self.withoutOrigin(back.articles) == Self.withoutOrigin(golden))
                        }
                    }

                """
        } else if exporter {
            body += """

                    /// The golden's articles are written as samples/\(formatName)/expected/sample.\(fileExtension).
                    @Test func theGoldenExportsToTheExpectedDocument() throws {
                        withKnownIssue("the \(formatName) exporter is not written yet") {
                            let written = try \(moduleName)Exporter().write(try Self.goldenArticles(), options: ConversionOptions())
                            let expected = try Data(
                                contentsOf: Fixtures.samples.appendingPathComponent("\(formatName)/expected/sample.\(fileExtension)"))
                            #expect(String(decoding: written.data, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
                        }
                    }

                """
        }
        return body + "}\n"
    }

    var sampleFile: String { "TODO: replace with a real \(moduleName) document whose headline is \"Sample headline\".\n" }

    var goldenFile: String {
        """
        {
          "newsconv": "1.0",
          "articles": [
            {
              "kind": "text",
              "headline": "Sample headline",
              "body": [
                {
                  "type": "paragraph",
                  "content": [
                    {
                      "type": "text",
                      "text": "Sample paragraph."
                    }
                  ]
                }
              ]
            }
          ]
        }

        """
    }

    var docsFile: String {
        """
        # \(formatName): \(moduleName)

        Name `\(formatName)`; extension `.\(fileExtension)`. \(importer && exporter ? "Read and written" : importer ? "Read only" : "Written only").

        ## Mapping, both directions

        | \(moduleName) | IR | notes |
        |---|---|---|
        | TODO | TODO | what is kept in extensions, what is a diagnostic |

        """
    }

    // MARK: Registration

    /// The markers the edits go after (`Package.swift`, `BuiltinFormats.swift`).
    public static let targetsMarker = "// new-format: format targets"
    public static let dependenciesMarker = "// new-format: NewsConvKit dependencies"
    public static let testTargetsMarker = "// new-format: test targets"
    public static let modulesMarker = "// new-format: modules"

    /// The manifest lines, by marker.
    public var manifestLines: [(marker: String, line: String)] {
        [
            (
                Self.targetsMarker,
                ".target(name: \"\(moduleName)\", dependencies: [\"NewsCore\"], path: \"Sources/Formats/\(moduleName)\"),"
            ),
            (Self.dependenciesMarker, "\"\(moduleName)\","),
            (
                Self.testTargetsMarker,
                ".testTarget(name: \"\(moduleName)Tests\", dependencies: [\"\(moduleName)\", \"NewsCore\", \"TestSupport\"]),"
            ),
        ]
    }

    /// `Package.swift` with the new targets, each inserted before its marker line (with the
    /// marker's indentation); nil when a marker is missing or the module is there already.
    public func editManifest(_ text: String) -> String? {
        guard !text.contains("name: \"\(moduleName)\"") else { return nil }
        return Self.insert(manifestLines, into: text)
    }

    /// `BuiltinFormats.swift` with the import and the module in the list; nil when it cannot be done safely.
    public func editBuiltinFormats(_ text: String) -> String? {
        guard !text.contains("import \(moduleName)\n"), let edited = Self.insert([(Self.modulesMarker, ".\(propertyName),")], into: text)
        else { return nil }
        var lines = edited.components(separatedBy: "\n")
        guard let lastImport = lines.lastIndex(where: { $0.hasPrefix("import ") }) else { return nil }
        // In the sorted place that swift-format's OrderedImports wants (it compares as `<` does).
        let line = "import \(moduleName)"
        let before = lines[...lastImport].firstIndex { $0.hasPrefix("import ") && $0 > line } ?? lastImport + 1
        lines.insert(line, at: before)
        return lines.joined(separator: "\n")
    }

    static func insert(_ additions: [(marker: String, line: String)], into text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        for (marker, line) in additions {
            guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == marker }) else { return nil }
            let indentation = String(lines[index].prefix { $0 == " " })
            lines.insert(indentation + line, at: index)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Applying

    /// What ``apply(to:)`` did, and what the user still has to do by hand.
    public struct Result: Sendable {
        public var created: [String] = []
        public var edited: [String] = []
        public var manual: [String] = []
    }

    /// Creates the files and registers the module under a package root. Refuses to overwrite a file.
    public func apply(to root: URL) throws -> Result {
        let fm = FileManager.default
        for (path, _) in files() where fm.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw Problem(description: "\(path) exists already; choose another name or remove it")
        }
        var result = Result()
        for (path, contents) in files() {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
            result.created.append(path)
        }
        let manifest = root.appendingPathComponent("Package.swift")
        if let text = try? String(contentsOf: manifest, encoding: .utf8), let edited = editManifest(text) {
            try Data(edited.utf8).write(to: manifest)
            result.edited.append("Package.swift")
        } else {
            result.manual.append(
                "Add to Package.swift:\n" + manifestLines.map { "  \($0.line)    (before \($0.marker))" }.joined(separator: "\n"))
        }
        let builtins = root.appendingPathComponent("Sources/NewsConvKit/BuiltinFormats.swift")
        if let text = try? String(contentsOf: builtins, encoding: .utf8), let edited = editBuiltinFormats(text) {
            try Data(edited.utf8).write(to: builtins)
            result.edited.append("Sources/NewsConvKit/BuiltinFormats.swift")
        } else {
            result.manual.append(
                "Add to Sources/NewsConvKit/BuiltinFormats.swift: `import \(moduleName)` and `.\(propertyName),` in the modules list")
        }
        return result
    }
}
