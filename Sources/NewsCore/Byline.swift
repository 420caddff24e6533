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
    /// The byline as printed (`By Sam Lister, Press Association Political Correspondent`), when
    /// the source gave it whole; exporters that print a byline write it as it is.
    public var text: String?

    /// The byline composed from its parts: `By NAME, TITLE, AFFILIATION`.
    public var composed: String { (["By \(name)"] + [title, affiliation].compactMap { $0 }).joined(separator: ", ") }

    /// The byline as printed: ``text`` when the source printed it otherwise, else ``composed``.
    public var printed: String { text ?? composed }

    /// The byline with its printed form, kept in ``text`` only where the parts do not compose it.
    public func printed(as printed: String) -> Byline {
        var byline = self
        byline.text = printed == composed ? nil : printed
        return byline
    }

    public init(name: String, title: String? = nil, affiliation: String? = nil, role: String? = nil, id: String? = nil, text: String? = nil)
    {
        self.name = name
        self.title = title
        self.affiliation = affiliation
        self.role = role
        self.id = id
        self.text = text
    }
}
