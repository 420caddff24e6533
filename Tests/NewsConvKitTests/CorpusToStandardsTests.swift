import Foundation
import NewsConvKit
import NewsCore
import PropertyBased
import Synchronization
import TestSupport
import Testing

/// Every corpus document that imports, whatever its format, exported to each format with an
/// official schema (NewsML-G2, NITF, ninjs) gives a valid document. The per-format suites check
/// their own corpus; this one checks the crossings (ninjs to G2, NITF to ninjs, ...), where a
/// field one format allows can land where another forbids it. Newsconv's JSON of each reads
/// back to the same articles.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct CorpusToStandardsTests {
    static var files: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        // `should_fail` files are invalid on purpose: elements kept whole from them stay invalid.
        return Fixtures.files(in: shared.appendingPathComponent("corpus"), extensions: ["xml", "json", "txt", "nitf"])
            .filter { !$0.path.contains("/should_fail/") }
    }

    static let targets = ["newsml-g2", "nitf", "ninjs"]

    /// The corpus is there, and most of it imports: the check below skips what does not, so
    /// it would pass on a corpus nothing could read.
    @Test func theCorpusIsThereAndImports() {
        #expect(Self.files.count >= 480)
        let converter = Converter()
        let imported = Self.files.filter { url in
            guard let data = try? Data(contentsOf: url), let format = try? converter.inputFormat(of: data, path: url.path, requested: nil)
            else { return false }
            return (try? converter.importDocument(data, path: url.path, format: format, options: ConversionOptions()).articles.isEmpty)
                == false
        }
        #expect(imported.count >= 400, "\(imported.count) of \(Self.files.count) files import")
    }

    /// A corpus file's bytes, format and articles; nil when it does not import or holds none.
    static func imported(_ url: URL, converter: Converter, options: ConversionOptions) throws -> (Data, FormatModule, [Article])? {
        let data = try Data(contentsOf: url)
        guard let format = try? converter.inputFormat(of: data, path: url.path, requested: nil),
            let articles = try? converter.importDocument(data, path: url.path, format: format, options: options).articles,
            !articles.isEmpty
        else { return nil }
        return (data, format, articles)
    }

    @Test(arguments: files)
    func everyImportExportsValidDocuments(_ url: URL) throws {
        let shared = try #require(Fixtures.shared)
        let converter = Converter()
        let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))
        // What does not import (not news, invalid test files) is other suites' business.
        guard let (_, _, articles) = try Self.imported(url, converter: converter, options: options) else { return }
        for name in Self.targets {
            let target = try #require(converter.registry.module(named: name))
            // NITF holds one article a document.
            let groups = target.holdsManyArticles ? [articles] : articles.map { [$0] }
            for group in groups {
                let exported = try converter.export(group, format: target, options: options)
                let errors = try #require(target.validator).validate(
                    ImportInput(data: exported.data, path: url.lastPathComponent), standards: shared.appendingPathComponent("standards")
                )
                .filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(url.lastPathComponent) -> \(name): \(errors.prefix(3).map(\.description))")
            }
        }
        // And newsconv's own JSON loses nothing: read back, the articles are the same.
        let json = try #require(converter.registry.module(named: "json"))
        let exported = try converter.export(articles, format: json, options: options)
        let back = try converter.importDocument(exported.data, path: url.path, format: json, options: options).articles
        #expect(
            back == articles, "\(url.lastPathComponent): \(zip(articles, back).first { $0 != $1 }.map { irDifference($0, $1) } ?? "count")")
    }

    /// What a format declares its exporter reads of the extensions (``FormatModule/readsExtensions``)
    /// is all it reads: an article with only those extensions exports the same. And an import that
    /// keeps only those (as a batch asks when nothing else sees the articles) exports the same too.
    @Test(arguments: files)
    func exportersReadOnlyTheExtensionsTheyDeclare(_ url: URL) throws {
        let converter = Converter()
        let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))
        guard let (data, format, articles) = try Self.imported(url, converter: converter, options: options) else { return }
        // An importer keeps the same things whoever makes them: made later, all of them, they
        // are the articles it makes itself.
        var deferring = options
        deferring.defersKeptElements = true
        var later = try converter.importDocument(data, path: url.path, format: format, options: deferring)
        later.resolveKept()
        #expect(later.articles == articles, "\(url.lastPathComponent): deferred kept values differ")
        for target in converter.registry.modules where target.exporter != nil {
            // A format that may read any extension (a content hash of the whole article) declares none.
            guard let prefixes = target.readsExtensions else { continue }
            let name = target.name
            var pruningOptions = options
            pruningOptions.defersKeptElements = true
            var deferred = try converter.importDocument(data, path: url.path, format: format, options: pruningOptions)
            deferred.resolveKept(keeping: prefixes)
            let pruned = deferred.articles
            let groups = target.holdsManyArticles ? [articles] : articles.map { [$0] }
            let prunedGroups = target.holdsManyArticles ? [pruned] : pruned.map { [$0] }
            #expect(groups.count == prunedGroups.count)
            for (group, prunedGroup) in zip(groups, prunedGroups) {
                // The bytes and the diagnostics other than notes; or the refusal's code (an
                // article with nothing wire text can hold is refused alike by all three).
                func outcome(_ articles: [Article]) -> String {
                    do {
                        let result = try converter.export(articles, format: target, options: options)
                        return result.data.base64EncodedString() + "\n"
                            + result.diagnostics.filter { $0.severity != .note }.map(\.description)
                            .joined(separator: "\n")
                    } catch {
                        return "refused: \(error)"
                    }
                }
                let only = group.map { article in
                    var article = article
                    // Plain facts of any prefix are never deferred, and exporters may carry them.
                    article.extensions.values = article.extensions.values.filter { entry in
                        if Extensions.isPlainFact(entry.key, entry.value) { return true }
                        return prefixes.contains { entry.key.hasPrefix($0) }
                    }
                    return article
                }
                let full = outcome(group)
                #expect(full == outcome(only), "\(url.lastPathComponent) -> \(name)")
                #expect(full == outcome(prunedGroup), "\(url.lastPathComponent) pruned -> \(name)")
            }
        }
    }
}

/// Articles of every shape (awkward strings: tabs, line ends, control characters, markup; partial
/// dates; nested blocks), as a JSON input or a filter may give them, export to valid NewsML-G2,
/// NITF and ninjs in each profile, or are refused with a diagnostic: never an invalid document.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct RandomArticlesToStandardsTests {
    @Test func everyArticleExportsValidDocuments() async throws {
        let shared = try #require(Fixtures.shared)
        let standards = shared.appendingPathComponent("standards")
        let converter = Converter()
        let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))
        let targets: [(String, [String: String])] = [
            ("newsml-g2", [:]), ("nitf", [:]), ("ninjs", [:]), ("ninjs", ["ninjs.profile": "2"]), ("ninjs", ["ninjs.profile": "1"]),
        ]
        // Exports a target refuses are skipped; most must go through, or the check says nothing.
        let validated = Mutex(0)
        await propertyCheck(count: 100, input: ArticleGenerator.article) { article in
            for (name, formatOptions) in targets {
                let target = try #require(converter.registry.module(named: name))
                var targetOptions = options
                targetOptions.formatOptions = formatOptions
                guard let exported = try? converter.export([article], format: target, options: targetOptions) else { continue }
                validated.withLock { $0 += 1 }
                let errors = try #require(target.validator).validate(ImportInput(data: exported.data, path: "random"), standards: standards)
                    .filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(name) \(formatOptions): \(errors.prefix(3).map(\.description))")
            }
        }
        #expect(validated.withLock { $0 } >= 400, "of 500 exports, \(validated.withLock { $0 }) went through")
    }
}
