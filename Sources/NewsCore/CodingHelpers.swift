import Foundation

// Small helpers so that the IR's JSON leaves out empty values and reads them back as empty.

extension KeyedEncodingContainer {
    mutating func encodeNonEmpty<T: Encodable & Collection>(_ value: T, forKey key: Key) throws {
        if !value.isEmpty { try encode(value, forKey: key) }
    }

    mutating func encodeIfTrue(_ value: Bool, forKey key: Key) throws {
        if value { try encode(value, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    func decodeArray<T: Decodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        try decodeIfPresent(type, forKey: key) ?? []
    }

    func decodeFlag(forKey key: Key) throws -> Bool {
        try decodeIfPresent(Bool.self, forKey: key) ?? false
    }
}
