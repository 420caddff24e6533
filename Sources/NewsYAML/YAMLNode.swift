import Yams

/// A YAML value as ``YAMLComposer`` reads it: what Yams's `Node` holds, without resolving a tag
/// until one is asked for (Yams resolves the tag of every mapping key by regular expressions to
/// compare keys, which was most of the Markdown import).
public struct YAMLNode: Sendable {
    /// How a scalar was written (libyaml's styles).
    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public enum Content: Sendable {
        /// A scalar's text, its style, and its tag as Yams gives it: `nil` for a plain scalar
        /// without one (its type is then resolved from the text), `!!str` for a quoted one.
        case scalar(String, style: Style, tag: String?)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var content: Content
    /// Where the value starts in the YAML text, from 1.
    public var line: Int
    public var column: Int

    public init(content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// A scalar's text; a number or a date written plain is read as its text.
    public var text: String? {
        guard case .scalar(let text, _, _) = content else { return nil }
        return text
    }

    /// Whether the value is a scalar written plain, the only kind that can be a null, a
    /// boolean or a number.
    public var isPlainScalar: Bool {
        guard case .scalar(_, let style, _) = content else { return false }
        return style == .plain
    }

    /// A sequence's items; nothing for another value.
    public var items: [YAMLNode] {
        guard case .sequence(let items) = content else { return [] }
        return items
    }

    /// Whether the value is a mapping.
    public var isMapping: Bool {
        guard case .mapping = content else { return false }
        return true
    }

    /// A mapping's value for a key written as that text (the last, as Yams looks one up).
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.text == key }?.value
    }

    // MARK: Types, as Yams reads them (YAML 1.1)

    /// Made once: Yams makes a new `Constructor` (with its maps) for every `Tag` made with the
    /// defaults. Both are immutable.
    nonisolated(unsafe) static let constructor = Constructor.default
    static let resolver = Resolver.default

    /// The scalar as Yams's `Node`, with its tag and style.
    var yamsScalar: Node? {
        guard case .scalar(let text, let style, let tag) = content else { return nil }
        let name = tag.map(Tag.Name.init(rawValue:)) ?? .implicit
        let yamsStyle: Node.Scalar.Style =
            switch style {
            case .plain: .plain
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            }
        return Node(text, Tag(name, Self.resolver, Self.constructor), yamsStyle)
    }

    /// Whether Yams reads the scalar as a null (`~`, `null`, nothing).
    public var isNull: Bool { yamsScalar?.null != nil }
    /// The scalar as Yams reads a boolean (`true`, `yes`, `off`), if it is one.
    public var bool: Bool? { yamsScalar?.bool }
    /// The scalar as Yams reads an integer (`12`, `0x1F`, `1_000`, `190:20:30`), if it is one.
    /// A base-60 integer too large for an `Int` is none: Yams multiplies its parts without
    /// checking and would trap (the fuzzer found `26:3044444444444444443:0:000`).
    public var int: Int? {
        if case .scalar(let text, _, _) = content, Self.sexagesimalOverflows(text) { return nil }
        return yamsScalar?.int
    }

    /// The first plain scalar of the tree whose reading as an integer would make Yams trap (see
    /// ``int``): a caller about to hand the same text to Yams itself refuses it first. Walks at
    /// most `limit` values (``count(upTo:)`` first, for a tree with aliases).
    public func firstOverflowingInteger(limit: Int) -> YAMLNode? {
        var stack = [self]
        var walked = 0
        while let node = stack.popLast(), walked < limit {
            walked += 1
            switch node.content {
            case .scalar(let text, let style, let tag):
                if style == .plain, tag == nil, Self.sexagesimalOverflows(text) { return node }
            case .sequence(let items): stack.append(contentsOf: items.reversed())
            case .mapping(let pairs):
                for (key, value) in pairs.reversed() {
                    stack.append(value)
                    stack.append(key)
                }
            }
        }
        return nil
    }

    /// Whether Yams's reading of `text` as a base-60 integer overflows: its own steps (the
    /// underscores dropped, a sign, the radix prefixes it tries first, each part read in base
    /// 10, then value += part * base and base *= 60 from the last part), each checked.
    static func sexagesimalOverflows(_ text: String) -> Bool {
        // Most scalars have no colon: no copy of them is made.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        var scalar = Substring(text.replacingOccurrences(of: "_", with: ""))
        let negative = scalar.hasPrefix("-")
        if negative || scalar.hasPrefix("+") { scalar = scalar.dropFirst() }
        if ["0x", "0b", "0o", "0"].contains(where: { scalar.hasPrefix($0) }) { return false }
        let parts = scalar.split(separator: ":", omittingEmptySubsequences: false).map { Int($0, radix: 10) }
        guard parts.allSatisfy({ $0 != nil }) else { return false }
        var base = 1
        var value = 0
        for part in parts.reversed() {
            let (product, productOverflows) = (part ?? 0).multipliedReportingOverflow(by: base)
            let (sum, sumOverflows) = value.addingReportingOverflow(product)
            let (next, baseOverflows) = base.multipliedReportingOverflow(by: 60)
            if productOverflows || sumOverflows || baseOverflows { return true }
            value = sum
            base = next
        }
        return negative && value == Int.min
    }
    /// The scalar as Yams reads a float (`1.5`, `.inf`), if it is one.
    public var float: Double? { yamsScalar?.float }

    /// The tag Yams resolves for the value, as it compares mapping keys.
    var resolvedTag: String {
        switch content {
        case .scalar(_, _, let tag): tag ?? Self.resolver.resolveTag(of: yamsScalar!).rawValue
        case .sequence: Tag.Name.seq.rawValue
        case .mapping: Tag.Name.map.rawValue
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
    public func count(upTo limit: Int) -> Int {
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
