import Foundation
import NewsCore
import Testing

/// A stand-in importer that claims inputs starting with a given prefix.
struct PrefixImporter: ArticleImporter {
    var prefix: String
    var score: Double

    func detect(_ sample: InputSample) -> Double { sample.text.hasPrefix(prefix) ? score : 0 }
    func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult { ImportResult(articles: [Article()]) }
}

struct NullExporter: ArticleExporter {
    func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult { ExportResult(data: Data()) }
}

@Suite struct FormatRegistryTests {
    let registry = FormatRegistry([
        FormatModule(
            name: "alpha", aliases: ["a"], title: "A", fileExtensions: ["xml", "alpha"],
            importer: PrefixImporter(prefix: "<alpha", score: 0.9), holdsManyArticles: true),
        FormatModule(
            name: "beta", title: "B", fileExtensions: ["xml"], importer: PrefixImporter(prefix: "<beta", score: 0.9),
            exporter: NullExporter(), holdsManyArticles: false),
        FormatModule(
            name: "gamma", title: "G", fileExtensions: ["txt"], importer: PrefixImporter(prefix: "", score: 0.5), holdsManyArticles: false),
        FormatModule(name: "delta", title: "D", fileExtensions: ["d"], exporter: NullExporter(), holdsManyArticles: true),
    ])

    @Test func lookupByNameAndAliasIgnoresCase() {
        #expect(registry.module(named: "alpha")?.name == "alpha")
        #expect(registry.module(named: "A")?.name == "alpha")
        #expect(registry.module(named: "BETA")?.name == "beta")
        #expect(registry.module(named: "zeta") == nil)
    }

    @Test func anExtensionClaimedOnceDecides() {
        let detection = registry.detect(InputSample(bytes: Data("<beta/>".utf8), path: "x/story.ALPHA"))
        #expect(detection?.module.name == "alpha")
        #expect(detection?.basis == .fileExtension)
    }

    @Test func anExtensionClaimedTwiceIsDecidedByContent() {
        #expect(registry.detect(InputSample(bytes: Data("<beta/>".utf8), path: "story.xml"))?.module.name == "beta")
        #expect(registry.detect(InputSample(bytes: Data("<alpha/>".utf8), path: "story.xml"))?.module.name == "alpha")
    }

    @Test func noExtensionIsDecidedByContentAmongAllImporters() {
        let detection = registry.detect(InputSample(bytes: Data("<beta/>".utf8), path: nil))
        #expect(detection?.module.name == "beta")
        #expect(detection?.basis == .content)
    }

    @Test func nothingSureEnoughGivesNil() {
        let lonely = FormatRegistry([
            FormatModule(
                name: "x", title: "X", fileExtensions: ["x"], importer: PrefixImporter(prefix: "<x", score: 0.9), holdsManyArticles: true)
        ])
        #expect(lonely.detect(InputSample(bytes: Data("hello".utf8), path: "a.bin")) == nil)
    }

    @Test func namesOfReadableAndWritableFormats() {
        #expect(registry.names(importing: true) == ["alpha", "beta", "gamma"])
        #expect(registry.names(importing: false) == ["beta", "delta"])
    }

    @Test func sampleExtension() {
        #expect(InputSample(bytes: Data(), path: "a/b.c/story.TXT").fileExtension == "txt")
        #expect(InputSample(bytes: Data(), path: "a/b.c/story").fileExtension == nil)
        #expect(InputSample(bytes: Data(), path: nil).fileExtension == nil)
        #expect(InputSample(bytes: Data(), path: "story.").fileExtension == nil)
        #expect(InputSample(bytes: Data(), path: "").fileExtension == nil)
        #expect(InputSample(bytes: Data(), path: ".XmL").fileExtension == "xml")
        #expect(InputSample(bytes: Data(), path: "dir.d/Été.NiTF").fileExtension == "nitf")
        #expect(InputSample(bytes: Data(), path: "dir/story.ÉTÉ").fileExtension == "été")
    }

    /// Detection's byte search against Swift's own substring search on the decoded text, over
    /// needles at the start, the end, overlapping partial matches, non-ASCII and empty ones.
    @Test func sampleContainsBytesAsTextContainsThem() {
        let texts = ["", "a", "aaab", "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">", "café <nitf>", "ab\u{0}cd", "xyz<"]
        let needles = [
            "", "a", "aab", "ab", "<", "<newsItem", "http://iptc.org/std/nar/2006-10-01/", "é <n", "café <nitf>!", "\u{0}c", "z<",
        ]
        for text in texts {
            let sample = InputSample(bytes: Data(text.utf8))
            for needle in needles {
                let expected =
                    needle.isEmpty
                    || text.utf8.count >= needle.utf8.count
                        && (0...(text.utf8.count - needle.utf8.count)).contains { Array(text.utf8).dropFirst($0).starts(with: needle.utf8) }
                #expect(sample.contains(needle) == expected, "\(needle.debugDescription) in \(text.debugDescription)")
            }
        }
    }
}
