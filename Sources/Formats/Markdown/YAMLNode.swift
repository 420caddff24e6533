import Yams

/// A YAML value of front matter as ``YAMLComposer`` reads it: what Yams's `Node` holds, without
/// resolving a tag until one is asked for (Yams resolves the tag of every mapping key by regular
/// expressions to compare keys, which was most of the Markdown import).
struct YAMLNode {
    enum Content {
        /// A scalar's text, its style, and its tag as Yams gives it: `nil` for a plain scalar
        /// without one (its type is then resolved from the text), `!!str` for a quoted one.
        case scalar(String, style: Node.Scalar.Style, tag: String?)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var content: Content
    /// Where the value starts in the YAML text, from 1.
    var line: Int
    var column: Int

    /// A scalar's text; a number or a date written plain is read as its text.
    var text: String? {
        guard case .scalar(let text, _, _) = content else { return nil }
        return text
    }

    /// A sequence's items; nothing for another value.
    var items: [YAMLNode] {
        guard case .sequence(let items) = content else { return [] }
        return items
    }

    /// A mapping's value for a key written as that text.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.text == key }?.value
    }

    /// The scalar as Yams's `Node`, for what Yams knows of types: nulls, booleans, numbers.
    var yamsScalar: Node? {
        guard case .scalar(let text, let style, let tag) = content else { return nil }
        let name = tag.map(Tag.Name.init(rawValue:)) ?? .implicit
        return Node(text, Tag(name, YAMLComposer.resolver, YAMLComposer.constructor), style)
    }

    /// The tag Yams resolves for the value, as it compares mapping keys.
    var resolvedTag: Tag.Name {
        switch content {
        case .scalar(_, _, let tag): tag.map(Tag.Name.init(rawValue:)) ?? YAMLComposer.resolver.resolveTag(of: yamsScalar!)
        case .sequence: .seq
        case .mapping: .map
        }
    }

    /// Whether Yams takes two keys for the same: the same text and resolved tag, item for item.
    func sameKey(as other: YAMLNode) -> Bool {
        switch (content, other.content) {
        case (.scalar(let a, _, _), .scalar(let b, _, _)): a == b && resolvedTag == other.resolvedTag
        case (.sequence(let a), .sequence(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.sameKey(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key.sameKey(as: $1.key) && $0.value.sameKey(as: $1.value) }
        default: false
        }
    }

    /// The number of values the tree stands for (an alias counts its anchor's whole value),
    /// counted without recursion up to `limit`.
    func count(upTo limit: Int) -> Int {
        var count = 0
        var stack = [self]
        while let node = stack.popLast(), count < limit {
            count += 1
            switch node.content {
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs):
                for (key, value) in pairs {
                    stack.append(key)
                    stack.append(value)
                }
            case .scalar: break
            }
        }
        return count
    }
}
