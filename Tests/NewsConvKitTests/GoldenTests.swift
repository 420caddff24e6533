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

    /// Pairs of sample folder and the target formats whose goldens it has.
    static let targets: [String: [String]] = [
        "wire": ["json", "newsml-g2", "nitf"], "newsml-g2": ["json", "newsml-g2", "nitf"], "nitf": ["json", "nitf"],
    ]

    static var goldens: [Golden] {
        var result: [Golden] = []
        for (folder, formats) in targets.sorted(by: { $0.key < $1.key }) {
            let directory = Fixtures.samples.appendingPathComponent(folder)
            let inputs = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in inputs.sorted() where !name.hasPrefix(".") && name != "expected" {
                for format in formats {
                    let stem = (name as NSString).deletingPathExtension
                    let module = BuiltinFormats.registry.module(named: format)!
                    // Goldens are `expected/<stem>.<ext>`, or `expected/<stem>.<format>.<ext>` when the
                    // extension does not name the format (`.xml`).
                    let suffix = module.name == module.outputExtension ? module.outputExtension : "\(module.name).\(module.outputExtension)"
                    result.append(Golden(input: "samples/\(folder)/\(name)", target: format, expected: "samples/\(folder)/expected/\(stem).\(suffix)"))
                }
            }
        }
        return result
    }

    @Test func thereAreAtLeastTenWireSamples() {
        #expect(Self.goldens.filter { $0.input.hasPrefix("samples/wire/") }.count >= 10)
    }

    @Test(arguments: goldens)
    func sampleMatchesGolden(_ golden: Golden) throws {
        let converter = Converter()
        let data = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(golden.input))
        let format = try converter.inputFormat(of: data, path: golden.input, requested: nil)
        let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))
        let imported = try converter.importDocument(data, path: golden.input, format: format, options: options)
        let target = try #require(BuiltinFormats.registry.module(named: golden.target))
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
            #expect(String(decoding: output, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(golden.input) differs from \(path)")
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
        let errors = try validator.validate(ImportInput(data: data, path: golden.expected), standards: shared.appendingPathComponent("standards"))
        #expect(errors.isEmpty, "\(golden.expected): \(errors.map(\.description))")
    }

    @Test func thereAreGoldensInEveryStandardFormat() {
        let formats = Set(Self.standardGoldens.map(\.target))
        #expect(formats == ["newsml-g2", "nitf"])
        #expect(Self.standardGoldens.count >= 40)
    }
}
