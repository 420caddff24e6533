import CLibXML2
import Foundation

/// Serializes elements of a parsed document as standalone well-formed XML fragments, for
/// keeping unmapped elements whole in an article's extensions: libxml2 dumps the element, and the
/// namespace declarations it needs from its ancestors (every prefix in scope, since QName values
/// such as `valuedatatype="xs:string"` rely on them; a default namespace where it differs from
/// the one the fragment will be written under) are added to its start tag.
///
/// One writer serves the elements of one document: it remembers the namespaces in scope under
/// each parent it has seen, so siblings do not look them up again. Do not keep it past the
/// document's lifetime.
public final class XMLFragmentWriter {
    private var scopes: [xmlNodePtr: [(String, String)]] = [:]
    /// One buffer for every dump, emptied each time.
    private let buffer: xmlBufferPtr? = xmlBufferCreate()

    public init() {}

    deinit { if let buffer { xmlBufferFree(buffer) } }

    public func serialize(_ element: XMLElement, defaultNamespace: String?) -> String {
        let node = element.node
        // Entity references would need the DTD that declares them: those (rare) documents take
        // the slower path that writes them as text. Everything else is dumped by libxml2 itself.
        guard let doc = node.pointee.doc, doc.pointee.intSubset == nil else { return element.serializedInSwift(defaultNamespace: defaultNamespace) }
        var declared: [UnsafePointer<xmlChar>] = []
        var ownDefault = false
        var ns = node.pointee.nsDef
        while let current = ns {
            if let prefix = current.pointee.prefix { declared.append(prefix) } else { ownDefault = true }
            ns = current.pointee.next
        }
        var declarations: [(String, String)] = []
        if !ownDefault, node.pointee.ns?.pointee.prefix == nil {
            let namespace = element.namespaceURI
            if namespace != defaultNamespace { declarations.append(("xmlns", namespace ?? "")) }
        }
        for (prefix, href) in inherited(node) where !declared.contains(where: { xmlStrEqual($0, prefix) != 0 }) {
            declarations.append(("xmlns:" + prefix, href))
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
        let dumped = UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer)))
        guard !declarations.isEmpty else { return String(decoding: dumped, as: UTF8.self) }
        // `<` and the qualified name, then the declarations, then the rest as dumped.
        var nameEnd = 1 + strlen(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self))
        if let prefix = node.pointee.ns?.pointee.prefix { nameEnd += strlen(UnsafeRawPointer(prefix).assumingMemoryBound(to: CChar.self)) + 1 }
        var writer = XMLWriter(pretty: false, capacity: dumped.count + 128)
        writer.appendBytes(UnsafeBufferPointer(rebasing: dumped[..<nameEnd]))
        for (name, value) in declarations { writer.attributeText(name, value) }
        writer.appendBytes(UnsafeBufferPointer(rebasing: dumped[nameEnd...]))
        return writer.string
    }

    /// The prefixes declared on the element's ancestors, looked up once per parent.
    private func inherited(_ node: xmlNodePtr) -> [(String, String)] {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return [] }
        if let known = scopes[parent] { return known }
        let prefixes = XMLElement.inScopePrefixes(of: parent)
        scopes[parent] = prefixes
        return prefixes
    }
}
