import CLibXML2
import Foundation

/// A view of an element inside a parsed document's tree, read without copying. It keeps the
/// tree alive (an element handed over by ``XMLStreamReader`` is a copy of libxml2's nodes).
public struct XMLElement {
    let nodes: XMLNodes
    /// The element's node in the tree.
    let node: UnsafeMutablePointer<newsconv_node>

    init(nodes: XMLNodes, index: Int32) {
        self.nodes = nodes
        self.node = nodes.node(index)
    }

    init(nodes: XMLNodes, node: UnsafeMutablePointer<newsconv_node>) {
        self.nodes = nodes
        self.node = node
    }

    /// The element's index in the tree.
    var index: Int32 { Int32(truncatingIfNeeded: node - nodes.nodeBase) }

    /// The local name (`newsItem`).
    public var name: String { String(cString: nodes.cString(node.pointee.name)) }

    /// Compares the local name without making a String.
    public func isNamed(_ localName: String) -> Bool {
        localName.withCString { strcmp(nodes.cString(node.pointee.name), $0) == 0 }
    }

    /// Whether two elements of one document have the same local name.
    public func hasSameLocalName(as other: XMLElement) -> Bool { nodes.sameString(node.pointee.name, other.node.pointee.name) }

    /// Whether two elements of one document are in the same namespace (or both in none).
    public func hasSameNamespace(as other: XMLElement) -> Bool { nodes.sameString(node.pointee.href, other.node.pointee.href) }

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

    /// The stored attribute with this local name, in no namespace or in `namespace`.
    private func storedAttribute(_ name: UnsafePointer<CChar>, namespace: String?) -> UnsafeMutablePointer<newsconv_attribute>? {
        var index = node.pointee.attributes
        let end = index + node.pointee.attribute_count
        while index < end {
            let attribute = nodes.attribute(index)
            if strcmp(nodes.cString(attribute.pointee.name), name) == 0, nodes.same(attribute.pointee.href, namespace) { return attribute }
            index += 1
        }
        return nil
    }

    /// An attribute's value. Without `namespace`, an attribute in no namespace; `xml:lang` is
    /// `attribute("lang", namespace: XMLElement.xmlNamespace)`.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        guard node.pointee.attribute_count > 0 else { return nil }
        return name.withCString { wanted in
            storedAttribute(wanted, namespace: namespace).map { nodes.string($0.pointee.value, count: $0.pointee.value_length) }
        }
    }

    /// Whether the element has an attribute of this local name in no namespace.
    public func hasAttribute(_ name: String) -> Bool {
        node.pointee.attribute_count > 0 && name.withCString { storedAttribute($0, namespace: nil) } != nil
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

    /// The number of attributes.
    public var attributeCount: Int { Int(node.pointee.attribute_count) }

    /// The attributes in no namespace, in order, read without building a list: a reader that
    /// wants several of an element's attributes looks at each once.
    public var plainAttributes: PlainAttributes {
        PlainAttributes(nodes: nodes, cursor: node.pointee.attributes, end: node.pointee.attributes + node.pointee.attribute_count)
    }

    /// The attributes in no namespace of an element.
    public struct PlainAttributes: Sequence, IteratorProtocol {
        let nodes: XMLNodes
        var cursor: Int32
        let end: Int32

        public mutating func next() -> PlainAttribute? {
            while cursor < end {
                let attribute = nodes.attribute(cursor)
                cursor += 1
                if attribute.pointee.href == 0 { return PlainAttribute(nodes: nodes, attribute: attribute) }
            }
            return nil
        }
    }

    /// One attribute in no namespace.
    public struct PlainAttribute {
        let nodes: XMLNodes
        let attribute: UnsafeMutablePointer<newsconv_attribute>

        /// The local name.
        public var name: String { String(cString: nodes.cString(attribute.pointee.name)) }

        /// The value.
        public var value: String { nodes.string(attribute.pointee.value, count: attribute.pointee.value_length) }
    }

    /// True when every attribute passes `allowed`; values are not read.
    public func attributesAll(_ allowed: (AttributeName) -> Bool) -> Bool {
        var index = node.pointee.attributes
        let end = index + node.pointee.attribute_count
        while index < end {
            if !allowed(AttributeName(nodes: nodes, attribute: nodes.attribute(index))) { return false }
            index += 1
        }
        return true
    }

    /// An attribute's name, compared in the tree's storage without making a `String` of it (the
    /// G2 reader asks this of every attribute of every element); it hands out no pointer.
    public struct AttributeName {
        let nodes: XMLNodes
        let attribute: UnsafePointer<newsconv_attribute>

        /// Whether the local name is `name`.
        public func isNamed(_ name: String) -> Bool {
            name.withCString { strcmp(nodes.cString(attribute.pointee.name), $0) == 0 }
        }

        /// The namespace URI, nil for none.
        public var namespaceURI: String? { nodes.string(attribute.pointee.href) }
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
    public var children: [Child] { Array(childNodes) }

    /// ``children`` one by one, without building an array.
    public var childNodes: ChildNodes { ChildNodes(nodes: nodes, cursor: node.pointee.first_child) }

    /// The children of an element, in order: elements, text and unexpanded entity references.
    public struct ChildNodes: Sequence, IteratorProtocol {
        let nodes: XMLNodes
        var cursor: Int32

        public mutating func next() -> Child? {
            while cursor >= 0 {
                let child = nodes.node(cursor)
                cursor = child.pointee.next
                switch child.pointee.kind {
                case Int32(NEWSCONV_ELEMENT): return .element(XMLElement(nodes: nodes, node: child))
                case Int32(NEWSCONV_TEXT): return .text(nodes.string(child.pointee.text, count: child.pointee.text_length))
                case Int32(NEWSCONV_ENTITY_REFERENCE): return .entityReference(String(cString: nodes.cString(child.pointee.name)))
                default: continue
                }
            }
            return nil
        }
    }

    /// The text directly in the element (its text children, not its elements'), in one string.
    public var ownText: String {
        var out = ""
        var index = node.pointee.first_child
        while index >= 0 {
            let child = nodes.node(index)
            if child.pointee.kind == Int32(NEWSCONV_TEXT) {
                out += nodes.string(child.pointee.text, count: child.pointee.text_length)
            }
            index = child.pointee.next
        }
        return out
    }

    /// The child elements in order, without building an array.
    public var childElements: ChildElements { ChildElements(nodes: nodes, cursor: node.pointee.first_child) }

    /// The child elements of an element, in order.
    public struct ChildElements: Sequence, IteratorProtocol {
        let nodes: XMLNodes
        var cursor: Int32

        public mutating func next() -> XMLElement? {
            while cursor >= 0 {
                let child = nodes.node(cursor)
                cursor = child.pointee.next
                if child.pointee.kind == Int32(NEWSCONV_ELEMENT) { return XMLElement(nodes: nodes, node: child) }
            }
            return nil
        }

        public var underestimatedCount: Int { 0 }
    }

    /// The child elements, in order.
    public var elements: [XMLElement] {
        // Counted first: one allocation of the right size.
        let count = childElementCount
        guard count > 0 else { return [] }
        var result: [XMLElement] = []
        result.reserveCapacity(count)
        for element in childElements { result.append(element) }
        return result
    }

    /// The number of child elements.
    public var childElementCount: Int {
        var count = 0
        var index = node.pointee.first_child
        while index >= 0 {
            let child = nodes.node(index)
            if child.pointee.kind == Int32(NEWSCONV_ELEMENT) { count += 1 }
            index = child.pointee.next
        }
        return count
    }

    /// The first child element, if any.
    public var firstChildElement: XMLElement? {
        var elements = childElements
        return elements.next()
    }

    /// Whether the element has child elements.
    public var hasChildElements: Bool {
        var index = node.pointee.first_child
        while index >= 0 {
            let child = nodes.node(index)
            if child.pointee.kind == Int32(NEWSCONV_ELEMENT) { return true }
            index = child.pointee.next
        }
        return false
    }

    /// The first child element whose local name is `wanted`.
    private func firstChild(named wanted: UnsafePointer<CChar>) -> XMLElement? {
        var index = node.pointee.first_child
        while index >= 0 {
            let child = nodes.node(index)
            if child.pointee.kind == Int32(NEWSCONV_ELEMENT), strcmp(nodes.cString(child.pointee.name), wanted) == 0 {
                return XMLElement(nodes: nodes, node: child)
            }
            index = child.pointee.next
        }
        return nil
    }

    /// The first child element with this local name.
    public func first(_ localName: String) -> XMLElement? {
        localName.withCString { firstChild(named: $0) }
    }

    /// All child elements with this local name.
    public func all(_ localName: String) -> [XMLElement] {
        localName.withCString { wanted in
            var result: [XMLElement] = []
            for element in childElements where strcmp(nodes.cString(element.node.pointee.name), wanted) == 0 { result.append(element) }
            return result
        }
    }

    /// The text of the element and its descendants; unexpanded entity references are left out.
    public var text: String {
        // An element holding one text node (nearly all that are read for their text) is read in one go.
        let first = node.pointee.first_child
        if first < 0 { return "" }
        let only = nodes.node(first)
        if only.pointee.next < 0, only.pointee.kind == Int32(NEWSCONV_TEXT) {
            return nodes.string(only.pointee.text, count: only.pointee.text_length)
        }
        var out = ""
        appendText(of: node, to: &out)
        return out
    }

    /// Whether the element holds no child element and no text but XML whitespace (entity
    /// references, which ``text`` leaves out, are not text): what `text` trimmed would leave empty.
    public var isBlank: Bool {
        var index = node.pointee.first_child
        while index >= 0 {
            let child = nodes.node(index)
            index = child.pointee.next
            if child.pointee.kind == Int32(NEWSCONV_ELEMENT) { return false }
            if child.pointee.kind != Int32(NEWSCONV_TEXT) { continue }
            var at = nodes.strings + Int(child.pointee.text)
            let end = at + Int(child.pointee.text_length)
            while at < end {
                switch UInt8(bitPattern: at.pointee) {
                case 0x20, 0x09, 0x0A, 0x0D: at += 1
                default: return false
                }
            }
        }
        return true
    }

    private func appendText(of element: UnsafeMutablePointer<newsconv_node>, to out: inout String) {
        var child = element.pointee.first_child
        while child >= 0 {
            let current = nodes.node(child)
            switch current.pointee.kind {
            case Int32(NEWSCONV_TEXT): out += nodes.string(current.pointee.text, count: current.pointee.text_length)
            case Int32(NEWSCONV_ELEMENT): appendText(of: current, to: &out)
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
    /// the prefixes in scope that it uses (QName values such as `valuedatatype="xs:string"` rely
    /// on them), and a default namespace where it differs from `defaultNamespace`. Used to keep unmapped
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

    /// The namespace prefixes the element and its descendants use: in attribute names, before the
    /// colon of attribute values, which may be QNames (`valuedatatype="xs:string"`), and in
    /// element names when they are written as in the source (the Swift serializer writes every
    /// element in the default-namespace form). A kept fragment declares these, not every prefix
    /// in scope.
    func usedPrefixes(inElementNames: Bool) -> Set<String> {
        var used: Set<String> = []
        func visit(_ index: Int32) {
            let node = nodes.node(index)
            guard node.pointee.kind == Int32(NEWSCONV_ELEMENT) else { return }
            if inElementNames, node.pointee.prefix != 0, let prefix = nodes.string(node.pointee.prefix) { used.insert(prefix) }
            for attributeIndex in node.pointee.attributes..<(node.pointee.attributes + node.pointee.attribute_count) {
                let attribute = nodes.attribute(attributeIndex)
                if attribute.pointee.prefix != 0, let prefix = nodes.string(attribute.pointee.prefix) { used.insert(prefix) }
                let value = nodes.string(attribute.pointee.value, count: attribute.pointee.value_length)
                if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
                    used.insert(String(value[..<colon]))
                }
            }
            var child = node.pointee.first_child
            while child >= 0 {
                visit(child)
                child = nodes.node(child).pointee.next
            }
        }
        visit(index)
        return used
    }

    /// The Swift serializer, for elements whose source text cannot be used (a document with a
    /// DTD, whose entity references become text; one parsed from another encoding).
    ///
    /// - Parameter oneLine: the names of elements whose text is a one-line string type (G2's
    ///   `g2normalizedString`): their tabs and line ends become spaces, and leading and trailing
    ///   spaces go.
    func serializedInSwift(defaultNamespace: String?, oneLine: Set<String> = []) -> String {
        var writer = XMLWriter(pretty: false)
        let used = usedPrefixes(inElementNames: false)
        writeCopy(
            to: &writer, inherited: defaultNamespace, declarations: inScopePrefixes().filter { used.contains($0.0) }, oneLine: oneLine)
        return writer.string
    }

    /// Whether the element or a descendant named in `names` has text with a tab or a line end
    /// directly inside it (what a one-line string type forbids).
    public func hasLineBreaks(inElementsNamed names: Set<String>) -> Bool {
        guard !names.isEmpty else { return false }
        // On the tree's bytes: a leaf's text is scanned first, and its name (a String, hashed)
        // is looked up only when the text has a break, which nearly none has (G2ToJSON: every
        // kept element is asked).
        var hasElements = false
        var breaks = false
        var cursor = node.pointee.first_child
        while cursor >= 0 {
            let child = nodes.node(cursor)
            cursor = child.pointee.next
            if child.pointee.kind == Int32(NEWSCONV_ELEMENT) {
                hasElements = true
                if XMLElement(nodes: nodes, node: child).hasLineBreaks(inElementsNamed: names) { return true }
            } else if !breaks, child.pointee.kind == Int32(NEWSCONV_TEXT) {
                let text = UnsafeBufferPointer(start: nodes.cString(child.pointee.text), count: Int(child.pointee.text_length))
                breaks = text.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            }
        }
        return !hasElements && breaks && names.contains(name)
    }

    func writeCopy(to writer: inout XMLWriter, inherited: String?, declarations: [(String, String)], oneLine: Set<String> = []) {
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
            case .element(let element): element.writeCopy(to: &writer, inherited: namespace, declarations: [], oneLine: oneLine)
            case .text(let text) where oneLine.contains(name) && !hasChildElements:
                writer.text(
                    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(
                        separator: " "))
            case .text(let text): writer.text(text)
            case .entityReference(let name): writer.text("&" + name + ";")
            }
        }
        writer.end()
    }
}
