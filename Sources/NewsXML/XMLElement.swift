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

    /// The line of the start tag (1-based).
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// An attribute's value. Without `namespace`, an attribute in no namespace; `xml:lang` is
    /// `attribute("lang", namespace: XMLElement.xmlNamespace)`.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        let value: UnsafeMutablePointer<xmlChar>?
        if let namespace {
            value = xmlGetNsProp(node, name, namespace)
        } else {
            value = xmlGetNoNsProp(node, name)
        }
        guard let value else { return nil }
        defer { newsconv_xml_free(value) }
        return String(cString: value)
    }

    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Every attribute: local name, namespace URI, value.
    public var attributes: [(name: String, namespaceURI: String?, value: String)] {
        var result: [(String, String?, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let namespace = XMLRuntime.string(current.pointee.ns?.pointee.href)
            var value = ""
            if let text = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                value = String(cString: text)
                newsconv_xml_free(text)
            }
            result.append((name, namespace, value))
            attribute = current.pointee.next
        }
        return result
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
        var result: [XMLElement] = []
        var child = node.pointee.children
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

    /// The element re-serialized as well-formed XML, with the namespace declarations it needs
    /// (the default namespace `defaultNamespace` is left undeclared). Used to keep unmapped
    /// elements in an article's extensions.
    public func serialized(defaultNamespace: String?) -> String {
        var writer = XMLWriter(pretty: false)
        writeCopy(to: &writer, inherited: defaultNamespace, declared: [:])
        return writer.string
    }

    func writeCopy(to writer: inout XMLWriter, inherited: String?, declared: [String: String]) {
        var attributes: [(String, String)] = []
        let namespace = namespaceURI
        var declared = declared
        if namespace != inherited {
            attributes.append(("xmlns", namespace ?? ""))
        }
        for attribute in self.attributes {
            if let ns = attribute.namespaceURI {
                if ns == XMLElement.xmlNamespace {
                    attributes.append(("xml:" + attribute.name, attribute.value))
                    continue
                }
                let prefix: String
                if let existing = declared[ns] {
                    prefix = existing
                } else {
                    prefix = "ns\(declared.count + 1)"
                    declared[ns] = prefix
                    attributes.append(("xmlns:" + prefix, ns))
                }
                attributes.append((prefix + ":" + attribute.name, attribute.value))
            } else {
                attributes.append((attribute.name, attribute.value))
            }
        }
        writer.start(name, attributes)
        for child in children {
            switch child {
            case .element(let element): element.writeCopy(to: &writer, inherited: namespace, declared: declared)
            case .text(let text): writer.text(text)
            case .entityReference(let name): writer.text("&" + name + ";")
            }
        }
        writer.end()
    }
}
