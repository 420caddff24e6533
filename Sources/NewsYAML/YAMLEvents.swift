/// A YAML document as a serializer's events, in order, for a sink to write: ``YAMLEmitter``
/// writes them as text through libyaml's emitter; ``YAMLNodeBuilder`` builds the Yams `Node` that
/// `Yams.serialize` writes with the same emitter, the reference the tests compare it with.
/// Every tag is implicit (never written).
public protocol YAMLEvents {
    /// A scalar, written plain where YAML allows (libyaml quotes what it must), or double-quoted.
    mutating func scalar(_ text: String, doubleQuoted: Bool)
    mutating func beginMapping()
    mutating func endMapping()
    mutating func beginSequence()
    mutating func endSequence()
}
