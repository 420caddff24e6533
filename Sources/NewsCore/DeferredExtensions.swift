import Foundation

/// Extension values an importer kept but has not made yet: an unmapped XML element is kept as
/// its serialized text, and serializing costs more than reading it (a NewsML-G2 -> NITF batch
/// spent a quarter of its time on elements NITF never writes; `BatchG2ToNITF`). The importer
/// records how to make each value; whoever holds the articles makes the ones it needs.
///
/// Importers behave alike whatever follows them: they record every kept element here when the
/// caller asks for deferral (``ConversionOptions/defersKeptElements``) and make them all
/// themselves otherwise. The pipeline, which knows its exporter, makes those under the prefixes
/// the exporter reads (``FormatModule/readsExtensions``) and drops the rest.
///
/// A value's maker holds what it reads (a parsed tree stays alive while it is held): resolve
/// them, or drop them, soon after the import.
package struct DeferredExtensions: Sendable {
    /// One kept value: the article it belongs to (its index in the import's articles), its
    /// extension key, and how to make it.
    struct Entry: @unchecked Sendable {
        // Unchecked: a maker reads a parsed document that nothing else mutates, on the thread
        // that resolves it; it is never shared between threads while it is held.
        let article: Int
        let key: String
        let make: () -> JSONValue
    }

    private(set) var entries: [Entry] = []

    package init() {}

    /// Nothing deferred.
    package var isEmpty: Bool { entries.isEmpty }

    /// Records the value of `key` in article `article`, to be made by `make` when wanted.
    package mutating func append(article: Int, key: String, _ make: @escaping () -> JSONValue) {
        entries.append(Entry(article: article, key: key, make: make))
    }

    /// Records another importer part's values, for the article at `article`.
    package mutating func append(_ other: DeferredExtensions, article: Int) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for entry in other.entries { entries.append(Entry(article: article, key: entry.key, make: entry.make)) }
    }

    /// Makes the values whose key starts with one of `prefixes` (all of them when nil) and appends
    /// them to their article's extensions in the order they were kept; drops the others.
    package func resolve(into articles: inout [Article], keeping prefixes: [String]? = nil) {
        for entry in entries where articles.indices.contains(entry.article) {
            if let prefixes, !prefixes.contains(where: { entry.key.hasPrefix($0) }) { continue }
            _ = articles[entry.article].extensions.append(entry.make(), to: entry.key)
        }
    }
}
