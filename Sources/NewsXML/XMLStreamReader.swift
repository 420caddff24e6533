import CLibXML2
import Foundation
import NewsCore

/// Reads a document with libxml2's streaming reader and hands over chosen elements one at a
/// time, each fully expanded, then freed: a `newsMessage` with thousands of items is read with
/// the memory of one item. Same safety options as ``XMLDocument/parse(_:path:encoding:)``.
public enum XMLStreamReader {
    /// What the visitor wants next.
    public enum Step {
        /// Expand this element and hand it over (then skip past it).
        case expand
        /// Go inside this element (its children are visited).
        case descend
        /// Skip this element and its content.
        case skip
    }

    /// An element start, as `decide` sees it.
    public struct Start {
        public var name: String
        public var namespaceURI: String?
        /// 0 for the root.
        public var depth: Int
        public var line: Int
    }

    /// Visits elements in document order. `decide` is asked at each element start; `visit` gets
    /// each expanded element, valid only during the call.
    /// Throws a located ``ConversionError`` for the first well-formedness error; returns the
    /// warnings (libxml2's, a corrected encoding declaration).
    @discardableResult
    public static func read(
        _ data: Data, path: String?, encoding: String? = nil, limits: ImportLimits = .standard, decide: (Start) -> Step,
        visit: (XMLElement) throws -> Void
    ) throws -> [Diagnostic] {
        try XMLDocument.refuseManyNamespaces(data, path: path, limit: limits.namespaceDeclarations)
        _ = XMLRuntime.ready
        guard data.count < Int(Int32.max) else {
            throw ConversionError(
                "xml.input.too-large", "the document is larger than 2 GiB", at: SourceLocation(path: path, line: 1, column: 1))
        }
        let collector = XMLIssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        var warnings: [Diagnostic] = []
        var data = data
        if encoding == nil, let fix = EncodingDeclaration.corrected(data, path: path) {
            data = fix.data
            warnings.append(fix.warning)
        }
        try data.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: CChar.self).baseAddress
            guard let reader = xmlReaderForMemory(base, Int32(raw.count), path, encoding, XMLRuntime.safeOptions) else {
                throw ConversionError(
                    "xml.parser.unavailable", "libxml2 could not create a reader", at: SourceLocation(path: path, line: 1, column: 1))
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, collectorErrorHandler, UnsafeMutableRawPointer(box.toOpaque()))
            func failure() -> ConversionError {
                let first =
                    collector.errors.first
                    ?? XMLIssue(level: .fatal, code: 0, message: "the document is not well-formed XML", line: 1, column: 1)
                return ConversionError(first.diagnostic(code: "xml.parse", path: path))
            }
            var status = xmlTextReaderRead(reader)
            while status == 1 {
                if !collector.errors.isEmpty { throw failure() }
                guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else {
                    status = xmlTextReaderRead(reader)
                    continue
                }
                let start = Start(
                    name: XMLRuntime.string(xmlTextReaderConstLocalName(reader)) ?? "",
                    namespaceURI: XMLRuntime.string(xmlTextReaderConstNamespaceUri(reader)),
                    depth: Int(xmlTextReaderDepth(reader)),
                    // The element's own line (the parser's line number runs ahead of it).
                    line: xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? Int(xmlTextReaderGetParserLineNumber(reader)))
                switch decide(start) {
                case .descend:
                    status = xmlTextReaderRead(reader)
                case .skip:
                    status = xmlTextReaderNext(reader)
                case .expand:
                    guard let node = xmlTextReaderExpand(reader) else { throw failure() }
                    if !collector.errors.isEmpty { throw failure() }
                    guard let nodes = XMLNodes.copying(node), let root = nodes.root else {
                        throw ConversionError(
                            "xml.input.too-large", "an element is too large to hold in memory",
                            at: SourceLocation(path: path, line: start.line, column: 1))
                    }
                    try visit(XMLElement(nodes: nodes, index: root))
                    status = xmlTextReaderNext(reader)
                }
            }
            if status < 0 || !collector.errors.isEmpty { throw failure() }
        }
        return warnings + collector.issues.filter { $0.level == .warning }.map { $0.diagnostic(code: "xml.parse", path: path) }
    }
}
