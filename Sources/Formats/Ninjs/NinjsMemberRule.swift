import Foundation

/// Which members an object must have, after a JSON Schema's `oneOf`, `anyOf` and `allOf` whose
/// alternatives only require members, nested as IPTC nests them: ninjs 3.1's `rightsInfo` has
/// exactly one of `linkedRights` and `encodedRights`; its event `dates` have a start or an end,
/// each given once (`startDate` or `expectedStartDate`).
indirect enum NinjsMemberRule: Sendable {
    /// Every one of these members.
    case members([String])
    /// Exactly one of the rules holds.
    case oneOf([NinjsMemberRule])
    /// At least one holds.
    case anyOf([NinjsMemberRule])
    /// Every one holds.
    case allOf([NinjsMemberRule])

    /// Whether an object with these members satisfies the rule.
    func holds(_ present: (String) -> Bool) -> Bool {
        switch self {
        case .members(let names): return names.allSatisfy(present)
        case .oneOf(let rules): return rules.count { $0.holds(present) } == 1
        case .anyOf(let rules): return rules.contains { $0.holds(present) }
        case .allOf(let rules): return rules.allSatisfy { $0.holds(present) }
        }
    }

    /// The rule in words: `exactly one of linkedRights, encodedRights`.
    var description: String {
        switch self {
        case .members(let names): return names.joined(separator: " and ")
        case .oneOf(let rules): return "exactly one of " + rules.map(\.nested).joined(separator: ", ")
        case .anyOf(let rules): return "one of " + rules.map(\.nested).joined(separator: ", ")
        case .allOf(let rules): return "all of " + rules.map(\.nested).joined(separator: ", ")
        }
    }

    private var nested: String {
        if case .members = self { return description }
        return "(\(description))"
    }
}
