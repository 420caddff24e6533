import ByteLevel
import Foundation

/// Encodes `Encodable` values to JSON bytes with keys in the order the value encodes them,
/// pretty-printed with two spaces. Foundation's `JSONEncoder` on Linux orders keys by hash
/// (different on every run) or alphabetically; golden files need a stable, readable order.
///
/// It streams: each value is written as it is encoded, with no tree in between. That works for
/// types that encode each value completely before the next (every IR type does): a value's
/// container is closed when its `encode(to:)` returns. Encoding a key twice writes it twice.
package struct OrderedJSONEncoder {
    package var prettyPrinted: Bool
    /// Whether IR types are written directly (`ArticleJSONWriter.swift`); off, every value goes
    /// through its `encode(to:)`: the reference the direct path is tested against.
    package var directIR = true
    /// Bytes reserved at the start: an exporter of whole articles (tens of kilobytes each) saves
    /// the buffer's doublings.
    package var initialCapacity = 4096

    package init(prettyPrinted: Bool = true) { self.prettyPrinted = prettyPrinted }

    package func encode<T: Encodable>(_ value: T) throws -> Data {
        let sink = JSONSink(pretty: prettyPrinted, directIR: directIR, capacity: initialCapacity)
        try sink.value(value, path: [])
        return Data(sink.out)
    }
}

/// The encoder's shared state, a class because Codable's containers need a reference to it. Its
/// work is done by ``JSONOutput``, a struct reached through one access per call: a class's stored
/// properties are checked for exclusive access at run time on every use, which per byte or per
/// member would cost more than the writing itself.
final class JSONSink {
    var state: JSONOutput

    let directIR: Bool

    init(pretty: Bool, directIR: Bool = true, capacity: Int = 4096) {
        state = JSONOutput(pretty: pretty, capacity: capacity)
        self.directIR = directIR
    }

    var out: [UInt8] { state.out }
    var openCount: Int { state.open.count }

    /// Writes one value: scalars directly, others through their `encode(to:)`, closing the
    /// container they open.
    func value<T: Encodable>(_ value: T, path: [any CodingKey]) throws {
        // The type is compared first (a metadata comparison), so each cast is to the type the
        // value has: a cast to a concrete type, which needs no conformance look-up, and which a
        // specialized caller folds away.
        func cast<U>(_: U.Type) -> U { value as! U }
        if T.self == String.self {
            state.writeString(cast(String.self))
        } else if T.self == Int.self {
            state.append(String(cast(Int.self)))
        } else if T.self == Bool.self {
            state.append(cast(Bool.self) ? "true" : "false")
        } else if T.self == Double.self {
            try state.writeDouble(cast(Double.self), path)
        } else if T.self == JSONValue.self {
            // The extension bag is the largest part of many articles: written directly, not
            // through Codable's containers.
            try state.writeJSONValue(cast(JSONValue.self), path)
        } else if T.self == Extensions.self {
            try state.writeJSONValue(.object(cast(Extensions.self).values), path)
        } else if T.self == NewsDate.self {
            state.writeDate(cast(NewsDate.self))
        } else if directIR, T.self == Article.self {
            try writeArticle(cast(Article.self), path)
        } else if directIR, T.self == [Article].self {
            try array(cast([Article].self)) { try writeArticle($0, path) }
        } else if directIR, T.self == MediaItem.self {
            try writeMedia(cast(MediaItem.self), path)
        } else if directIR, T.self == [Block].self {
            // The body: written directly, as `Block.encode(to:)` would (the goldens hold both to the byte).
            try writeBlocks(cast([Block].self), path)
        } else if directIR, T.self == [Inline].self {
            state.writeInlines(cast([Inline].self))
        } else {
            let level = state.open.count
            let start = state.out.count
            try value.encode(to: StreamEncoder(sink: self, codingPath: path, level: level))
            if state.open.count > level {
                state.close()
            } else if state.out.count == start {
                // A value that encoded nothing at all is an empty object, so the JSON stays valid.
                state.append("{}")
            }
        }
    }

    func writeBlocks(_ blocks: [Block], _ path: [any CodingKey]) throws {
        try array(blocks) { try writeBlock($0, path) }
    }

    private func writeBlock(_ block: Block, _ path: [any CodingKey]) throws {
        state.openContainer(object: true)
        func type(_ name: String) {
            state.member(key: "type")
            state.writeString(name)
        }
        switch block {
        case .paragraph(let content):
            type("paragraph")
            state.member(key: "content")
            state.writeInlines(content)
        case .heading(let level, let content):
            type("heading")
            state.member(key: "level")
            state.append(String(level))
            state.member(key: "content")
            state.writeInlines(content)
        case .blockQuote(let blocks):
            type("blockQuote")
            state.member(key: "blocks")
            try writeBlocks(blocks, path)
        case .list(let ordered, let items):
            type("list")
            state.member(key: "ordered")
            state.append(ordered ? "true" : "false")
            state.member(key: "items")
            if items.isEmpty {
                state.append("[]")
            } else {
                state.openContainer(object: false)
                for item in items {
                    state.member(key: nil)
                    try writeBlocks(item, path)
                }
                state.close()
            }
        case .preformatted(let text):
            type("preformatted")
            state.member(key: "text")
            state.writeString(text)
        case .media(let media):
            type("media")
            state.member(key: "media")
            try value(media, path: path)
        case .table(let table):
            type("table")
            state.member(key: "table")
            state.openContainer(object: true)
            if !table.caption.isEmpty {
                state.member(key: "caption")
                state.writeInlines(table.caption)
            }
            state.member(key: "rows")
            if table.rows.isEmpty {
                state.append("[]")
            } else {
                state.openContainer(object: false)
                for row in table.rows {
                    state.member(key: nil)
                    state.openContainer(object: true)
                    if row.isHeader {
                        state.member(key: "header")
                        state.append("true")
                    }
                    state.member(key: "cells")
                    if row.cells.isEmpty {
                        state.append("[]")
                    } else {
                        state.openContainer(object: false)
                        for cell in row.cells {
                            state.member(key: nil)
                            state.writeInlines(cell)
                        }
                        state.close()
                    }
                    state.close()
                }
                state.close()
            }
            state.close()
        case .horizontalRule:
            type("horizontalRule")
        case .raw(let format, let text):
            type("raw")
            state.member(key: "format")
            state.writeString(format)
            state.member(key: "text")
            state.writeString(text)
        }
        state.close()
    }

    func openContainer(object: Bool) { state.openContainer(object: object) }
    func member(key: String?) { state.member(key: key) }
    func append(_ s: String) { state.append(s) }
    func writeString(_ s: String) { state.writeString(s) }
    func writeDouble(_ value: Double, _ path: [any CodingKey]) throws { try state.writeDouble(value, path) }
}

/// The byte buffer and the container currently open at each depth.
struct JSONOutput {
    var out: [UInt8] = []
    let pretty: Bool
    /// Open containers: object or array, and how many members each has so far.
    var open: [(isObject: Bool, count: Int)] = []

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        out.reserveCapacity(capacity)
    }

    /// Inlines, as `Inline.encode(to:)` writes them.
    mutating func writeInlines(_ inlines: [Inline]) {
        guard !inlines.isEmpty else { return append("[]") }
        openContainer(object: false)
        for inline in inlines {
            member(key: nil)
            writeInline(inline)
        }
        close()
    }

    private mutating func writeInline(_ inline: Inline) {
        openContainer(object: true)
        switch inline {
        case .text(let text):
            field("type", "text")
            field("text", text)
        case .emphasis(let content):
            field("type", "emphasis")
            member(key: "content")
            writeInlines(content)
        case .strong(let content):
            field("type", "strong")
            member(key: "content")
            writeInlines(content)
        case .code(let text):
            field("type", "code")
            field("text", text)
        case .link(let href, let title, let content):
            field("type", "link")
            field("href", href)
            if let title { field("title", title) }
            member(key: "content")
            writeInlines(content)
        case .lineBreak: field("type", "lineBreak")
        case .quote(let content):
            field("type", "quote")
            member(key: "content")
            writeInlines(content)
        case .mention(let mention):
            field("type", "mention")
            member(key: "mention")
            openContainer(object: true)
            field("kind", mention.kind.rawValue)
            if let id = mention.id { field("id", id) }
            member(key: "content")
            writeInlines(mention.content)
            close()
        case .raw(let format, let text):
            field("type", "raw")
            field("format", format)
            field("text", text)
        }
        close()
    }

    private mutating func field(_ key: String, _ text: String) {
        member(key: key)
        writeString(text)
    }

    /// A JSON value, object members in sorted key order (as `JSONValue.encode(to:)` writes them).
    mutating func writeJSONValue(_ value: JSONValue, _ path: [any CodingKey]) throws {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): try writeDouble(number, path)
        case .string(let text): writeString(text)
        case .array(let values):
            try container(values, object: false) { out, element in
                out.member(key: nil)
                try out.writeJSONValue(element, path)
            }
        case .object(let members):
            try container(members.sorted(by: { $0.key < $1.key }), object: true) { out, member in
                out.member(key: member.key)
                try out.writeJSONValue(member.value, path)
            }
        }
    }

    /// An array or object of the items, each written by `write` (which starts its member): `[]`
    /// or `{}` when there are none.
    mutating func container<Items: Collection>(_ items: Items, object: Bool, _ write: (inout JSONOutput, Items.Element) throws -> Void)
        rethrows
    {
        guard !items.isEmpty else { return append(object ? "{}" : "[]") }
        openContainer(object: object)
        for item in items { try write(&self, item) }
        close()
    }

    mutating func openContainer(object: Bool) {
        out.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((object, 0))
    }

    mutating func close() {
        let container = open.removeLast()
        if container.count > 0 { newline(open.count) }
        out.append(container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Starts a member of the innermost container: the comma, the line break, the key.
    mutating func member(key: String?) {
        let last = open.count - 1
        if open[last].count > 0 { out.append(UInt8(ascii: ",")) }
        open[last].count += 1
        newline(open.count)
        if let key {
            writeString(key)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(UInt8(ascii: " ")) }
        }
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        var remaining = indent * 2
        while remaining > 0 {
            let count = min(remaining, JSONOutput.spaces.count)
            out.append(contentsOf: JSONOutput.spaces[..<count])
            remaining -= count
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    mutating func append(_ s: String) { out.append(contentsOf: s.utf8) }

    mutating func writeDouble(_ value: Double, _ path: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "JSON cannot hold \(value)"))
        }
        if value == value.rounded(), abs(value) < 1e15 { append(String(Int(value))) } else { append("\(value)") }
    }

    /// A date as a JSON string: its ISO 8601 text needs no escaping (digits and `-:.TZ+`), unless
    /// a fraction of a second made in code holds something else.
    mutating func writeDate(_ date: NewsDate) {
        if let fraction = date.time?.fraction, !fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return writeString(date.iso8601)
        }
        out.append(UInt8(ascii: "\""))
        date.appendISO8601(to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string (``ByteLevel/JSONStringEscaper``: plain runs copied at once).
    mutating func writeString(_ s: String) { JSONStringEscaper.appendQuoted(s, to: &out) }
}

/// The encoder handed to one value's `encode(to:)`.
private struct StreamEncoder: Encoder {
    let sink: JSONSink
    var codingPath: [any CodingKey]
    /// The number of containers open before this value: the value may open one more.
    let level: Int
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if sink.openCount == level { sink.openContainer(object: true) }
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if sink.openCount == level { sink.openContainer(object: false) }
        return StreamUnkeyedContainer(sink: sink, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(sink: sink, codingPath: codingPath)
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        sink.member(key: key.stringValue)
        sink.append("null")
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.member(key: key.stringValue)
        sink.writeString(value)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.member(key: key.stringValue)
        sink.append(value ? "true" : "false")
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        sink.member(key: key.stringValue)
        sink.append(String(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.member(key: key.stringValue)
        try sink.writeDouble(value, codingPath + [key])
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.member(key: key.stringValue)
        try sink.value(value, path: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        preconditionFailure("OrderedJSONEncoder streams values; nested containers are not supported")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("OrderedJSONEncoder streams values; nested containers are not supported")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("OrderedJSONEncoder does not support superEncoder") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("OrderedJSONEncoder does not support superEncoder") }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONSink
    var codingPath: [any CodingKey]
    private(set) var count = 0

    init(sink: JSONSink, codingPath: [any CodingKey]) {
        self.sink = sink
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {
        sink.member(key: nil)
        sink.append("null")
        count += 1
    }
    mutating func encode(_ value: String) throws {
        sink.member(key: nil)
        sink.writeString(value)
        count += 1
    }
    mutating func encode(_ value: Bool) throws {
        sink.member(key: nil)
        sink.append(value ? "true" : "false")
        count += 1
    }
    mutating func encode(_ value: Int) throws {
        sink.member(key: nil)
        sink.append(String(value))
        count += 1
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.member(key: nil)
        try sink.value(value, path: codingPath + [IndexKey(count)])
        count += 1
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("OrderedJSONEncoder streams values; nested containers are not supported")
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("OrderedJSONEncoder streams values; nested containers are not supported")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("OrderedJSONEncoder does not support superEncoder") }
}

private struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let sink: JSONSink
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { sink.append("null") }
    mutating func encode(_ value: String) throws { sink.writeString(value) }
    mutating func encode(_ value: Bool) throws { sink.append(value ? "true" : "false") }
    mutating func encode(_ value: Int) throws { sink.append(String(value)) }
    mutating func encode(_ value: Double) throws { try sink.writeDouble(value, codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value, path: codingPath) }
}
