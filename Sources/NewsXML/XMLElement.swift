import CLibXML2
import Foundation

/// A view of an element inside a parsed document, read without copying. It keeps its document
/// alive; an element handed over by ``XMLStreamReader`` is valid only inside the callback.
public struct XMLElement {
    let node: xmlNodePtr
    let owner: AnyObject?

    init(node: xmlNodePtr, owner: AnyObject?) {
        self.node = node
        self.owner = owner
    }

    /// The local name (`newsItem`).
    public var name: String { String(cString: node.pointee.name) }

    /// Compares the local name without making a String.
    public func isNamed(_ localName: String) -> Bool {
        localName.withCString { strcmp(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// The namespace URI, if the element is in one.
    public var namespaceURI: String? { XMLRuntime.string(node.pointee.ns?.pointee.href) }

    /// True when the element is in no namespace or in `uri`; compared without making a String.
    public func isInNamespaceOrNone(_ uri: String) -> Bool {
        guard let href = node.pointee.ns?.pointee.href else { return true }
        return uri.withCString { strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// The line of the start tag (1-based).
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// An attribute's value. Without `namespace`, an attribute in no namespace; `xml:lang` is
    /// `attribute("lang", namespace: XMLElement.xmlNamespace)`.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        // A walk over the attributes, compared as C strings, and the value read without the copy
        // xmlGetProp makes (no DTD is loaded, so there are no default attributes to find).
        name.withCString { wanted -> String? in
            var attribute = node.pointee.properties
            while let current = attribute {
                if strcmp(UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    let href = current.pointee.ns?.pointee.href
                    if let namespace {
                        if let href, namespace.withCString({ strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), $0) == 0 }) {
                            return Self.value(of: current, in: node)
                        }
                    } else if href == nil {
                        return Self.value(of: current, in: node)
                    }
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Every attribute: local name, namespace URI, value.
    public var attributes: [(name: String, namespaceURI: String?, value: String)] {
        var result: [(String, String?, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let namespace = XMLRuntime.string(current.pointee.ns?.pointee.href)
            result.append((name, namespace, Self.value(of: current, in: node)))
            attribute = current.pointee.next
        }
        return result
    }

    /// An attribute's value; a value that is one text node (nearly all) is read without a copy in C.
    static func value(of attribute: xmlAttrPtr, in node: xmlNodePtr) -> String {
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return String(cString: content)
        }
        guard let text = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { newsconv_xml_free(text) }
        return String(cString: text)
    }

    /// True when every attribute passes `allowed` (local name, namespace URI); values are not read.
    public func attributesAll(_ allowed: (UnsafePointer<CChar>, String?) -> Bool) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self)
            if !allowed(name, XMLRuntime.string(current.pointee.ns?.pointee.href)) { return false }
            attribute = current.pointee.next
        }
        return true
    }

    /// The content of an element, in order.
    public enum Child {
        case element(XMLElement)
        case text(String)
        /// An entity reference that was deliberately not expanded (`&name;`).
        case entityReference(String)
    }

    /// The children: elements, text (CDATA included) and unexpanded entity references; comments
    /// and processing instructions are left out.
    public var children: [Child] {
        var result: [Child] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: result.append(.element(XMLElement(node: current, owner: owner)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { result.append(.text(String(cString: content))) }
            case XML_ENTITY_REF_NODE: result.append(.entityReference(String(cString: current.pointee.name)))
            default: break
            }
            child = current.pointee.next
        }
        return result
    }

    /// The child elements, in order.
    public var elements: [XMLElement] {
        // Counted first: one allocation of the right size instead of one per doubling.
        var count = 0
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { count += 1 }
            child = current.pointee.next
        }
        guard count > 0 else { return [] }
        var result: [XMLElement] = []
        result.reserveCapacity(count)
        child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current, owner: owner)) }
            child = current.pointee.next
        }
        return result
    }

    /// The first child element with this local name.
    public func first(_ localName: String) -> XMLElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, XMLElement(node: current, owner: owner).isNamed(localName) {
                return XMLElement(node: current, owner: owner)
            }
            child = current.pointee.next
        }
        return nil
    }

    /// All child elements with this local name.
    public func all(_ localName: String) -> [XMLElement] { elements.filter { $0.isNamed(localName) } }

    /// The text of the element and its descendants; unexpanded entity references are left out.
    public var text: String {
        var out = ""
        appendText(node, to: &out)
        return out
    }

    private func appendText(_ node: xmlNodePtr, to out: inout String) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE: appendText(current, to: &out)
            default: break
            }
            child = current.pointee.next
        }
    }

    /// The element re-serialized as well-formed XML, with the namespace declarations it needs:
    /// every prefix in scope (QName values such as `valuedatatype="xs:string"` rely on them), and
    /// a default namespace where it differs from `defaultNamespace`. Used to keep unmapped
    /// elements in an article's extensions.
    public func serialized(defaultNamespace: String?) -> String {
        XMLFragmentWriter().serialize(self, defaultNamespace: defaultNamespace)
    }

    /// Every namespace prefix in scope at this element (but `xml`), with its URI.
    func inScopePrefixes() -> [(String, String)] { Self.inScopePrefixes(of: node) }

    static func inScopePrefixes(of node: xmlNodePtr) -> [(String, String)] {
        var prefixes: [(String, String)] = []
        if let list = xmlGetNsList(node.pointee.doc, node) {
            var index = 0
            while let ns = list[index] {
                if let prefix = XMLRuntime.string(ns.pointee.prefix), let href = XMLRuntime.string(ns.pointee.href), prefix != "xml",
                    !prefixes.contains(where: { $0.0 == prefix })
                {
                    prefixes.append((prefix, href))
                }
                index += 1
            }
            newsconv_xml_free(list)
        }
        return prefixes
    }

    /// The Swift serializer, for documents with a DTD (entity references become text).
    func serializedInSwift(defaultNamespace: String?) -> String {
        var writer = XMLWriter(pretty: false)
        writeCopy(to: &writer, inherited: defaultNamespace, declarations: inScopePrefixes())
        return writer.string
    }

    func writeCopy(to writer: inout XMLWriter, inherited: String?, declarations: [(String, String)]) {
        var attributes: [(String, String)] = []
        let namespace = namespaceURI
        if namespace != inherited { attributes.append(("xmlns", namespace ?? "")) }
        for (prefix, href) in declarations { attributes.append(("xmlns:" + prefix, href)) }
        var property = node.pointee.properties
        while let current = property {
            let name = String(cString: current.pointee.name)
            let value = Self.value(of: current, in: node)
            if let ns = current.pointee.ns {
                let prefix = XMLRuntime.string(ns.pointee.prefix) ?? "xml"
                attributes.append((prefix + ":" + name, value))
            } else {
                attributes.append((name, value))
            }
            property = current.pointee.next
        }
        writer.startUnchecked(name, attributes)
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                XMLElement(node: current, owner: owner).writeCopy(to: &writer, inherited: namespace, declarations: [])
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { writer.text(String(cString: content)) }
            case XML_ENTITY_REF_NODE:
                writer.text("&" + String(cString: current.pointee.name) + ";")
            default:
                break
            }
            child = current.pointee.next
        }
        writer.end()
    }
}
