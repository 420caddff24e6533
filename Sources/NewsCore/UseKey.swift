import Foundation

/// A dynamic use key (NITF `du-key`): the provider's key that groups the versions of a story for a
/// period, with its generation, part and version as the source gave them.
///
/// Its synthesized Codable writes the members in declaration order, as `ArticleJSONWriter` does.
public struct UseKey: Sendable, Hashable, Codable {
    /// The key (`india-korona-bygd`, `NU-FLASH-K`).
    public var key: String
    /// The key's version (`48`, `04`).
    public var version: String?
    /// The generation: incremented with each story that uses the same key.
    public var generation: String?
    /// The part within the key's structure.
    public var part: String?

    public init(key: String, version: String? = nil, generation: String? = nil, part: String? = nil) {
        self.key = key
        self.version = version
        self.generation = generation
        self.part = part
    }
}
