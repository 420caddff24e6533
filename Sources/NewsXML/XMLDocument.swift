import ByteLevel
import CLibXML2
import Foundation
import NewsCore

/// A parsed XML document. Parsing is safe for hostile input: no entity substitution, no DTD
/// loading, no network; every problem is located. Documents can be parsed on several threads
/// at once (one parser context each).
public final class XMLDocument: @unchecked Sendable {
    /// The elements, text and attributes.
    let nodes: XMLNodes
    /// The path named in diagnostics.
    public let path: String?
    /// Warnings: libxml2's, and a mislabelled encoding that was corrected.
    public let warnings: [Diagnostic]

    private init(nodes: XMLNodes, path: String?, warnings: [Diagnostic]) {
        self.nodes = nodes
        self.path = path
        self.warnings = warnings
    }

    /// Parses bytes. Throws a ``ConversionError`` (code `xml.parse.<libxml2 code>`) at the first
    /// error's line and column. `encoding` overrides the document's declaration; `limits` bound
    /// what the document may declare.
    public static func parse(
        _ data: Data, path: String?, encoding: String? = nil, limits: ImportLimits = .standard
    ) throws(ConversionError) -> XMLDocument {
        guard let tree = TreePool.shared.take(sizedFor: data.count) else {
            throw ConversionError(
                "xml.input.too-large", "the document is too large to hold in memory", at: SourceLocation(path: path, line: 1, column: 1))
        }
        // Owned here until the document takes it.
        var owned: UnsafeMutablePointer<newsconv_tree>? = tree
        defer { if let owned { TreePool.shared.give(owned) } }
        let parsed = try parseWithLibXML2(data, path: path, encoding: encoding, into: tree, limits: limits)
        // A lean parse leaves libxml2 an empty document (with the DTD, if any).
        let hasDTD = parsed.document.pointee.intSubset != nil
        xmlFreeDoc(parsed.document)
        guard tree.pointee.failed == 0, tree.pointee.root >= 0 else {
            throw ConversionError(
                "xml.input.too-large", "the document is too large to hold in memory", at: SourceLocation(path: path, line: 1, column: 1))
        }
        owned = nil
        return XMLDocument(nodes: XMLNodes(tree: tree, source: parsed.source, hasDTD: hasDTD), path: path, warnings: parsed.warnings)
    }

    /// Parses bytes with newsconv's safe options: into the lean tree `lean` (libxml2's document
    /// then holds no element), or into libxml2's own tree without it (what schema validation
    /// reads). Returns libxml2's document, which the caller frees; the bytes parsed when the
    /// elements' source ranges refer to them (UTF-8 input, no other encoding forced); the warnings.
    static func parseWithLibXML2(
        _ data: Data, path: String?, encoding: String?, into lean: UnsafeMutablePointer<newsconv_tree>?, limits: ImportLimits = .standard
    ) throws(ConversionError) -> (document: xmlDocPtr, source: Data?, warnings: [Diagnostic]) {
        try refuseManyNamespaces(data, path: path, limit: limits.namespaceDeclarations)
        _ = XMLRuntime.ready
        guard data.count < Int(Int32.max) else {
            throw ConversionError(
                "xml.input.too-large", "the document is larger than 2 GiB", at: SourceLocation(path: path, line: 1, column: 1))
        }
        guard let ctxt = ParserContextPool.shared.take() else {
            throw ConversionError("xml.parser.unavailable", "libxml2 could not create a parser", at: SourceLocation(path: path))
        }
        defer { ParserContextPool.shared.give(ctxt) }
        let collector = XMLIssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        var corrected: Diagnostic?
        var data = data
        if encoding == nil, let fix = EncodingDeclaration.corrected(data, path: path) {
            data = fix.data
            corrected = fix.warning
        }
        newsconv_build_lean(ctxt, lean == nil ? 0 : 1)
        var state = newsconv_parse_state(collector: box.toOpaque(), tree: lean)
        newsconv_set_structured_error(ctxt, parserContextErrorHandler)
        let document: xmlDocPtr? = withUnsafeMutablePointer(to: &state) { state in
            ctxt.pointee._private = UnsafeMutableRawPointer(state)
            defer { ctxt.pointee._private = nil }
            return data.withUnsafeBytes { raw -> xmlDocPtr? in
                let bytes = raw.bindMemory(to: UInt8.self)
                // No URL is given to libxml2: it would turn the path into a URI (parsing and
                // escaping it) for a document base that nothing here uses, since no external
                // entity or DTD is ever loaded; diagnostics name the path themselves.
                guard encoding == nil, let base = bytes.baseAddress, bytes.count <= Int(newsconv_in_place_limit),
                    newsconv_is_plain_utf8_xml(base, bytes.count) != 0
                else {
                    return xmlCtxtReadMemory(
                        ctxt, raw.bindMemory(to: CChar.self).baseAddress, Int32(raw.count), nil, encoding, XMLRuntime.safeOptions)
                }
                // UTF-8 is parsed in place, from a copy that ends with the NUL libxml2 reads at the end.
                guard let memory = malloc(bytes.count + 1) else { return nil }
                defer { free(memory) }
                memory.copyMemory(from: base, byteCount: bytes.count)
                let copy = memory.assumingMemoryBound(to: CChar.self)
                copy[bytes.count] = 0
                return newsconv_read_in_place(ctxt, copy, Int32(bytes.count), nil, XMLRuntime.safeOptions)
            }
        }
        if let document, ctxt.pointee.wellFormed != 0, collector.errors.isEmpty {
            // Source ranges are offsets into the parser's UTF-8 stream: the input's own bytes only
            // when no conversion took place.
            let utf8 = document.pointee.encoding.map { xmlStrcasecmp($0, "UTF-8") == 0 } ?? true
            let source = utf8 && (encoding == nil || encoding?.uppercased() == "UTF-8") ? data : nil
            let warnings = [corrected].compactMap { $0 } + collector.issues.map { $0.diagnostic(code: "xml.parse", path: path) }
            return (document, source, warnings)
        }
        if let document { xmlFreeDoc(document) }
        let first =
            collector.errors.first ?? XMLIssue(level: .fatal, code: 0, message: "the document is not well-formed XML", line: 1, column: 1)
        throw ConversionError(
            first.diagnostic(code: "xml.parse", path: path),
            earlier: collector.issues.filter { $0.level == .warning }.map { $0.diagnostic(code: "xml.parse", path: path) })
    }

    /// libxml2 checks each namespace declaration against the element's others: 100,000 on one
    /// element took minutes. No news document declares thousands, so more are refused at once.
    static func refuseManyNamespaces(_ data: Data, path: String?, limit: Int) throws(ConversionError) {
        if ByteSearch.occurrences(of: "xmlns", in: data, upTo: limit + 1) > limit {
            throw ConversionError(
                "xml.input.namespaces",
                "the document declares more than \(limit) namespaces (xmlns); expected a news document's few",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// Parses an HTML fragment or document (a ninjs body, Markdown rendered to HTML) with libxml2's
    /// lenient HTML parser: never the network, no DTD. Markup errors are not fatal in HTML; they
    /// are returned as one warning. The result has `html` and `body` elements around a fragment.
    public static func parseHTML(_ text: String, path: String?) throws(ConversionError) -> XMLDocument {
        _ = XMLRuntime.ready
        guard let ctxt = htmlNewParserCtxt() else {
            throw ConversionError("xml.parser.unavailable", "libxml2 could not create an HTML parser", at: SourceLocation(path: path))
        }
        defer { htmlFreeParserCtxt(ctxt) }
        let collector = XMLIssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        var state = newsconv_parse_state(collector: box.toOpaque(), tree: nil)
        newsconv_set_structured_error(ctxt, parserContextErrorHandler)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let bytes = Array(("<html><body>" + text + "</body></html>").utf8)
        let document: xmlDocPtr? = withUnsafeMutablePointer(to: &state) { state in
            ctxt.pointee._private = UnsafeMutableRawPointer(state)
            defer { ctxt.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), path, "UTF-8", Int32(options))
                }
            }
        }
        guard let document else {
            throw ConversionError("html.parse", "the HTML could not be read", at: SourceLocation(path: path, line: 1, column: 1))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let nodes = XMLNodes.copying(root) else {
            throw ConversionError("html.parse", "the HTML could not be read", at: SourceLocation(path: path, line: 1, column: 1))
        }
        let issues = collector.issues
        let warnings: [Diagnostic] =
            issues.isEmpty
            ? []
            : [
                .warning(
                    "html.markup", "the HTML has \(issues.count) markup error(s), read leniently; first: \(issues[0].message)",
                    at: SourceLocation(path: path, line: 1, column: 1))
            ]
        return XMLDocument(nodes: nodes, path: path, warnings: warnings)
    }

    /// Visits elements in document order with the same choices as ``XMLStreamReader/read(_:path:encoding:decide:visit:)``,
    /// on the parsed tree: the cheaper way for a document that fits in memory.
    public func walk(decide: (XMLStreamReader.Start) -> XMLStreamReader.Step, visit: (XMLElement) throws -> Void) rethrows {
        guard let root else { return }
        try walk(root, depth: 0, decide: decide, visit: visit)
    }

    private func walk(
        _ element: XMLElement, depth: Int, decide: (XMLStreamReader.Start) -> XMLStreamReader.Step, visit: (XMLElement) throws -> Void
    ) rethrows {
        switch decide(XMLStreamReader.Start(name: element.name, namespaceURI: element.namespaceURI, depth: depth, line: element.line)) {
        case .expand: try visit(element)
        case .descend: for child in element.childElements { try walk(child, depth: depth + 1, decide: decide, visit: visit) }
        case .skip: break
        }
    }

    /// The root element.
    public var root: XMLElement? { nodes.root.map { XMLElement(nodes: nodes, index: $0) } }
}
