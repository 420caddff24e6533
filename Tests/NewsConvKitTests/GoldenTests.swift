import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// Every sample under `samples/<format>/` converts to its golden under `samples/<format>/expected/`.
/// Set `UPDATE_GOLDENS=1` to rewrite the goldens after an intended change, then review the diff.
@Suite struct GoldenTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        var input: String
        var target: String
        var expected: String
        var testDescription: String { "\(input) -> \(target)" }
    }

    /// Sample folders and the targets each is converted to, from the registry: every folder of
    /// `samples/` named after a format that reads, to every format that writes, once for each
    /// value of an option with a closed set of values (`ninjs@2` is ninjs with
    /// `ninjs.profile=2`). A new format's samples and exporter join the matrix by being registered.
    static let targets: [String: [String]] = {
        let registry = BuiltinFormats.registry
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.samples.path)) ?? []).filter {
            registry.module(named: $0)?.importer != nil
        }
        let writers = registry.modules.filter { $0.exporter != nil && !$0.isExternal }.flatMap { module in
            let variants = module.options.first { !$0.values.isEmpty }
            return variants.map { option in option.values.map { "\(module.name)@\($0)" } } ?? [module.name]
        }
        return Dictionary(uniqueKeysWithValues: folders.map { ($0, writers) })
    }()

    /// A target's format name and options.
    static func split(_ target: String) -> (format: String, options: [String: String], profile: String?) {
        let parts = target.split(separator: "@").map(String.init)
        guard parts.count == 2 else { return (target, [:], nil) }
        let key = BuiltinFormats.registry.module(named: parts[0])?.options.first { !$0.values.isEmpty }?.key ?? "\(parts[0]).profile"
        return (parts[0], [key: parts[1]], parts[1])
    }

    static var goldens: [Golden] {
        var result: [Golden] = []
        for (folder, formats) in targets.sorted(by: { $0.key < $1.key }) {
            let directory = Fixtures.samples.appendingPathComponent(folder)
            let inputs = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in inputs.sorted() where !name.hasPrefix(".") && name != "expected" {
                for target in formats {
                    let stem = (name as NSString).deletingPathExtension
                    let (format, _, profile) = split(target)
                    let module = BuiltinFormats.registry.module(named: format)!
                    // Goldens are `expected/<stem>.<ext>`, or `expected/<stem>.<format>.<ext>` when the
                    // extension does not name the format (`.xml`); a profile follows the name (`ninjs2`).
                    let suffix =
                        module.name == module.outputExtension && profile == nil
                        ? module.outputExtension : "\(module.name)\(profile ?? "").\(module.outputExtension)"
                    result.append(
                        Golden(input: "samples/\(folder)/\(name)", target: target, expected: "samples/\(folder)/expected/\(stem).\(suffix)")
                    )
                }
            }
        }
        return result
    }

    /// A format that reads has samples, and so goldens to every format that writes.
    @Test func everyFormatThatReadsHasSamples() {
        for module in BuiltinFormats.modules where module.importer != nil {
            #expect(Self.targets[module.name] != nil, "samples/\(module.name)/ is missing: a format that reads needs samples")
        }
        #expect(Self.targets.values.allSatisfy { $0.count >= BuiltinFormats.modules.filter { $0.exporter != nil }.count })
    }

    @Test func thereAreAtLeastTenWireSamples() {
        #expect(Self.goldens.filter { $0.input.hasPrefix("samples/wire/") }.count >= 10)
    }

    @Test(arguments: goldens)
    func sampleMatchesGolden(_ golden: Golden) throws {
        let converter = Converter()
        let data = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(golden.input))
        let format = try converter.inputFormat(of: data, path: golden.input, requested: nil)
        let (targetName, formatOptions, _) = Self.split(golden.target)
        let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000), formatOptions: formatOptions)
        let imported = try converter.importDocument(data, path: golden.input, format: format, options: options)
        let target = try #require(BuiltinFormats.registry.module(named: targetName))
        // A format with one article per document gets one golden per article, `<stem>-<n>`, the
        // names `convert -o DIR` gives.
        var outputs: [(path: String, articles: [Article])] = [(golden.expected, imported.articles)]
        if !target.holdsManyArticles, imported.articles.count > 1 {
            let ext = (golden.expected as NSString).pathExtension
            let base = (golden.expected as NSString).deletingPathExtension
            outputs = imported.articles.enumerated().map { ("\(base)-\($0.offset + 1).\(ext)", [$0.element]) }
        }
        for (path, articles) in outputs {
            let output = try converter.export(articles, format: target, options: options).data
            let expectedURL = Fixtures.packageRoot.appendingPathComponent(path)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil {
                try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try output.write(to: expectedURL)
            }
            let expected = try Data(contentsOf: expectedURL)
            #expect(
                String(decoding: output, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(golden.input) differs from \(path)"
            )
        }
    }

    /// The goldens in a standard XML format, by format: NewsML-G2 and NITF.
    static var standardGoldens: [Golden] {
        var result: [Golden] = []
        for folder in targets.keys.sorted() {
            let directory = Fixtures.samples.appendingPathComponent(folder).appendingPathComponent("expected")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted() {
                let format = name.hasSuffix(".newsml-g2.xml") ? "newsml-g2" : name.hasSuffix(".nitf") ? "nitf" : nil
                if let format { result.append(Golden(input: "", target: format, expected: "samples/\(folder)/expected/\(name)")) }
            }
        }
        return result
    }

    /// Every golden in a standard XML format is valid against IPTC's schema: NewsML-G2 2.35 (with
    /// inline NITF checked) and NITF 3.6.
    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)), arguments: standardGoldens)
    func standardGoldensAreValid(_ golden: Golden) throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let module = try #require(BuiltinFormats.registry.module(named: golden.target))
        let validator = try #require(module.validator)
        let data = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(golden.expected))
        let errors = try validator.validate(
            ImportInput(data: data, path: golden.expected), standards: shared.appendingPathComponent("standards"))
        #expect(errors.isEmpty, "\(golden.expected): \(errors.map(\.description))")
    }

    /// Every ninjs golden is valid against the JSON Schema of its profile.
    @Test(
        .enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)),
        arguments: ["1.6": "ninjs1", "2.2": "ninjs2", "3.1": "ninjs3"].sorted(by: <))
    func ninjsGoldensAreValid(_ version: String, _ suffix: String) throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-ninjs-goldens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var count = 0
        for folder in Self.targets.keys {
            let expected = Fixtures.samples.appendingPathComponent(folder).appendingPathComponent("expected")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? [] where name.hasSuffix(".\(suffix).json")
            {
                count += 1
                try FileManager.default.copyItem(
                    at: expected.appendingPathComponent(name), to: directory.appendingPathComponent("\(folder)-\(name)"))
            }
        }
        #expect(count >= 4)
        let standards = shared.appendingPathComponent("standards")
        let result = try JSONSchemaCheck.validate(
            directory: directory, schema: standards.appendingPathComponent("ninjs/\(version)/ninjs-schema_\(version).json"),
            extraSchemas: ["https://geojson.org/schema/GeoJSON.json": standards.appendingPathComponent("geojson/GeoJSON-schema.json")])
        #expect(result.status == 0 && result.stdoutText.contains("valid: \(count)"), "\(result.stdoutText)\(result.stderr)")
    }

    @Test func thereAreGoldensInEveryStandardFormat() {
        let formats = Set(Self.standardGoldens.map(\.target))
        #expect(formats == ["newsml-g2", "nitf"])
        #expect(Self.standardGoldens.count >= 40)
    }
}
