import Foundation

/// Writes XML that is always well-formed: text and attribute values are escaped, characters
/// XML 1.0 forbids are replaced by U+FFFD (and counted, so an exporter can report it), element
/// and attribute names are checked, and every start tag is closed. Pretty-printed with two-space
/// indentation, except inside mixed content, where whitespace would change the text.
public struct XMLWriter {
    public private(set) var bytes: [UInt8] = []
    /// How many forbidden characters were replaced by U+FFFD.
    public private(set) var replacedCharacters = 0
    let pretty: Bool

    private struct Frame {
        var name: String
        var hasElements = false
        var mixed = false
    }

    private var stack: [Frame] = []
    private var startTagOpen = false

    public init(pretty: Bool = true) {
        self.pretty = pretty
        bytes.reserveCapacity(8192)
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
    public mutating func declaration() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens an element. Attribute values are escaped; names must be XML names. `mixed` declares
    /// mixed content (text and elements), inside which nothing is indented, since whitespace there
    /// is text; any element inside mixed content is mixed too.
    public mutating func start(_ name: String, _ attributes: [(String, String)] = [], mixed: Bool = false) {
        precondition(Self.isName(name), "'\(name)' is not an XML name")
        beginChild()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            precondition(Self.isName(key), "'\(key)' is not an XML attribute name")
            bytes.append(UInt8(ascii: " "))
            append(key)
            append("=\"")
            escape(value, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        stack.append(Frame(name: name, mixed: mixed || (stack.last?.mixed ?? false)))
        startTagOpen = true
    }

    /// Closes the innermost open element (as `<x/>` when it is empty).
    public mutating func end() {
        guard let frame = stack.popLast() else { preconditionFailure("end() without an open element") }
        if startTagOpen {
            append("/>")
            startTagOpen = false
            return
        }
        if pretty, frame.hasElements, !frame.mixed { newline(indent: stack.count) }
        append("</")
        append(frame.name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Escaped character data in the current element (which becomes mixed content).
    public mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        closeStartTag()
        if !stack.isEmpty { stack[stack.count - 1].mixed = true }
        escape(text, attribute: false)
    }

    /// An element with only text: `<name a="v">text</name>`; with nil text, `<name a="v"/>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        start(name, attributes, mixed: text != nil)
        if let text { self.text(text) }
        end()
    }

    /// A fragment that is already well-formed XML (one that ``XMLElement/serialized(defaultNamespace:)`` made).
    public mutating func raw(_ fragment: String) {
        beginChild()
        append(fragment)
    }

    /// Closes every element still open.
    public mutating func finish() {
        while !stack.isEmpty { end() }
        if pretty { bytes.append(0x0A) }
    }

    public var data: Data { Data(bytes) }
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Internals

    private mutating func beginChild() {
        closeStartTag()
        let indent = stack.count
        let mixed = stack.last?.mixed ?? false
        if !stack.isEmpty { stack[stack.count - 1].hasElements = true }
        if pretty, !mixed, !bytes.isEmpty, bytes.last != 0x0A || indent > 0 { newline(indent: indent) }
    }

    private mutating func closeStartTag() {
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            startTagOpen = false
        }
    }

    private mutating func newline(indent: Int) {
        if bytes.last != 0x0A { bytes.append(0x0A) }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func escape(_ s: String, attribute: Bool) {
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22 where attribute: append("&quot;")
            case 0x09 where attribute: append("&#9;")
            case 0x0A where attribute: append("&#10;")
            case 0x0D: append("&#13;")
            case 0x09, 0x0A: bytes.append(UInt8(scalar.value))
            case 0x00..<0x20, 0xFFFE, 0xFFFF:
                replacedCharacters += 1
                append("\u{FFFD}")
            case 0x20..<0x80: bytes.append(UInt8(scalar.value))
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// An XML name (letters, digits, `-`, `_`, `.`, `:`; not starting with a digit, `-` or `.`).
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !name.isEmpty else { return false }
        if first.properties.numericType != nil || first == "-" || first == "." { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0) }
    }
}
