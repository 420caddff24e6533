/// The front matter as a YAML serializer's events, in order: what ``FrontMatterWriter`` makes and
/// a sink writes. ``LibYAMLEmitter`` writes them as text through libyaml's emitter;
/// ``FrontMatterNodes`` builds the Yams `Node` that `Yams.serialize` writes with the same emitter,
/// the reference a test compares it with.
protocol FrontMatterEvents {
    /// A scalar, written plain where YAML allows (libyaml quotes what it must), or double-quoted.
    mutating func scalar(_ text: String, doubleQuoted: Bool)
    mutating func beginMapping()
    mutating func endMapping()
    mutating func beginSequence()
    mutating func endSequence()
}
