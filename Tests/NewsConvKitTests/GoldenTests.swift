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
    static let targets: [String: [String]] = ["wire": ["json", "newsml-g2"], "newsml-g2": ["json", "newsml-g2"]]

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
        let output = try converter.export(imported.articles, format: target, options: options).data
        let expectedURL = Fixtures.packageRoot.appendingPathComponent(golden.expected)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil {
            try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try output.write(to: expectedURL)
        }
        let expected = try Data(contentsOf: expectedURL)
        #expect(String(decoding: output, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(golden.input) differs from \(golden.expected)")
    }

    /// Every NewsML-G2 golden is valid against IPTC's 2.35 schema (with inline NITF checked).
    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)), arguments: goldens.filter { $0.target == "newsml-g2" })
    func newsMLG2GoldensAreValid(_ golden: Golden) throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let module = try #require(BuiltinFormats.registry.module(named: "newsml-g2"))
        let validator = try #require(module.validator)
        let data = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(golden.expected))
        let errors = try validator.validate(ImportInput(data: data, path: golden.expected), standards: shared.appendingPathComponent("standards"))
        #expect(errors.isEmpty, "\(golden.expected): \(errors.map(\.description))")
    }
}
