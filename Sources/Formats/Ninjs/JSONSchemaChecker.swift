import Foundation
import NewsCore

/// Checks a JSON value against a JSON Schema, the subset IPTC's ninjs schemas use (drafts 03, 04,
/// 07 and 2020-12): `type`, `enum`, `const`, `properties`, `patternProperties`,
/// `additionalProperties`, `unevaluatedProperties: false`, `required` (array, or draft 03's
/// boolean), `items`, `minItems`, `maximum`/`minimum`, `pattern`, `allOf`/`anyOf`/`oneOf`/`not`, and
/// `$ref` (in the document, or to a schema given by URI such as GeoJSON's). `format` is an
/// annotation and is not checked, as IPTC's own test runner does.
struct JSONSchemaChecker {
    /// Schemas by URI, for `$ref`s that leave the document.
    let external: [String: JSONValue]
    private let expressions = ExpressionCache()

    /// Compiled patterns, each compiled once.
    private final class ExpressionCache: @unchecked Sendable {
        private var cache: [String: NSRegularExpression] = [:]
        private let lock = NSLock()

        func matches(_ pattern: String, _ text: String) -> Bool {
            lock.lock()
            let cached = cache[pattern]
            lock.unlock()
            guard let expression = cached ?? (try? NSRegularExpression(pattern: pattern)) else { return false }
            if cached == nil {
                lock.lock()
                cache[pattern] = expression
                lock.unlock()
            }
            return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    init(external: [String: JSONValue]) { self.external = external }

    struct Problem {
        var path: [JSONPathScanner.Step]
        var message: String
    }

    func check(_ value: JSONValue, against schema: JSONValue) -> [Problem] {
        check(value, schema, root: schema, path: []).problems
    }

    private func pathText(_ path: [JSONPathScanner.Step]) -> String {
        path.isEmpty
            ? "the document"
            : path.map { step -> String in
                switch step {
                case .key(let key): "/\(key)"
                case .index(let index): "/\(index)"
                }
            }.joined()
    }

    /// The schema a `$ref` points to, and the document it lives in.
    private func resolve(_ reference: String, root: JSONValue) -> (schema: JSONValue, root: JSONValue)? {
        var document = root
        var fragment = reference
        if !reference.hasPrefix("#") {
            let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
            if let external = external[parts[0]] {
                document = external
            } else if case .object(let members) = root,
                (members["$id"] ?? members["id"])?.stringValue.map({
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: "#")) == parts[0]
                }) == true
            {
                // The schema names itself by its `$id` (ninjs 1.x's associations).
                document = root
            } else {
                return nil
            }
            fragment = parts.count > 1 ? "#" + parts[1] : "#"
        }
        var node = document
        for part in fragment.dropFirst().split(separator: "/") where !part.isEmpty {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard case .object(let members) = node, let next = members[key] else { return nil }
            node = next
        }
        return (node, document)
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n == n.rounded() ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        let actual = typeName(value)
        return type == actual || (type == "number" && actual == "integer") || type == "any"
    }

    /// The problems, and the object members this schema (with what it applies) evaluated.
    private func check(_ value: JSONValue, _ schema: JSONValue, root: JSONValue, path: [JSONPathScanner.Step]) -> (
        problems: [Problem], evaluated: Set<String>
    ) {
        guard case .object(let keywords) = schema else {
            if case .bool(false) = schema { return ([Problem(path: path, message: "\(pathText(path)) is not allowed here")], []) }
            return ([], [])
        }
        var problems: [Problem] = []
        var evaluated: Set<String> = []
        func fail(_ message: String) { problems.append(Problem(path: path, message: "\(pathText(path)): \(message)")) }

        if case .string(let reference)? = keywords["$ref"] {
            if let (target, document) = resolve(reference, root: root) {
                let result = check(value, target, root: document, path: path)
                problems += result.problems
                evaluated.formUnion(result.evaluated)
            } else {
                fail("the schema's reference \(reference) cannot be resolved")
            }
        }
        switch keywords["type"] {
        case .string(let type)?: if !Self.matches(value, type: type) { fail("expected \(type), found \(Self.typeName(value))") }
        case .array(let types)?:
            let names = types.compactMap(\.stringValue)
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                fail("expected \(names.joined(separator: " or ")), found \(Self.typeName(value))")
            }
        default: break
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(value) { fail("not one of the allowed values") }
        if let constant = keywords["const"], constant != value { fail("not the required value") }

        for combinator in ["allOf", "anyOf", "oneOf"] {
            guard case .array(let branches)? = keywords[combinator] else { continue }
            let results = branches.map { check(value, $0, root: root, path: path) }
            let passing = results.filter(\.problems.isEmpty)
            switch combinator {
            case "allOf": problems += results.flatMap(\.problems)
            case "anyOf": if passing.isEmpty { fail("matches none of the allowed forms (\(results.first?.problems.first?.message ?? ""))") }
            default:
                if passing.count != 1 { fail(passing.isEmpty ? "matches none of the allowed forms" : "matches more than one of the forms") }
            }
            for result in (combinator == "allOf" ? results : passing) { evaluated.formUnion(result.evaluated) }
        }
        if let negated = keywords["not"], check(value, negated, root: root, path: path).problems.isEmpty {
            fail("matches a form that is not allowed")
        }

        switch value {
        case .object(let members):
            let properties: [String: JSONValue] = { if case .object(let p)? = keywords["properties"] { return p } else { return [:] } }()
            let patterns: [String: JSONValue] = {
                if case .object(let p)? = keywords["patternProperties"] { return p } else { return [:] }
            }()
            if case .array(let required)? = keywords["required"] {
                for name in required.compactMap(\.stringValue) where members[name] == nil {
                    fail("the required property \"\(name)\" is missing")
                }
            }
            for (name, property) in properties {
                // Draft 03: `"required": true` on the property itself.
                if case .object(let inner) = property, case .bool(true)? = inner["required"], members[name] == nil {
                    fail("the required property \"\(name)\" is missing")
                }
            }
            for key in members.keys.sorted() {
                var matched = false
                if let property = properties[key] {
                    matched = true
                    problems += check(members[key]!, property, root: root, path: path + [.key(key)]).problems
                }
                for (pattern, patternSchema) in patterns where expressions.matches(pattern, key) {
                    matched = true
                    problems += check(members[key]!, patternSchema, root: root, path: path + [.key(key)]).problems
                }
                if matched {
                    evaluated.insert(key)
                } else if let additional = keywords["additionalProperties"] {
                    if case .bool(false) = additional {
                        problems.append(
                            Problem(
                                path: path + [.key(key)], message: "\(pathText(path + [.key(key)])): the property \"\(key)\" is not allowed"
                            ))
                    } else {
                        problems += check(members[key]!, additional, root: root, path: path + [.key(key)]).problems
                    }
                    evaluated.insert(key)
                }
            }
            if case .bool(false)? = keywords["unevaluatedProperties"] {
                for key in members.keys.sorted() where !evaluated.contains(key) {
                    problems.append(
                        Problem(
                            path: path + [.key(key)], message: "\(pathText(path + [.key(key)])): the property \"\(key)\" is not allowed"))
                }
                evaluated.formUnion(members.keys)
            }
        case .array(let items):
            if let itemSchema = keywords["items"], case .object = itemSchema {
                for (index, item) in items.enumerated() {
                    problems += check(item, itemSchema, root: root, path: path + [.index(index)]).problems
                }
            }
            if case .number(let minimum)? = keywords["minItems"], Double(items.count) < minimum {
                fail("has fewer than \(Int(minimum)) items")
            }
        case .number(let number):
            if case .number(let maximum)? = keywords["maximum"], number > maximum { fail("\(number) is more than \(maximum)") }
            if case .number(let minimum)? = keywords["minimum"], number < minimum { fail("\(number) is less than \(minimum)") }
        case .string(let text):
            if case .string(let pattern)? = keywords["pattern"], !expressions.matches(pattern, text) {
                fail("does not match the pattern \(pattern)")
            }
        default:
            break
        }
        return (problems, evaluated)
    }
}
