import Foundation

/// A JSON value, used for the open-ended parts of the IR: the extension bag keeps data that
/// the IR has no field for (`"nitf:docdata/du-key"`, an unknown ninjs property) so that round
/// trips lose nothing.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try Self.string(in: container) {
            self = .string(value)
        } else if let value = try Self.array(in: container) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The string there; nil when the value is not a string. A string that cannot be read (an
    /// unescaped control character) is an error: taken for "not a string", it became a type
    /// error of whichever member the decoder happened to read first, varying from run to run.
    private static func string(in container: any SingleValueDecodingContainer) throws -> String? {
        do {
            return try container.decode(String.self)
        } catch DecodingError.typeMismatch {
            return nil
        }
    }

    /// The array there; nil when the value is not an array. An error inside it (a string that
    /// cannot be read, deeper down) is the document's error, not a sign of another type.
    private static func array(in container: any SingleValueDecodingContainer) throws -> [JSONValue]? {
        do {
            return try container.decode([JSONValue].self)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.count <= container.codingPath.count {
            return nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            // Sorted, so that the same value always gives the same bytes.
            var container = encoder.container(keyedBy: DynamicKey.self)
            for key in members.keys.sorted() {
                try container.encode(members[key]!, forKey: DynamicKey(key))
            }
        }
    }

    /// Sets the member `key` of the object at `path` (steps of object keys and array indexes)
    /// to `value`; nothing when the path leads to no object.
    package mutating func setMember(_ key: String, to value: JSONValue, at path: ArraySlice<JSONPathScanner.Step>) {
        switch (self, path.first) {
        case (.object(var members), nil):
            members[key] = value
            self = .object(members)
        case (.object(var members), .key(let name)?):
            guard var child = members[name] else { return }
            child.setMember(key, to: value, at: path.dropFirst())
            members[name] = child
            self = .object(members)
        case (.array(var items), .index(let index)?) where items.indices.contains(index):
            items[index].setMember(key, to: value, at: path.dropFirst())
            self = .array(items)
        default: return
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// A coding key made at run time, for dictionaries written in sorted order.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
