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
