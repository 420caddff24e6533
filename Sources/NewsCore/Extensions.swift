import Foundation

/// The IR's extension bag: namespaced keys (`"nitf:docdata/du-key"`, `"g2:itemMeta/generator"`)
/// to JSON values, for data that has no IR field. Keys are written in sorted order.
public struct Extensions: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The entries, by key.
    public var values: [String: JSONValue]

    public init(_ values: [String: JSONValue] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public var isEmpty: Bool { values.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Whether `key` names a plain fact of another format (`iptc7901:header`, `ninjs1:version`):
    /// a `prefix:name` of letters, digits, `.`, `-`, `_` and `:` (no path of a kept element,
    /// which has `/` or `@`), so that it is a NITF `meta` name (an `NMTOKEN`) and part of a URI.
    /// Unicode calls more characters letters and digits than XML's names allow (`³`): the writers
    /// check the name where XML needs one (`NewsXML.XMLNameToken`).
    public static func isTextKey(_ key: String) -> Bool {
        guard let colon = key.firstIndex(of: ":"), colon != key.startIndex, key.index(after: colon) != key.endIndex else {
            return false
        }
        return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" || $0 == ":" }
    }

    /// Whether the entry is a plain fact of another format: a string under a ``isTextKey(_:)``
    /// key, which formats without an element for it carry in their generic properties.
    public static func isPlainFact(_ key: String, _ value: JSONValue) -> Bool {
        guard case .string = value else { return false }
        return isTextKey(key)
    }

    /// The plain facts among the entries (a string under a ``isTextKey(_:)`` key), sorted by key,
    /// leaving out those of the format `ownPrefix` (`"nitf:"`), which it keeps as elements. A
    /// format without an element for them carries them in its generic properties (NITF's `meta`,
    /// NewsML-G2's `contentMetaExtProperty`), so that they arrive.
    public func textEntries(excludingPrefix ownPrefix: String) -> [(key: String, value: String)] {
        values.compactMap { key, value -> (key: String, value: String)? in
            guard !key.hasPrefix(ownPrefix), Self.isPlainFact(key, value), case .string(let text) = value else { return nil }
            return (key, text)
        }
        .sorted { $0.key < $1.key }
    }

    /// The strings stored under `key` (an array of kept fragments, or one string); empty when none.
    public func strings(_ key: String) -> [String] {
        switch values[key] {
        case .array(let items)?: items.compactMap(\.stringValue)
        case .string(let text)?: [text]
        default: []
        }
    }

    /// Appends a value to the array stored under `key` (creating it), for repeated elements.
    /// Returns true when the key was new.
    @discardableResult
    public mutating func append(_ value: JSONValue, to key: String) -> Bool {
        guard let index = values.index(forKey: key) else {
            values[key] = .array([value])
            return true
        }
        // Changed in place; the slot is emptied first, so that the array is not copied to grow.
        Self.append(value, into: &values.values[index])
        return false
    }

    private static func append(_ value: JSONValue, into slot: inout JSONValue) {
        if case .array(var existing) = slot {
            slot = .null
            existing.append(value)
            slot = .array(existing)
        } else {
            slot = .array([slot, value])
        }
    }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(values).encode(to: encoder)
    }
}
