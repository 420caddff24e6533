import Foundation

/// A JSON value whose object members keep the order they were given in, for formats whose
/// documents are built member by member (ninjs) and read best in a conventional order.
package indirect enum OrderedJSON: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    package static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The same value with object members in sorted order.
    package init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let values): self = .array(values.map(OrderedJSON.init))
        case .object(let members): self = .object(members.keys.sorted().map { ($0, OrderedJSON(members[$0]!)) })
        }
    }
}

extension OrderedJSONEncoder {
    /// Writes an ordered value.
    package func encode(_ value: OrderedJSON) throws -> Data {
        var output = JSONOutput(pretty: prettyPrinted)
        try output.writeOrdered(value)
        if prettyPrinted { output.out.append(0x0A) }
        return Data(output.out)
    }
}

extension JSONOutput {
    mutating func writeOrdered(_ value: OrderedJSON) throws {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): try writeDouble(number, [])
        case .string(let text): writeString(text)
        case .array(let values):
            try container(values, object: false) { out, element in
                out.member(key: nil)
                try out.writeOrdered(element)
            }
        case .object(let members):
            try container(members, object: true) { out, member in
                out.member(key: member.0)
                try out.writeOrdered(member.1)
            }
        }
    }
}
