import Foundation
import Testing
import Yams

@testable import NewsYAML

/// The Markdown importer reads front matter with its own composer over libyaml's parser
/// (``YAMLComposer``); before, it used `Yams.compose`, kept here as the reference. Both must read
/// the same values, styles, tags and places, and fail with the same problem at the same place.
@Suite struct YAMLComposerTests {
    /// What either composer makes of a text: a value, or (problem, line, column).
    enum Outcome: Equatable {
        case value(String)
        case failure(String, Int, Int)
        case empty
    }

    /// Yams's tree, written out with each value's place, style and resolved tag.
    static func describe(_ node: Node) -> String {
        let place = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
        switch node {
        case .scalar(let scalar):
            return "scalar(\(scalar.string.debugDescription) \(scalar.style) \(Node.scalar(scalar).tag)\(place))"
        case .sequence(let items): return "seq\(place)[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "map\(place){" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case .alias: return "alias"
        }
    }

    /// The composer's tree, written out the same way.
    static func describe(_ node: YAMLNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.content {
        case .scalar(let text, let style, _):
            // The tag as Yams resolves it on comparison: `Node.tag` resolves in place.
            return "scalar(\(text.debugDescription) \(style) \(node.yamsScalar!.tag)\(place))"
        case .sequence(let items): return "seq\(place)[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "map\(place){" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Yams's outcome, its error placed as the importer placed it before (lines from 1).
    static func yams(_ yaml: String) -> Outcome {
        do {
            guard let node = try Yams.compose(yaml: yaml, .default, .default, .utf8) else { return .empty }
            return .value(describe(node))
        } catch let error as YamlError {
            func withContext(_ problem: String, _ context: YamlError.Context?) -> String {
                guard let context else { return problem }
                return "\(problem) (\(context.text) at line \(context.mark.line))"
            }
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                return .failure(withContext(problem, context), mark.line, mark.column)
            case .reader(let problem, let offset, _, _):
                guard let offset else { return .failure(problem, 1, 1) }
                var line = 1
                var column = 1
                for character in yaml.prefix(offset) {
                    if character.isNewline {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                return .failure(problem, line, column)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .failure(
                    "duplicate keys \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping", context.mark.line,
                    context.mark.column)
            default:
                return .failure("\(error)", 1, 1)
            }
        } catch {
            return .failure("\(error)", 1, 1)
        }
    }

    static func composer(_ yaml: String) -> Outcome {
        do {
            guard let node = try YAMLComposer.compose(yaml) else { return .empty }
            return .value(describe(node))
        } catch let failure as YAMLComposer.Failure {
            return .failure(failure.message(firstLine: 1), failure.line, failure.column)
        } catch {
            return .failure("\(error)", 1, 1)
        }
    }

    static let texts: [String] = [
        "", "# only a comment\n", "title: plain\n", "title: 'single'\nsummary: \"double\"\n", "a: |\n  literal\n  lines\nb: >\n  folded\n",
        "list:\n- a\n- 1\n- 1.5\n- true\n- ~\n- null\n- 2026-12-07\n- 12:30\n", "flow: [a, {b: c}, [d]]\nmap: {x: 1, y: \"2\"}\n",
        "anchor: &a [1, 2]\nalias: *a\n", "a: *missing\n", "a: 1\na: 2\n", "b: 1\na: 1\nb: 2\na: 3\n", "'1': a\n1: b\n",
        "\"a\": 1\na: 2\n", "x:\n  k: 1\n  k: 2\n", "? [a, b]\n: 1\n? [a, b]\n: 2\n", "? {a: 1}\n: x\n",
        "tagged: !!str 3\nint: !!int \"4\"\n",
        "custom: !thing value\nbang: ! 5\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a:\n\t- tab\n", "a: b: c\n", "- a\nb: c\n",
        "a: \u{01}\n", "a: \"\u{7F}\"\n", "title: Bogotá «Mythos» 日本語 🗞️\n", "a: 'it''s'\n", "key with spaces: value with: colon\n",
        "a: &x 1\nb: &x 2\nc: *x\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n", "? \n: empty key\n", "\"\": empty\n", "a: {b: 1, b: 2}\n",
        "y: yes\nn: No\non: off\n", "a:\n  - b\n   - c\n", "[a, b]\n", "plain scalar\n", "a: \"unterminated\n", "a: 'x\n\n  y'\n",
    ]

    @Test func sameTreesAndFailures() {
        for text in Self.texts {
            #expect(Self.composer(text) == Self.yams(text), "\(text.debugDescription)")
        }
    }

    /// Documents written by ``YAMLEmitter`` from generated events (awkward scalars, nesting,
    /// empty collections) read the same either way.
    @Test func generatedDocuments() throws {
        var generator = YAMLEventGenerator(seed: 7)
        for _ in 0..<400 {
            var emitter = YAMLEmitter()
            generator.document(into: &emitter)
            let yaml = try emitter.finish()
            #expect(Self.composer(yaml) == Self.yams(yaml), "\(yaml)")
        }
    }
}
