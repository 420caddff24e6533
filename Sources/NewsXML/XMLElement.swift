import CLibXML2
import Foundation

/// A view of an element inside a parsed document, read without copying. It keeps its document
/// alive; an element handed over by ``XMLStreamReader`` is valid only inside the callback.
public struct XMLElement {
    let nodes: XMLNodes
    let index: Int32

    init(nodes: XMLNodes, index: Int32) {
        self.nodes = nodes
        self.index = index
    }

    private var node: UnsafeMutablePointer<newsconv_node> { nodes.node(index) }

    /// The local name (`newsItem`).
    public var name: String { String(cString: nodes.cString(node.pointee.name)) }

    /// Compares the local name without making a String.
    public func isNamed(_ localName: String) -> Bool {
        localName.withCString { strcmp(nodes.cString(node.pointee.name), $0) == 0 }
    }

    /// The namespace URI, if the element is in one.
    public var namespaceURI: String? { nodes.string(node.pointee.href) }

    /// True when the element is in no namespace or in `uri`; compared without making a String.
    public func isInNamespaceOrNone(_ uri: String) -> Bool {
        node.pointee.href == 0 || nodes.same(node.pointee.href, uri)
    }

    /// The line of the start tag (1-based).
    public var line: Int { Int(node.pointee.line) }

    /// The attributes, as indexes into the tree's attribute array.
    private var attributeIndexes: Range<Int32> { node.pointee.attributes..<(node.pointee.attributes + node.pointee.attribute_count) }

    /// An attribute's value. Without `namespace`, an attribute in no namespace; `xml:lang` is
    /// `attribute("lang", namespace: XMLElement.xmlNamespace)`.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        name.withCString { wanted -> String? in
            for index in attributeIndexes {
                let attribute = nodes.attribute(index)
                guard strcmp(nodes.cString(attribute.pointee.name), wanted) == 0, nodes.same(attribute.pointee.href, namespace) else { continue }
                return nodes.string(attribute.pointee.value, count: attribute.pointee.value_length)
            }
            return nil
        }
    }

    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Every attribute: local name, namespace URI, value.
    public var attributes: [(name: String, namespaceURI: String?, value: String)] {
        attributeIndexes.map { index in
            let attribute = nodes.attribute(index)
            return (
                String(cString: nodes.cString(attribute.pointee.name)), nodes.string(attribute.pointee.href),
                nodes.string(attribute.pointee.value, count: attribute.pointee.value_length)
            )
        }
    }

    /// True when every attribute passes `allowed` (local name, namespace URI); values are not read.
    public func attributesAll(_ allowed: (UnsafePointer<CChar>, String?) -> Bool) -> Bool {
        attributeIndexes.allSatisfy { index in
            let attribute = nodes.attribute(index)
            return allowed(nodes.cString(attribute.pointee.name), nodes.string(attribute.pointee.href))
        }
    }

    /// The content of an element, in order.
    public enum Child {
        case element(XMLElement)
        case text(String)
        /// An entity reference that was deliberately not expanded (`&name;`).
        case entityReference(String)
    }

    /// The children's indexes in the tree, in order.
    private var childIndexes: some Sequence<Int32> {
        sequence(first: node.pointee.first_child) { [nodes] in nodes.node($0).pointee.next }.prefix { $0 >= 0 }
    }

    /// The children: elements, text (CDATA included) and unexpanded entity references; comments
    /// and processing instructions are left out.
    public var children: [Child] {
        childIndexes.map { index in
            let child = nodes.node(index)
            switch child.pointee.kind {
            case Int32(NEWSCONV_ELEMENT): return .element(XMLElement(nodes: nodes, index: index))
            case Int32(NEWSCONV_TEXT): return .text(nodes.string(child.pointee.text, count: child.pointee.text_length))
            default: return .entityReference(String(cString: nodes.cString(child.pointee.name)))
            }
        }
    }

    /// The child elements, in order.
    public var elements: [XMLElement] {
        var result: [XMLElement] = []
        for index in childIndexes where nodes.node(index).pointee.kind == Int32(NEWSCONV_ELEMENT) {
            result.append(XMLElement(nodes: nodes, index: index))
        }
        return result
    }

    /// The first child element with this local name.
    public func first(_ localName: String) -> XMLElement? {
        localName.withCString { wanted in
            childIndexes.first { index in
                let child = nodes.node(index)
                return child.pointee.kind == Int32(NEWSCONV_ELEMENT) && strcmp(nodes.cString(child.pointee.name), wanted) == 0
            }.map { XMLElement(nodes: nodes, index: $0) }
        }
    }

    /// All child elements with this local name.
    public func all(_ localName: String) -> [XMLElement] { elements.filter { $0.isNamed(localName) } }

    /// The text of the element and its descendants; unexpanded entity references are left out.
    public var text: String {
        // An element holding one text node (nearly all that are read for their text) is read in one go.
        let first = node.pointee.first_child
        if first >= 0, nodes.node(first).pointee.next < 0, nodes.node(first).pointee.kind == Int32(NEWSCONV_TEXT) {
            return nodes.string(nodes.node(first).pointee.text, count: nodes.node(first).pointee.text_length)
        }
        var out = ""
        appendText(of: index, to: &out)
        return out
    }

    private func appendText(of element: Int32, to out: inout String) {
        var child = nodes.node(element).pointee.first_child
        while child >= 0 {
            let current = nodes.node(child)
            switch current.pointee.kind {
            case Int32(NEWSCONV_TEXT): out += nodes.string(current.pointee.text, count: current.pointee.text_length)
            case Int32(NEWSCONV_ELEMENT): appendText(of: child, to: &out)
            default: break
            }
            child = current.pointee.next
        }
    }

    /// The parent element, if any.
    var parent: XMLElement? {
        let parent = node.pointee.parent
        return parent >= 0 ? XMLElement(nodes: nodes, index: parent) : nil
    }

    /// The namespace declarations on this element: prefix (nil for the default namespace) and URI.
    var declarations: [(prefix: String?, uri: String)] {
        (node.pointee.namespaces..<(node.pointee.namespaces + node.pointee.namespace_count)).map { index in
            let declaration = nodes.namespace(index)
            return (nodes.string(declaration.pointee.prefix), nodes.string(declaration.pointee.href) ?? "")
        }
    }

    /// The element's namespace prefix, if its name has one.
    var prefix: String? { nodes.string(node.pointee.prefix) }

    /// The element re-serialized as well-formed XML, with the namespace declarations it needs:
    /// every prefix in scope (QName values such as `valuedatatype="xs:string"` rely on them), and
    /// a default namespace where it differs from `defaultNamespace`. Used to keep unmapped
    /// elements in an article's extensions.
    public func serialized(defaultNamespace: String?) -> String {
        XMLFragmentWriter().serialize(self, defaultNamespace: defaultNamespace)
    }

    /// Every namespace prefix in scope at this element (but `xml`), with its URI, innermost first.
    func inScopePrefixes() -> [(String, String)] {
        var prefixes: [(String, String)] = []
        var element: XMLElement? = self
        while let current = element {
            for (prefix, uri) in current.declarations {
                guard let prefix, prefix != "xml", !prefixes.contains(where: { $0.0 == prefix }) else { continue }
                prefixes.append((prefix, uri))
            }
            element = current.parent
        }
        return prefixes
    }

    /// The Swift serializer, for elements whose source text cannot be used (a document with a
    /// DTD, whose entity references become text; one parsed from another encoding).
    func serializedInSwift(defaultNamespace: String?) -> String {
        var writer = XMLWriter(pretty: false)
        writeCopy(to: &writer, inherited: defaultNamespace, declarations: inScopePrefixes())
        return writer.string
    }

    func writeCopy(to writer: inout XMLWriter, inherited: String?, declarations: [(String, String)]) {
        var attributes: [(String, String)] = []
        // Every element in the default-namespace form (`<name xmlns="uri">`): the same names,
        // whatever prefixes the source used.
        let namespace = namespaceURI
        if namespace != inherited { attributes.append(("xmlns", namespace ?? "")) }
        for (prefix, href) in declarations { attributes.append(("xmlns:" + prefix, href)) }
        for index in attributeIndexes {
            let attribute = nodes.attribute(index)
            let name = String(cString: nodes.cString(attribute.pointee.name))
            let value = nodes.string(attribute.pointee.value, count: attribute.pointee.value_length)
            if attribute.pointee.href != 0 {
                attributes.append(((nodes.string(attribute.pointee.prefix) ?? "xml") + ":" + name, value))
            } else {
                attributes.append((name, value))
            }
        }
        writer.startUnchecked(name, attributes)
        for child in children {
            switch child {
            case .element(let element): element.writeCopy(to: &writer, inherited: namespace, declarations: [])
            case .text(let text): writer.text(text)
            case .entityReference(let name): writer.text("&" + name + ";")
            }
        }
        writer.end()
    }
}
