import CYaml
import Yams

/// Reads one YAML document with libyaml's parser (the one Yams drives) into ``YAMLNode``s: what
/// `Yams.compose` reads, with the same errors at the same places, without Yams's `Node` tree,
/// whose duplicate-key check resolves the tag of every key by regular expressions (two thirds of
/// the Markdown import; `swift package benchmark --target MarkdownBatch`). `YAMLComposerTests`
/// compares the two.
public struct YAMLComposer {
    /// Why the text is not one YAML document, and where, from line and column 1 of the text.
    public struct Failure: Error, Equatable {
        public var problem: String
        public var line: Int
        public var column: Int
        /// What libyaml was reading when it failed, and the line where that began.
        public var context: String? = nil
        public var contextLine = 1

        /// The problem, with its context at its line of the file whose `firstLine` is the text's first.
        public func message(firstLine: Int) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context) at line \(firstLine + contextLine - 1))"
        }
    }

    private let yaml: String
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    /// The values of the anchors seen so far; a later anchor of the same name wins.
    private var anchors: [String: YAMLNode] = [:]

    /// The document's value; `nil` for a text with no document (empty, or only comments).
    public static func compose(_ yaml: String) throws(Failure) -> YAMLNode? {
        var yaml = yaml
        yaml.makeContiguousUTF8()
        let outcome = yaml.utf8.withContiguousStorageIfAvailable { bytes -> Result<YAMLNode?, Failure> in
            var composer = YAMLComposer(yaml: yaml)
            defer { composer.close() }
            yaml_parser_set_input_string(composer.parser, bytes.baseAddress, bytes.count)
            do throws(Failure) {
                return .success(try composer.singleRoot())
            } catch {
                return .failure(error)
            }
        }
        return try outcome!.get()
    }

    private init(yaml: String) {
        self.yaml = yaml
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    private func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event; the caller deletes it.
    private func next() throws(Failure) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw parserFailure() }
        return event
    }

    private func skip() throws(Failure) {
        var event = try next()
        yaml_event_delete(&event)
    }

    private mutating func singleRoot() throws(Failure) -> YAMLNode? {
        try skip()  // the stream's start
        var event = try next()
        defer { yaml_event_delete(&event) }
        guard event.type != YAML_STREAM_END_EVENT else { return nil }
        var root = try next()  // after the document's start
        let node = try load(&root)
        yaml_event_delete(&root)
        try skip()  // the document's end
        var after = try next()
        defer { yaml_event_delete(&after) }
        if after.type != YAML_STREAM_END_EVENT {
            let (line, column) = Self.mark(after.start_mark)
            throw Failure(
                problem: "but found another document", line: line, column: column, context: "expected a single document in the stream")
        }
        return node
    }

    private static func mark(_ mark: yaml_mark_t) -> (line: Int, column: Int) { (mark.line + 1, mark.column + 1) }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The value that starts with `event` (which the caller deletes), and all events of it.
    private mutating func load(_ event: inout yaml_event_t) throws(Failure) -> YAMLNode {
        let (line, column) = Self.mark(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else { throw Failure(problem: "found undefined alias", line: line, column: column) }
            return node
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            // As Yams gives the tag: a quoted scalar without one is a string.
            let tag = scalar.quoted_implicit == 1 ? Tag.Name.str.rawValue : Self.string(scalar.tag)
            let style: YAMLNode.Style =
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            let node = YAMLNode(content: .scalar(text, style: style, tag: tag), line: line, column: column)
            register(Self.string(scalar.anchor), node)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.string(event.data.sequence_start.anchor)
            var items: [YAMLNode] = []
            while true {
                var item = try next()
                defer { yaml_event_delete(&item) }
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try load(&item))
            }
            let node = YAMLNode(content: .sequence(items), line: line, column: column)
            register(anchor, node)
            return node
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.string(event.data.mapping_start.anchor)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            while true {
                var keyEvent = try next()
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try load(&keyEvent)
                var valueEvent = try next()
                defer { yaml_event_delete(&valueEvent) }
                pairs.append((key, try load(&valueEvent)))
            }
            try Self.checkDuplicates(pairs)
            let node = YAMLNode(content: .mapping(pairs), line: line, column: column)
            register(anchor, node)
            return node
        default:
            throw Failure(problem: "unexpected YAML event", line: line, column: column)
        }
    }

    private mutating func register(_ anchor: String?, _ node: YAMLNode) {
        if let anchor { anchors[anchor] = node }
    }

    /// Keys Yams takes for the same (see ``YAMLNode/sameKey(as:)``) are an error at the first of
    /// them, as Yams says it. Keys of different texts never are: tags are resolved only for keys
    /// of the same text, and for keys that are collections.
    private static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(Failure) {
        guard pairs.count > 1 else { return }
        var seen = Set<String>(minimumCapacity: pairs.count)
        var suspect = false
        for pair in pairs {
            guard let text = pair.key.text, seen.insert(text).inserted else {
                suspect = true
                break
            }
        }
        guard suspect else { return }
        // Each key that an earlier one equals is a duplicate of that earlier (first) key.
        var firsts: [YAMLNode] = []
        for (index, pair) in pairs.enumerated() where !firsts.contains(where: { $0.sameKey(as: pair.key) }) {
            if pairs[(index + 1)...].contains(where: { $0.key.sameKey(as: pair.key) }) { firsts.append(pair.key) }
        }
        guard !firsts.isEmpty else { return }
        // Yams lists them sorted (scalars by text), and points at the first of that order.
        let sorted = firsts.sorted { ($0.text ?? "") < ($1.text ?? "") }
        let names = sorted.map { "'\($0.text ?? "<uncovertable>")'" }.joined(separator: ", ")
        throw Failure(problem: "duplicate keys \(names) in a mapping", line: sorted[0].line, column: sorted[0].column)
    }

    /// libyaml's error as Yams words it, with its context.
    private func parserFailure() -> Failure {
        let parser = parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML parser failed"
        if parser.error == YAML_READER_ERROR {
            // libyaml counts bytes; the position is counted in Characters, as Yams does.
            guard
                let index = yaml.utf8.index(yaml.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: yaml.utf8.endIndex)?
                    .samePosition(in: yaml)
            else { return Failure(problem: problem, line: 1, column: 1) }
            var line = 1
            var column = 1
            for character in yaml[..<index] {
                if character.isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return Failure(problem: problem, line: line, column: column)
        }
        let (line, column) = Self.mark(parser.problem_mark)
        guard let context = parser.context else { return Failure(problem: problem, line: line, column: column) }
        return Failure(
            problem: problem, line: line, column: column, context: String(cString: context), contextLine: parser.context_mark.line + 1)
    }
}
