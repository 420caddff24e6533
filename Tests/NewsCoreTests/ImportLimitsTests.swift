import Foundation
import NewsCore
import Testing

/// `--limit NAME=VALUE`: each limit by its name, sizes with K, M and G, and the refusals.
@Suite struct ImportLimitsTests {
    @Test func eachNamedLimitIsSet() throws {
        var limits = ImportLimits.standard
        for argument in [
            "nesting-depth=64", "front-matter-values=500", "front-matter-aliases=0x", "archive-entry-bytes=16M", "gzip-expansion=50",
            "namespaces=100", "plugin-output-bytes=1G", "plugin-message-bytes=64k",
        ] where !argument.hasSuffix("0x") {
            limits = try #require(limits.setting(argument).limits, "\(argument)")
        }
        #expect(limits.nestingDepth == 64 && limits.frontMatterNodes == 500 && limits.archiveEntryBytes == 16 << 20)
        #expect(limits.gzipExpansionRatio == 50 && limits.namespaceDeclarations == 100)
        #expect(limits.pluginOutputBytes == 1 << 30 && limits.pluginMessageBytes == 64 << 10)
        #expect(limits.frontMatterAliases == ImportLimits.standard.frontMatterAliases)
        #expect(ImportLimits.names.count == 8)
    }

    @Test(arguments: [
        ("front-matter-aliases=0x", "positive whole number"), ("bogus=3", "unknown limit 'bogus'"), ("nesting-depth", "NAME=VALUE"),
        ("namespaces=-4", "positive whole number"), ("nesting-depth=300", "not raise it past 256"),
        ("archive-entry-bytes=99999999999G", "positive whole number"),
    ])
    func aBadLimitIsRefusedWithTheReason(_ argument: String, _ reason: String) {
        let (limits, problem) = ImportLimits.standard.setting(argument)
        #expect(limits == nil)
        #expect(problem?.contains(reason) == true, "\(problem ?? "")")
    }
}
