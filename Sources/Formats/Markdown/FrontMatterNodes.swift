import Yams

/// The front matter's events as a Yams `Node`: what the Markdown exporter gave `Yams.serialize`
/// before it drove libyaml itself (``LibYAMLEmitter``), kept as the reference that
/// `FrontMatterEmitterTests` compares the exporter's bytes with.
struct FrontMatterNodes: FrontMatterEvents {
    /// The open collections, innermost last, with the nodes they hold so far (a mapping's keys
    /// and values alternate).
    private var open: [(isMapping: Bool, nodes: [Node])] = []
    /// The whole front matter, once its outermost collection is closed.
    private(set) var root: Node?

    /// Every node gets a tag of its own: emitting resolves an implicit tag in place.
    private static func tag(_ name: Tag.Name) -> Tag { Tag(name, .default, .default) }

    private mutating func add(_ node: Node) {
        if open.isEmpty { root = node } else { open[open.count - 1].nodes.append(node) }
    }

    mutating func scalar(_ text: String, doubleQuoted: Bool) {
        add(Node(text, Self.tag(.str), doubleQuoted ? .doubleQuoted : .any))
    }
    mutating func beginMapping() { open.append((true, [])) }
    mutating func beginSequence() { open.append((false, [])) }
    mutating func endMapping() {
        let nodes = open.removeLast().nodes
        add(Node(stride(from: 0, to: nodes.count, by: 2).map { (nodes[$0], nodes[$0 + 1]) }, Self.tag(.implicit)))
    }
    mutating func endSequence() { add(Node(open.removeLast().nodes, Self.tag(.implicit))) }
}
