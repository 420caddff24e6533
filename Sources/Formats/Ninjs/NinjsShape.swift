import Foundation
import NewsCore

/// What a ninjs property may hold, after IPTC's JSON Schemas (`NinjsShapes.swift` is generated
/// from them): JSON types and, for objects, the members allowed and required. The exporter checks a property
/// kept from a source document against it before writing it back, so a source's invalid data
/// never makes the output invalid.
indirect enum NinjsShape: Sendable {
    case any, string, number, boolean
    case enumeration([String])
    case array(NinjsShape)
    /// `required` members must be there, and each of `rules` must hold (``NinjsMemberRule``).
    case object(
        [String: NinjsShape], patterns: [(String, NinjsShape)], closed: Bool, required: [String] = [], rules: [NinjsMemberRule] = [])
    /// A whole ninjs object of the same family (an association), with the members it adds (`name`)
    /// and those it must have (a 1.x or 2.x association is a whole document: its `uri`).
    case ninjs([String: NinjsShape], required: [String] = [])
    /// GeoJSON (see ``GeoJSONShape``).
    case geojson

    /// The first problem with a value (a path and what is wrong), or nil when it fits.
    func problem(_ value: JSONValue, profile: NinjsProfile, path: String = "") -> String? {
        switch (self, value) {
        case (.any, _): return nil
        case (.geojson, _): return GeoJSONShape.problem(value, path: path)
        case (.string, .string), (.number, .number), (.boolean, .bool): return nil
        case (.enumeration(let allowed), .string(let text)):
            return allowed.contains(text) ? nil : "\(path): '\(text)' is not one of \(allowed.joined(separator: ", "))"
        case (.array(let items), .array(let values)):
            for (index, element) in values.enumerated() {
                if let problem = items.problem(element, profile: profile, path: "\(path)/\(index)") { return problem }
            }
            return nil
        case (.object(let members, let patterns, let closed, let required, let rules), .object(let values)):
            if let missing = required.first(where: { values[$0] == nil }) { return "\(path)/\(missing): required, and missing" }
            if let broken = rules.first(where: { !$0.holds { values[$0] != nil } }) { return "\(path): needs \(broken.description)" }
            for key in values.keys.sorted() {
                let member = members[key] ?? patterns.first(where: { key.range(of: $0.0, options: .regularExpression) != nil })?.1
                guard let member else {
                    if closed { return "\(path)/\(key): not allowed here" }
                    continue
                }
                if let problem = member.problem(values[key]!, profile: profile, path: "\(path)/\(key)") { return problem }
            }
            return nil
        case (.ninjs(let extra, let required), .object(let values)):
            if let missing = required.first(where: { values[$0] == nil }) { return "\(path)/\(missing): required, and missing" }
            for key in values.keys.sorted() {
                guard let member = extra[key] ?? Self.properties[profile]?[key] ?? (profile.defines(key) ? .string : nil) else {
                    return "\(path)/\(key): not a ninjs property"
                }
                if let problem = member.problem(values[key]!, profile: profile, path: "\(path)/\(key)") { return problem }
            }
            return nil
        default:
            return "\(path): expected \(description), found \(NinjsImporter.kind(of: value))"
        }
    }

    private var description: String {
        switch self {
        case .any: "anything"
        case .string, .enumeration: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .array: "an array"
        case .object, .ninjs, .geojson: "an object"
        }
    }
}
