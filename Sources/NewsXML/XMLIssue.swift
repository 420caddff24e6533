import CLibXML2
import Foundation
import NewsCore

/// A problem libxml2 reported: where, how bad, libxml2's error code and message.
public struct XMLIssue: Sendable, Hashable {
    public enum Level: Sendable { case warning, error, fatal }

    public var level: Level
    /// libxml2's error code (`xmlParserErrors`), e.g. 89 for entity amplification.
    public var code: Int
    public var message: String
    public var line: Int
    public var column: Int

    /// As a diagnostic with the given code prefix (`xml.parse`, `xml.schema`).
    public func diagnostic(code prefix: String, path: String?) -> Diagnostic {
        Diagnostic(
            level == .warning ? .warning : .error, "\(prefix).\(code)", message,
            at: SourceLocation(path: path, line: max(line, 1), column: max(column, 1)))
    }
}

/// Collects libxml2's structured errors for one parse or validation. Passed to C callbacks
/// through a context pointer (the callbacks capture nothing).
final class XMLIssueCollector {
    var issues: [XMLIssue] = []
    /// libxml2 can report thousands of errors for a broken file; keep the first ones.
    let limit = 200

    func add(_ error: UnsafePointer<xmlError>) {
        guard issues.count < limit else { return }
        let e = error.pointee
        let level: XMLIssue.Level = e.level == XML_ERR_WARNING ? .warning : (e.level == XML_ERR_FATAL ? .fatal : .error)
        var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
        // One line: libxml2 puts details on lines of their own ("...indicate encoding !\nBytes: 0x88").
        if message.contains("\n") {
            message = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(
                separator: "; ")
        }
        // libxml2 suggests lifting its limits ("use XML_PARSE_HUGE option"): newsconv keeps them
        // for untrusted input, so the message says that instead.
        if let advice = message.range(of: "use XML_PARSE_HUGE option") {
            message.replaceSubrange(advice, with: "(a libxml2 limit newsconv keeps for untrusted input)")
        }
        issues.append(XMLIssue(level: level, code: Int(e.code), message: message, line: Int(e.line), column: Int(e.int2)))
    }

    var errors: [XMLIssue] { issues.filter { $0.level != .warning } }
}

/// Structured error callback for a parser context: `userData` is the context, whose `_private`
/// holds newsconv's parse state, which holds the collector.
let parserContextErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let error else { return }
    var contextPointer = userData
    if let ctxt = error.pointee.ctxt { contextPointer = ctxt }
    guard let contextPointer else { return }
    let ctxt = contextPointer.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let state = ctxt.pointee._private?.assumingMemoryBound(to: newsconv_parse_state.self), let box = state.pointee.collector else {
        return
    }
    Unmanaged<XMLIssueCollector>.fromOpaque(box).takeUnretainedValue().add(error)
}

/// Structured error callback whose argument is the collector itself (reader, schema contexts).
let collectorErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    Unmanaged<XMLIssueCollector>.fromOpaque(userData).takeUnretainedValue().add(error)
}
