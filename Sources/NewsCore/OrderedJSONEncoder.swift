import Foundation

/// Encodes `Encodable` values to JSON bytes with keys in the order the value encodes them,
/// pretty-printed with two spaces. Foundation's `JSONEncoder` on Linux orders keys by hash
/// (different on every run) or alphabetically; golden files need a stable, readable order.
package struct OrderedJSONEncoder {
    package var prettyPrinted: Bool

    package init(prettyPrinted: Bool = true) { self.prettyPrinted = prettyPrinted }

    package func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        try root.write(to: &out, indent: prettyPrinted ? 0 : -1)
        return Data(out)
    }
}

/// A JSON value under construction.
final class JSONNode {
    enum Value {
        case null, bool(Bool), number(String), string(String), object(JSONObject), array(JSONArray)
    }

    var value: Value = .null

    init(_ value: Value = .null) { self.value = value }

    var object: JSONObject {
        if case .object(let object) = value { return object }
        let object = JSONObject()
        value = .object(object)
        return object
    }

    var array: JSONArray {
        if case .array(let array) = value { return array }
        let array = JSONArray()
        value = .array(array)
        return array
    }

    /// Writes the value; `indent` < 0 means compact.
    func write(to out: inout [UInt8], indent: Int) throws {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let s): JSONNode.writeString(s, to: &out)
        case .object(let object):
            if object.entries.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONNode.newline(&out, indent + 1)
                JSONNode.writeString(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent >= 0 { out.append(UInt8(ascii: " ")) }
                try entry.node.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            JSONNode.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        case .array(let array):
            if array.items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONNode.newline(&out, indent + 1)
                try item.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            JSONNode.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        guard indent >= 0 else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escaping are copied at once.
            var runStart = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                runStart = i + 1
            }
            if utf8.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

final class JSONObject {
    var entries: [(key: String, node: JSONNode)] = []

    func slot(_ key: String) -> JSONNode {
        if let existing = entries.first(where: { $0.key == key }) { return existing.node }
        let node = JSONNode()
        entries.append((key, node))
        return node
    }
}

final class JSONArray {
    var items: [JSONNode] = []

    func append() -> JSONNode {
        let node = JSONNode()
        items.append(node)
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNodeContainer<Key>(object: node.object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(array: node.array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

private func scalar<T: Encodable>(_ value: T, into node: JSONNode, path: [any CodingKey]) throws {
    // Type identity first: a failed `as?` cast for every nested value is costly.
    if T.self == String.self {
        node.value = .string(value as! String)
    } else if T.self == Int.self {
        node.value = .number(String(value as! Int))
    } else if T.self == Bool.self {
        node.value = .bool(value as! Bool)
    } else if T.self == Double.self {
        node.value = .number(try numberText(value as! Double, path))
    } else {
        try value.encode(to: NodeEncoder(node: node, codingPath: path))
    }
}

private func numberText(_ value: Double, _ path: [any CodingKey]) throws -> String {
    guard value.isFinite else {
        throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "JSON cannot hold \(value)"))
    }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.slot(key.stringValue).value = .null }
    mutating func encode(_ value: String, forKey key: Key) throws { object.slot(key.stringValue).value = .string(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.slot(key.stringValue).value = .bool(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.slot(key.stringValue).value = .number(String(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.slot(key.stringValue).value = .number(try numberText(value, codingPath + [key]))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try scalar(value, into: object.slot(key.stringValue), path: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: object.slot(key.stringValue).object, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(array: object.slot(key.stringValue).array, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: object.slot("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: object.slot(key.stringValue), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    var codingPath: [any CodingKey]
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.append().value = .null }
    mutating func encode(_ value: String) throws { array.append().value = .string(value) }
    mutating func encode(_ value: Bool) throws { array.append().value = .bool(value) }
    mutating func encode(_ value: Int) throws { array.append().value = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try scalar(value, into: array.append(), path: path)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: array.append().object, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(array: array.append().array, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: array.append(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }
    mutating func encode(_ value: String) throws { node.value = .string(value) }
    mutating func encode(_ value: Bool) throws { node.value = .bool(value) }
    mutating func encode(_ value: Int) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: Double) throws { node.value = .number(try numberText(value, codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try scalar(value, into: node, path: codingPath) }
}
