import CLibXML2
import Foundation

/// Serializes elements of a parsed document as standalone well-formed XML fragments, for
/// keeping unmapped elements whole in an article's extensions: the element's own source bytes when
/// the parser recorded where it lies (a UTF-8 document parsed through ``XMLDocument/parse(_:path:encoding:)``),
/// else libxml2's dump of it; and the namespace declarations it needs from its ancestors (every
/// prefix in scope, since QName values such as `valuedatatype="xs:string"` rely on them; a default
/// namespace where it differs from the one the fragment will be written under) added to its start tag.
///
/// One writer serves the elements of one document: it remembers the namespaces in scope under
/// each parent it has seen, so siblings do not look them up again. Do not keep it past the
/// document's lifetime.
public final class XMLFragmentWriter {
    /// The scopes worked out, by the element that declares them (a handful per document, nearly
    /// always the root alone: a linear look-up beats hashing).
    private var scopes: [(xmlNodePtr, Scope)] = []
    /// One buffer for every dump, emptied each time.
    private let buffer: xmlBufferPtr? = xmlBufferCreate()

    public init() {}

    deinit { if let buffer { xmlBufferFree(buffer) } }

    public func serialize(_ element: XMLElement, defaultNamespace: String?) -> String {
        let node = element.node
        // Entity references would need the DTD that declares them: those (rare) documents take
        // the slower path that writes them as text.
        guard let doc = node.pointee.doc, doc.pointee.intSubset == nil else { return element.serializedInSwift(defaultNamespace: defaultNamespace) }
        var declared: [UnsafePointer<xmlChar>] = []
        var ownDefault = false
        var ns = node.pointee.nsDef
        while let current = ns {
            if let prefix = current.pointee.prefix { declared.append(prefix) } else { ownDefault = true }
            ns = current.pointee.next
        }
        // The declarations to add, rendered: the default namespace when the fragment needs its
        // own, and the prefixes in scope that the element does not declare itself (rendered
        // once per parent, since siblings share them).
        var declarations: [UInt8] = []
        if !ownDefault, node.pointee.ns?.pointee.prefix == nil, !Self.same(node.pointee.ns?.pointee.href, defaultNamespace) {
            declarations = Self.render("xmlns", element.namespaceURI ?? "")
        }
        let scope = scope(of: node)
        if declared.isEmpty {
            declarations += scope.all
        } else {
            for (prefix, rendered) in scope.prefixes where !declared.contains(where: { declared in prefix.withCString { xmlStrEqual(declared, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0 } }) {
                declarations += rendered
            }
        }
        // The element's own bytes when the parser recorded them; else libxml2's dump of it.
        if let document = element.owner as? XMLDocument, let source = document.source,
            let kept = sourceText(of: node, in: source, declarations: declarations)
        {
            return kept
        }
        // Without a declared encoding libxml2 writes non-ASCII attribute characters as character
        // references; the documents are UTF-8 inside, so say so.
        if doc.pointee.encoding == nil { doc.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8")) }
        guard let buffer else { return element.serializedInSwift(defaultNamespace: defaultNamespace) }
        xmlBufferEmpty(buffer)
        let output = xmlOutputBufferCreateBuffer(buffer, nil)
        xmlNodeDumpOutput(output, doc, node, 0, 0, "UTF-8")
        xmlOutputBufferClose(output)
        guard let content = xmlBufferContent(buffer) else { return element.serializedInSwift(defaultNamespace: defaultNamespace) }
        return spliced(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))), node: node, declarations: declarations)
    }

    /// The element's source bytes with the declarations added, or nil when no range was recorded
    /// or the bytes there are not this element's start and end.
    private func sourceText(of node: xmlNodePtr, in source: Data, declarations: [UInt8]) -> String? {
        var begin = 0
        var end = 0
        guard newsconv_source_range(node, &begin, &end) != 0, end <= source.count, end - begin >= 3 else { return nil }
        return source.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes[begin] == UInt8(ascii: "<"), bytes[end - 1] == UInt8(ascii: ">") else { return nil }
            // The qualified name must follow the `<`, then a space, `>` or `/`.
            var at = begin + 1
            func match(_ name: UnsafePointer<xmlChar>) -> Bool {
                var pointer = name
                while pointer.pointee != 0 {
                    guard at < end, bytes[at] == pointer.pointee else { return false }
                    at += 1
                    pointer += 1
                }
                return true
            }
            if let prefix = node.pointee.ns?.pointee.prefix {
                guard match(prefix), at < end, bytes[at] == UInt8(ascii: ":") else { return nil }
                at += 1
            }
            guard match(node.pointee.name), at < end else { return nil }
            let next = bytes[at]
            guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else { return nil }
            return spliced(UnsafeBufferPointer(rebasing: bytes[begin..<end]), node: node, declarations: declarations)
        }
    }

    /// An element's serialization with namespace declarations added to its start tag.
    private func spliced(_ serialized: UnsafeBufferPointer<UInt8>, node: xmlNodePtr, declarations: [UInt8]) -> String {
        guard !declarations.isEmpty else { return String(decoding: serialized, as: UTF8.self) }
        // `<` and the qualified name, then the declarations, then the rest as it was.
        var nameEnd = 1 + strlen(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self))
        if let prefix = node.pointee.ns?.pointee.prefix { nameEnd += strlen(UnsafeRawPointer(prefix).assumingMemoryBound(to: CChar.self)) + 1 }
        return String(unsafeUninitializedCapacity: serialized.count + declarations.count) { buffer in
            var at = buffer.initialize(fromContentsOf: serialized[..<nameEnd])
            at = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: declarations) + at
            at = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: serialized[nameEnd...]) + at
            return at
        }
    }

    /// Whether a namespace URI of the document is `uri` (both absent counts as the same).
    private static func same(_ href: UnsafePointer<xmlChar>?, _ uri: String?) -> Bool {
        guard let href, let uri else { return href == nil && uri == nil }
        return uri.withCString { strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// ` name="value"`, the value escaped.
    private static func render(_ name: String, _ value: String) -> [UInt8] {
        var writer = XMLWriter(pretty: false, capacity: name.utf8.count + value.utf8.count + 8)
        writer.attributeText(name, value)
        return writer.bytes
    }

    /// The prefixes declared on the element's ancestors, each rendered as a declaration, and all
    /// of them together, innermost first as `xmlGetNsList` gives them; worked out once per parent.
    private func scope(of node: xmlNodePtr) -> Scope {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return Scope(prefixes: [], all: []) }
        return scope(in: parent)
    }

    /// The prefixes in scope inside an element: its own declarations, then its parent's scope
    /// without the prefixes it redeclares. A parent's scope is shared by all its children's.
    private func scope(in element: xmlNodePtr) -> Scope {
        // An element that declares nothing has its parent's scope: the scope is the one of the
        // nearest element that declares prefixes.
        var element = element
        while element.pointee.nsDef == nil {
            guard let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return Scope(prefixes: [], all: []) }
            element = parent
        }
        if let known = scopes.first(where: { $0.0 == element }) { return known.1 }
        var inherited = Scope(prefixes: [], all: [])
        if let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE { inherited = scope(in: parent) }
        var own: [(String, [UInt8])] = []
        var ns = element.pointee.nsDef
        while let current = ns {
            if let prefix = XMLRuntime.string(current.pointee.prefix), let href = XMLRuntime.string(current.pointee.href), prefix != "xml",
                !own.contains(where: { $0.0 == prefix })
            {
                own.append((prefix, Self.render("xmlns:" + prefix, href)))
            }
            ns = current.pointee.next
        }
        var result = inherited
        if !own.isEmpty {
            let prefixes = own + inherited.prefixes.filter { prefix in !own.contains(where: { $0.0 == prefix.0 }) }
            result = Scope(prefixes: prefixes, all: prefixes.flatMap(\.1))
        }
        scopes.append((element, result))
        return result
    }

    private struct Scope {
        var prefixes: [(String, [UInt8])]
        var all: [UInt8]
    }
}
