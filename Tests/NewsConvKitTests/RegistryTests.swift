import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

@Suite struct RegistryTests {
    /// Each folder under Sources/Formats declares one `FormatModule(name: "...")` in its `*Format.swift`;
    /// every one of them must be in the built-in list.
    @Test func everyFormatModuleIsRegistered() throws {
        let formats = Fixtures.packageRoot.appendingPathComponent("Sources/Formats")
        let folders = try FileManager.default.contentsOfDirectory(atPath: formats.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!folders.isEmpty)
        var declared: [String] = []
        for folder in folders {
            let files = Fixtures.files(in: formats.appendingPathComponent(folder), extensions: ["swift"])
            let names = try files.flatMap { url -> [String] in
                let text = try String(contentsOf: url, encoding: .utf8)
                // The declaration however it is laid out: `FormatModule(`, blanks, `name: "..."`.
                let declaration = try Regex(#"FormatModule\(\s*name:\s*"([^"]+)""#)
                return text.matches(of: declaration).compactMap { $0.output[1].substring.map(String.init) }
            }
            #expect(names.count == 1, "Sources/Formats/\(folder) should declare exactly one FormatModule, found \(names)")
            declared += names
        }
        for name in declared {
            #expect(BuiltinFormats.registry.module(named: name) != nil, "format module '\(name)' is not in BuiltinFormats.modules")
        }
        #expect(Set(declared) == Set(BuiltinFormats.modules.map(\.name)))
    }

    @Test func theBriefsNamesAndAliases() {
        let registry = BuiltinFormats.registry
        for name in ["wire", "text", "txt", "json"] { #expect(registry.module(named: name) != nil, "\(name)") }
        #expect(registry.module(named: "txt")?.name == "wire")
    }

    @Test func theListingHasEveryModule() throws {
        let listing = FormatListing(registry: BuiltinFormats.registry)
        #expect(listing.entries.map(\.name) == BuiltinFormats.modules.map(\.name))
        let text = listing.text()
        for module in BuiltinFormats.modules { #expect(text.contains(module.name)) }
        let json = try JSONDecoder().decode([String: [FormatListing.Entry]].self, from: listing.json())
        #expect(json["formats"]?.first { $0.name == "wire" }?.import == true)
        #expect(json["formats"]?.first { $0.name == "json" }?.export == true)
    }
}
