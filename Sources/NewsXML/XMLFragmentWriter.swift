import CLibXML2
import Foundation

/// Serializes elements of a parsed document as standalone well-formed XML fragments, for
/// keeping unmapped elements whole in an article's extensions: the element's own source bytes when
/// the parser recorded where it lies (a UTF-8 document without a DTD), else a serialization of it;
/// and the namespace declarations it needs from its ancestors (the prefixes in scope that its
/// names or attribute values use, since QName values such as `valuedatatype="xs:string"` rely on
/// them; a default namespace where it differs from the one the fragment will be written under)
/// added to its start tag.
///
/// One writer serves the elements of one document: it remembers the namespaces in scope under
/// each element that declares some, so siblings do not look them up again.
public final class XMLFragmentWriter {
    /// The scopes worked out, by the element that declares them (a handful per document, nearly
    /// always the root alone: a linear look-up beats hashing).
    private var scopes: [(Int32, Scope)] = []

    public init() {}

    /// - Parameter oneLine: the names of elements whose text is a one-line string type (G2's
    ///   `g2normalizedString`): where one holds a tab or a line end (invalid in its source too),
    ///   the element is re-serialized with spaces for them, so that the output stays valid.
    public func serialize(_ element: XMLElement, defaultNamespace: String?, oneLine: Set<String> = []) -> String {
        let nodes = element.nodes
        if element.hasLineBreaks(inElementsNamed: oneLine) {
            return element.serializedInSwift(defaultNamespace: defaultNamespace, oneLine: oneLine)
        }
        // Entity references would need the DTD that declares them: those (rare) documents, and
        // those parsed from another encoding than UTF-8, are serialized in Swift.
        guard !nodes.hasDTD, let source = nodes.source else { return element.serializedInSwift(defaultNamespace: defaultNamespace) }
        let node = element.node
        var declared: [UInt32] = []
        var ownDefault = false
        for index in node.pointee.namespaces..<(node.pointee.namespaces + node.pointee.namespace_count) {
            let prefix = nodes.namespace(index).pointee.prefix
            if prefix != 0 { declared.append(prefix) } else { ownDefault = true }
        }
        // The declarations to add, rendered: the default namespace when the fragment needs its
        // own, and the prefixes in scope that the element does not declare itself (rendered
        // once per declaring ancestor, since siblings share them).
        var declarations: [UInt8] = []
        if !ownDefault, node.pointee.prefix == 0, !nodes.same(node.pointee.href, defaultNamespace) {
            declarations = Self.render("xmlns", element.namespaceURI ?? "")
        }
        let scope = node.pointee.parent >= 0 ? scope(in: node.pointee.parent, of: nodes) : Scope(prefixes: [])
        if !scope.prefixes.isEmpty {
            let used = element.usedPrefixes(inElementNames: true)
            for (prefix, rendered) in scope.prefixes
            where used.contains(prefix) && !declared.contains(where: { strcmp(nodes.cString($0), prefix) == 0 }) {
                declarations += rendered
            }
        }
        return sourceText(of: element, in: source, declarations: declarations)
            ?? element.serializedInSwift(defaultNamespace: defaultNamespace)
    }

    /// The element's source bytes with the declarations added, or nil when no range was recorded
    /// or the bytes there are not this element's start and end.
    private func sourceText(of element: XMLElement, in source: Data, declarations: [UInt8]) -> String? {
        let nodes = element.nodes
        let node = element.node
        guard node.pointee.source_begin != 0, node.pointee.source_end >= node.pointee.source_begin else { return nil }
        let begin = Int(node.pointee.source_begin) - 1
        let end = Int(node.pointee.source_end)
        guard end <= source.count, end - begin >= 3 else { return nil }
        return source.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes[begin] == UInt8(ascii: "<"), bytes[end - 1] == UInt8(ascii: ">") else { return nil }
            // The qualified name must follow the `<`, then a space, `>` or `/`.
            var at = begin + 1
            func match(_ offset: UInt32) -> Bool {
                var pointer = nodes.cString(offset)
                while pointer.pointee != 0 {
                    guard at < end, bytes[at] == UInt8(bitPattern: pointer.pointee) else { return false }
                    at += 1
                    pointer += 1
                }
                return true
            }
            if node.pointee.prefix != 0 {
                guard match(node.pointee.prefix), at < end, bytes[at] == UInt8(ascii: ":") else { return nil }
                at += 1
            }
            guard match(node.pointee.name), at < end else { return nil }
            let next = bytes[at]
            guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
            else { return nil }
            return Self.spliced(UnsafeBufferPointer(rebasing: bytes[begin..<end]), nameEnd: at - begin, declarations: declarations)
        }
    }

    /// An element's serialization with namespace declarations added after its qualified name.
    private static func spliced(_ serialized: UnsafeBufferPointer<UInt8>, nameEnd: Int, declarations: [UInt8]) -> String {
        guard !declarations.isEmpty else { return String(decoding: serialized, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: serialized.count + declarations.count) { buffer in
            var at = buffer.initialize(fromContentsOf: serialized[..<nameEnd])
            at = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: declarations) + at
            at = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: serialized[nameEnd...]) + at
            return at
        }
    }

    /// ` name="value"`, the value escaped: copied as it is when it needs no escape (namespace
    /// URIs nearly never do), else written by an ``XMLWriter``.
    static func render(_ name: String, _ value: String) -> [UInt8] {
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0xEF }
        }
        guard plain == true else {
            var writer = XMLWriter(pretty: false, capacity: name.utf8.count + value.utf8.count + 8)
            writer.attributeText(name, value)
            return writer.bytes
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + value.utf8.count + 4)
        bytes.append(0x20)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: value.utf8)
        bytes.append(UInt8(ascii: "\""))
        return bytes
    }

    /// The prefixes in scope inside an element: its own declarations, then its parent's scope
    /// without the prefixes it redeclares; worked out once per element that declares some.
    private func scope(in start: Int32, of nodes: XMLNodes) -> Scope {
        // An element that declares nothing has its parent's scope: the scope is the one of the
        // nearest element that declares prefixes.
        var element = start
        while nodes.node(element).pointee.namespace_count == 0 {
            element = nodes.node(element).pointee.parent
            if element < 0 { return Scope(prefixes: []) }
        }
        if let known = scopes.first(where: { $0.0 == element }) { return known.1 }
        let parent = nodes.node(element).pointee.parent
        let inherited = parent >= 0 ? scope(in: parent, of: nodes) : Scope(prefixes: [])
        var own: [(String, [UInt8])] = []
        let node = nodes.node(element)
        for index in node.pointee.namespaces..<(node.pointee.namespaces + node.pointee.namespace_count) {
            let declaration = nodes.namespace(index)
            guard declaration.pointee.prefix != 0, strcmp(nodes.cString(declaration.pointee.prefix), "xml") != 0 else { continue }
            let prefix = String(cString: nodes.cString(declaration.pointee.prefix))
            guard !own.contains(where: { $0.0 == prefix }) else { continue }
            own.append((prefix, Self.render("xmlns:" + prefix, nodes.string(declaration.pointee.href) ?? "")))
        }
        var result = inherited
        if !own.isEmpty {
            let prefixes = own + inherited.prefixes.filter { prefix in !own.contains(where: { $0.0 == prefix.0 }) }
            result = Scope(prefixes: prefixes)
        }
        scopes.append((element, result))
        return result
    }

    private struct Scope {
        var prefixes: [(String, [UInt8])]
    }
}
