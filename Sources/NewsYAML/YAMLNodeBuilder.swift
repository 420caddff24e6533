import Yams

/// YAML events as a Yams `Node`: what `Yams.serialize` writes, with libyaml's emitter set up as
/// ``YAMLEmitter`` sets it up, byte for byte as ``YAMLEmitter`` does (`YAMLEmitterTests`, and the
/// Markdown exporter's `FrontMatterEmitterTests`). The reference, not used to write documents.
public struct YAMLNodeBuilder: YAMLEvents {
    /// The open collections, innermost last, with the nodes they hold so far (a mapping's keys
    /// and values alternate).
    private var open: [(isMapping: Bool, nodes: [Node])] = []
    /// The whole document, once its outermost collection is closed.
    public private(set) var root: Node?

    public init() {}

    /// Every node gets a tag of its own: emitting resolves an implicit tag in place.
    private static func tag(_ name: Tag.Name) -> Tag { Tag(name, .default, .default) }

    private mutating func add(_ node: Node) {
        if open.isEmpty { root = node } else { open[open.count - 1].nodes.append(node) }
    }

    public mutating func scalar(_ text: String, doubleQuoted: Bool) {
        add(Node(text, Self.tag(.str), doubleQuoted ? .doubleQuoted : .any))
    }
    public mutating func beginMapping() { open.append((true, [])) }
    public mutating func beginSequence() { open.append((false, [])) }
    public mutating func endMapping() {
        let nodes = open.removeLast().nodes
        add(Node(stride(from: 0, to: nodes.count, by: 2).map { (nodes[$0], nodes[$0 + 1]) }, Self.tag(.implicit)))
    }
    public mutating func endSequence() { add(Node(open.removeLast().nodes, Self.tag(.implicit))) }

    /// The document as `Yams.serialize` writes it with the emitter's settings.
    public func text() throws -> String {
        guard let root else { return "" }
        return try Yams.serialize(node: root, width: -1, allowUnicode: true)
    }
}
