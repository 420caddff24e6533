import CLibXML2
import Foundation
import NewsCore
import TestSupport
import Testing

@testable import NewsXML

/// The lean tree (`CLibXML2/tree.h`), built from the parser's SAX events, is the tree libxml2
/// builds itself: for every XML document of the corpus, both are made from the same bytes with
/// the same options and compared node by node (names, namespaces, lines, attributes in order,
/// text, unexpanded entity references; comments and processing instructions are in neither).
@Suite struct LeanTreeTests {
    /// A node as both trees are compared: adjacent text (and CDATA) is one text.
    enum Node: Equatable, CustomStringConvertible {
        case element(name: String, namespace: String?, line: Int, attributes: [String], children: [Node])
        case text(String)
        case entity(String)

        var description: String {
            switch self {
            case .element(let name, let namespace, let line, let attributes, let children):
                "<\(name) ns=\(namespace ?? "-") line=\(line) \(attributes)> \(children.count) children"
            case .text(let text): "text \(text.debugDescription.prefix(60))"
            case .entity(let name): "&\(name);"
            }
        }
    }

    static func merged(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if case .text(let more) = node, case .text(let text)? = result.last {
                result[result.count - 1] = .text(text + more)
            } else {
                result.append(node)
            }
        }
        return result.filter { $0 != .text("") }
    }

    static func lean(_ element: XMLElement) -> Node {
        let attributes = element.attributes.map { "\($0.namespaceURI.map { "{\($0)}" } ?? "")\($0.name)=\($0.value)" }
        let children = element.childNodes.map { child -> Node in
            switch child {
            case .element(let inner): lean(inner)
            case .text(let text): .text(text)
            case .entityReference(let name): .entity(name)
            }
        }
        return .element(
            name: element.name, namespace: element.namespaceURI, line: element.line, attributes: attributes, children: merged(children))
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? { pointer.map { String(cString: $0) } }

    static func libxml2(_ node: xmlNodePtr) -> Node {
        var attributes: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)
            defer { newsconv_xml_free(value) }
            let namespace = current.pointee.ns.flatMap { string($0.pointee.href) }
            attributes.append("\(namespace.map { "{\($0)}" } ?? "")\(string(current.pointee.name) ?? "")=\(string(value) ?? "")")
            attribute = current.pointee.next
        }
        var children: [Node] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(libxml2(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: children.append(.text(string(current.pointee.content) ?? ""))
            case XML_ENTITY_REF_NODE: children.append(.entity(string(current.pointee.name) ?? ""))
            default: break
            }
            child = current.pointee.next
        }
        return .element(
            name: string(node.pointee.name) ?? "", namespace: node.pointee.ns.flatMap { string($0.pointee.href) },
            line: Int(xmlGetLineNo(node)), attributes: attributes, children: merged(children))
    }

    /// The first difference between two trees, as a path of element names; nil when they are equal.
    static func difference(_ a: Node, _ b: Node, path: String = "") -> String? {
        guard case .element(let name, _, _, _, let left) = a, case .element(_, _, _, _, let right) = b else {
            return a == b ? nil : "\(path): \(a) vs \(b)"
        }
        let here = "\(path)/\(name)"
        if case .element(let n1, let s1, let l1, let a1, _) = a, case .element(let n2, let s2, let l2, let a2, _) = b,
            n1 != n2 || s1 != s2 || l1 != l2 || a1 != a2
        {
            return "\(here): \(a) vs \(b)"
        }
        guard left.count == right.count else { return "\(here): \(left.count) children vs \(right.count)" }
        for (x, y) in zip(left, right) {
            if let found = difference(x, y, path: here) { return found }
        }
        return nil
    }

    static var documents: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        return Fixtures.files(in: shared.appendingPathComponent("corpus"), extensions: ["xml"])
    }

    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func theLeanTreeIsLibXML2sTreeForEveryCorpusDocument() throws {
        let documents = Self.documents
        #expect(documents.count >= 200)
        var compared = 0
        for url in documents {
            let data = try Data(contentsOf: url)
            let name = url.lastPathComponent
            let lean: XMLDocument
            do {
                lean = try XMLDocument.parse(data, path: name)
            } catch {
                // Not well-formed for the lean parse: libxml2's own must refuse it too.
                #expect(throws: ConversionError.self, "\(name)") {
                    _ = try XMLDocument.parseWithLibXML2(data, path: name, encoding: nil, into: nil)
                }
                continue
            }
            let full = try XMLDocument.parseWithLibXML2(data, path: name, encoding: nil, into: nil)
            defer { xmlFreeDoc(full.document) }
            let root = try #require(xmlDocGetRootElement(full.document), "\(name)")
            let leanRoot = try #require(lean.root, "\(name)")
            let found = Self.difference(Self.lean(leanRoot), Self.libxml2(root))
            #expect(found == nil, "\(name): \(found ?? "")")
            compared += 1
        }
        #expect(compared >= 200)
    }
}

/// XML made to hurt (issue 21): refused at once with a located error.
@Suite struct HostileXMLTests {
    static func root(declaring count: Int) -> Data {
        let declarations = (0..<count).map { " xmlns:p\($0)=\"urn:x:\($0)\"" }.joined()
        return Data("<nitf\(declarations)><body/></nitf>".utf8)
    }

    @Test func thousandsOfNamespaceDeclarationsAreRefused() throws {
        let error = try #require(throws: ConversionError.self) {
            try XMLDocument.parse(Self.root(declaring: ImportLimits.standard.namespaceDeclarations + 1), path: "ns.xml")
        }
        #expect(error.diagnostic.code == "xml.input.namespaces" && error.diagnostic.severity == .error)
        #expect(error.diagnostic.location == SourceLocation(path: "ns.xml", line: 1, column: 1))
        #expect(throws: ConversionError.self) {
            try XMLStreamReader.read(Self.root(declaring: 20_000), path: "ns.xml", decide: { _ in .descend }, visit: { _ in })
        }
    }

    @Test func declarationsUpToTheLimitAreRead() throws {
        #expect(try XMLDocument.parse(Self.root(declaring: 200), path: "ns.xml").root?.name == "nitf")
    }
}
