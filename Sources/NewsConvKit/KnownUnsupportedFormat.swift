import Foundation
import NewsCore

/// Formats newsrooms meet that newsconv does not read, recognised so that an undetected input
/// says what it is instead of only "unknown".
enum KnownUnsupportedFormat {
    /// A phrase naming the input's format ("an RSS feed"), when it is one of these.
    static func name(of sample: InputSample) -> String? {
        let head = String(decoding: sample.bytes.prefix(4096), as: UTF8.self)
        guard let open = head.range(of: #"<[A-Za-z][\w.:-]*"#, options: .regularExpression, range: rootSearchStart(head)..<head.endIndex)
        else { return nil }
        let name = head[head.index(after: open.lowerBound)..<open.upperBound]
        let local = name.split(separator: ":").last.map(String.init) ?? String(name)
        switch local {
        case "rss", "RDF": return "an RSS feed"
        case "feed": return head.contains("http://www.w3.org/2005/Atom") ? "an Atom feed" : nil
        case "html": return "an HTML page"
        default: return nil
        }
    }

    /// Past the XML declaration, comments and a DOCTYPE: where the root element's tag is looked for.
    private static func rootSearchStart(_ head: String) -> String.Index {
        var index = head.startIndex
        while let open = head.range(of: "<", range: index..<head.endIndex) {
            let rest = head[open.upperBound...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                let close =
                    rest.hasPrefix("!--")
                    ? head.range(of: "-->", range: open.upperBound..<head.endIndex)
                    : head.range(of: ">", range: open.upperBound..<head.endIndex)
                guard let close else { return head.endIndex }
                index = close.upperBound
            } else {
                return open.lowerBound
            }
        }
        return head.endIndex
    }
}
