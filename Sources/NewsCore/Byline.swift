import Foundation

/// One author credit: `By JANE DOE, Associated Press Writer` is name `JANE DOE`,
/// title `Associated Press Writer`.
public struct Byline: Sendable, Hashable, Codable {
    /// The person's (or desk's) name.
    public var name: String
    /// A job title or role as printed (`Associated Press Writer`, `Science Editor`).
    public var title: String?
    /// The organisation the person writes for (`Reuters`, `dpa`).
    public var affiliation: String?
    /// A machine-readable role (NewsML-G2 `creator/@role`, e.g. `crol:writer`).
    public var role: String?
    /// An identifier of the person (NewsML-G2 `creator/@qcode` or `@uri`).
    public var id: String?

    public init(name: String, title: String? = nil, affiliation: String? = nil, role: String? = nil, id: String? = nil) {
        self.name = name
        self.title = title
        self.affiliation = affiliation
        self.role = role
        self.id = id
    }
}
