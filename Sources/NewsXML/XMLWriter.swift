import Foundation

/// Writes XML that is always well-formed: text and attribute values are escaped, characters
/// XML 1.0 forbids are replaced by U+FFFD (and counted, so an exporter can report it), element
/// and attribute names are checked, and every start tag is closed. Pretty-printed with two-space
/// indentation, except inside mixed content, where whitespace would change the text.
public struct XMLWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] { Array(output.buffer) }
    /// Shared by copies of the writer until one of them writes (see ``unique()``).
    private var output: XMLByteBuffer
    /// How many forbidden characters were replaced by U+FFFD.
    public private(set) var replacedCharacters = 0
    /// Each fragment written by ``raw(_:)``, and where it lies in ``bytes``: the XML no exporter
    /// made, which ``RawXMLSchemaCheck`` checks against the schema.
    public private(set) var rawFragments: [(text: String, range: Range<Int>)] = []
    /// Fragments ``raw(_:)`` does not write: those the schema refused in an earlier writing of
    /// the same document (``RawXMLSchemaCheck``).
    public var refusedFragments: Set<String> = []
    let pretty: Bool

    /// An open element. Its name is in ``names``: a frame holds no String, so pushing, reading
    /// and popping frames involves no reference counting.
    private struct Frame {
        var nameStart: Int
        var nameCount: Int
        var hasElements = false
        var mixed = false
        /// Where the element began, and its parent's state then (to take back an empty element).
        var offset = 0
        var parentHadElements = false
        var parentTagWasOpen = false
    }

    private var stack: [Frame] = {
        var stack: [Frame] = []
        stack.reserveCapacity(16)
        return stack
    }()
    /// The names of the open elements, one after the other.
    private var names = XMLByteBuffer(capacity: 256)
    private var startTagOpen = false

    public init(pretty: Bool = true) {
        self.init(pretty: pretty, capacity: 8192)
    }

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        output = XMLByteBuffer(capacity: capacity)
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
    public mutating func declaration() {
        unique()
        output.appendLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens an element. Attribute values are escaped; names must be XML names. `mixed` declares
    /// mixed content (text and elements), inside which nothing is indented, since whitespace there
    /// is text; any element inside mixed content is mixed too.
    public mutating func start(_ name: String, _ attributes: [(String, String)] = [], mixed: Bool = false) {
        precondition(Self.isName(name), "'\(name)' is not an XML name")
        for (key, _) in attributes { precondition(Self.isName(key), "'\(key)' is not an XML attribute name") }
        startUnchecked(name, attributes, mixed: mixed)
    }

    /// Opens an element with one attribute: ``start(_:_:mixed:)`` without the attribute list
    /// (an array per element, for the commonest case).
    public mutating func start(_ name: String, _ attribute: (String, String), mixed: Bool = false) {
        precondition(Self.isName(name), "'\(name)' is not an XML name")
        precondition(Self.isName(attribute.0), "'\(attribute.0)' is not an XML attribute name")
        openStartTag(name, mixed: mixed)
        writeAttribute(attribute.0, attribute.1)
    }

    /// `start` for names that come from a parsed document, which are XML names already.
    mutating func startUnchecked(_ name: String, _ attributes: [(String, String)], mixed: Bool = false) {
        openStartTag(name, mixed: mixed)
        for (key, value) in attributes { writeAttribute(key, value) }
    }

    /// `<name`, the element pushed; its attributes follow, then the start tag is closed by
    /// whatever comes next.
    private mutating func openStartTag(_ name: String, mixed: Bool) {
        unique()
        let offset = output.count
        let parentHadElements = stack.last?.hasElements ?? false
        let parentTagWasOpen = startTagOpen
        beginChild()
        output.append(UInt8(ascii: "<"))
        let nameStart = names.count
        var name = name
        name.withUTF8 { utf8 in
            output.append(utf8)
            names.append(utf8)
        }
        stack.append(
            Frame(
                nameStart: nameStart, nameCount: names.count - nameStart, mixed: mixed || (stack.last?.mixed ?? false), offset: offset,
                parentHadElements: parentHadElements, parentTagWasOpen: parentTagWasOpen))
        startTagOpen = true
    }

    /// ` key="value"` in the open start tag, the value escaped.
    private mutating func writeAttribute(_ key: String, _ value: String) {
        output.append(UInt8(ascii: " "))
        append(key)
        output.append(UInt8(ascii: "="))
        output.append(UInt8(ascii: "\""))
        escape(value, attribute: true)
        output.append(UInt8(ascii: "\""))
    }

    /// Closes the innermost open element, or takes it back entirely when nothing was written in
    /// it (for optional containers whose content is known only once written).
    public mutating func endOmittingIfEmpty() {
        guard let frame = stack.last else { preconditionFailure("endOmittingIfEmpty() without an open element") }
        guard startTagOpen else { return end() }
        unique()
        stack.removeLast()
        output.truncate(to: frame.offset)
        names.truncate(to: frame.nameStart)
        startTagOpen = frame.parentTagWasOpen
        if !stack.isEmpty { stack[stack.count - 1].hasElements = frame.parentHadElements }
    }

    /// Closes the innermost open element (as `<x/>` when it is empty).
    public mutating func end() {
        guard let frame = stack.popLast() else { preconditionFailure("end() without an open element") }
        unique()
        defer { names.truncate(to: frame.nameStart) }
        if startTagOpen {
            output.appendLiteral("/>")
            startTagOpen = false
            return
        }
        if pretty, frame.hasElements, !frame.mixed { newline(indent: stack.count) }
        output.appendLiteral("</")
        output.append(names.base + frame.nameStart, count: frame.nameCount)
        output.append(UInt8(ascii: ">"))
    }

    /// Escaped character data in the current element (which becomes mixed content).
    public mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        unique()
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

    /// ``element(_:_:text:)`` with one attribute, given without a list.
    public mutating func element(_ name: String, _ attribute: (String, String), text: String? = nil) {
        start(name, attribute, mixed: text != nil)
        if let text { self.text(text) }
        end()
    }

    /// What ``raw(_:)`` did with a fragment.
    public enum RawWrite: Sendable {
        case written
        /// Not well-formed: not written; the exporter says what it dropped.
        case illFormed
        /// One of ``refusedFragments``: not written; ``RawXMLSchemaCheck`` says why.
        case refused
    }

    /// Writes `fragment`, XML content kept whole or given raw, as it is, when it is well-formed on
    /// its own (``XMLContentCheck``): nothing written here can make the document ill-formed.
    @discardableResult
    public mutating func raw(_ fragment: String) -> RawWrite {
        guard XMLContentCheck.isWellFormed(fragment) else { return .illFormed }
        guard !refusedFragments.contains(fragment) else { return .refused }
        unique()
        closeStartTag()
        let start = output.count
        beginChild()
        append(fragment)
        rawFragments.append((fragment, start..<output.count))
        return .written
    }

    /// ` name="value"`, the value escaped.
    mutating func attributeText(_ name: String, _ value: String) {
        unique()
        writeAttribute(name, value)
    }

    /// Kept fragments, each as ``raw(_:)``: whether any was written (they then stand instead of
    /// what an exporter would write in their place), and how many were not, being ill-formed.
    public mutating func raw(fragments: [String]) -> (written: Bool, dropped: Int) {
        var written = false
        var dropped = 0
        for fragment in fragments {
            switch raw(fragment) {
            case .written: written = true
            case .illFormed: dropped += 1
            case .refused: break
            }
        }
        return (written, dropped)
    }

    /// Closes every element still open.
    public mutating func finish() {
        while !stack.isEmpty { end() }
        unique()
        if pretty { output.append(0x0A) }
    }

    public var data: Data { Data(buffer: output.buffer) }
    public var string: String { String(decoding: output.buffer, as: UTF8.self) }

    /// The buffer, copied first when another writer shares it: called by every method that
    /// writes, so that a copy of a writer writes on its own.
    @inline(__always)
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&output) { output = output.copy() }
        if !isKnownUniquelyReferenced(&names) { names = names.copy() }
    }

    // MARK: - Internals

    private mutating func beginChild() {
        closeStartTag()
        let indent = stack.count
        let mixed = stack.last?.mixed ?? false
        if !stack.isEmpty { stack[stack.count - 1].hasElements = true }
        if pretty, !mixed, output.count > 0, output.last != 0x0A || indent > 0 { newline(indent: indent) }
    }

    private mutating func closeStartTag() {
        if startTagOpen {
            output.append(UInt8(ascii: ">"))
            startTagOpen = false
        }
    }

    private mutating func newline(indent: Int) {
        if output.last != 0x0A { output.append(0x0A) }
        var remaining = indent * 2
        while remaining > 0 {
            let count = min(remaining, Self.spaces.utf8CodeUnitCount)
            output.append(Self.spaces.utf8Start, count: count)
            remaining -= count
        }
    }

    private mutating func append(_ s: String) { output.append(s) }

    private static let spaces: StaticString = "                                                                "

    private mutating func escape(_ s: String, attribute: Bool) {
        if s.utf8.withContiguousStorageIfAvailable({ escape(bytes: $0, attribute: attribute) }) == nil {
            var s = s
            s.withUTF8 { escape(bytes: $0, attribute: attribute) }
        }
    }

    private mutating func escape(bytes utf8: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        // Bytes that need nothing are copied in runs; only markup characters, controls and the
        // non-characters U+FFFE/U+FFFF (EF BF BE/BF) are looked at.
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var i = 0
        while i < count {
            // Eight bytes at a time while none of them needs a look.
            if i + 8 <= count, !Self.needsLook(word: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = base[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0xEF else {
                i += 1
                continue
            }
            let replacement: StaticString
            var width = 1
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22 where attribute: replacement = "&quot;"
            case 0x09 where attribute: replacement = "&#9;"
            case 0x0A where attribute: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0x22, 0x09, 0x0A:
                i += 1
                continue
            case 0x00..<0x20:
                replacedCharacters += 1
                replacement = "\u{FFFD}"
            case 0xEF where i + 2 < count && base[i + 1] == 0xBF && (base[i + 2] == 0xBE || base[i + 2] == 0xBF):
                replacedCharacters += 1
                replacement = "\u{FFFD}"
                width = 3
            default:
                i += 1
                continue
            }
            if i > runStart { output.append(base + runStart, count: i - runStart) }
            output.appendLiteral(replacement)
            i += width
            runStart = i
        }
        if count > runStart { output.append(base + runStart, count: count - runStart) }
    }

    /// Whether any of eight bytes may need a look: a control (below 0x20), `"`, `&`, `<`, `>` or
    /// 0xEF. May say yes for a word that needs none (the bytes are then looked at one by one),
    /// never no for one that does.
    @inline(__always)
    private static func needsLook(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return below | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x26)) | hasZero(word ^ (ones &* 0x3C))
            | hasZero(word ^ (ones &* 0x3E)) | hasZero(word ^ (ones &* 0xEF)) != 0
    }

    /// An XML name (letters, digits, `-`, `_`, `.`, `:`; not starting with a digit, `-` or `.`).
    static func isName(_ name: String) -> Bool {
        // ASCII names, nearly all of them, are checked byte by byte: the verdict is 0 (not a
        // name), 1 (a name) or 2 (not ASCII: looked at below).
        let verdict =
            name.utf8.withContiguousStorageIfAvailable { bytes -> UInt8 in
                var verdict: UInt8 = 0
                for byte in bytes {
                    if byte >= 0x80 { return 2 }
                    let lower = byte | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || byte == 0x5F || byte == 0x3A {
                        verdict = 1
                    } else if verdict == 0 || !((byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E) {
                        return 0
                    }
                }
                return verdict
            } ?? 2
        if verdict < 2 { return verdict == 1 }
        return isUnicodeName(name)
    }

    /// ``isName(_:)`` for a name with non-ASCII characters, by Unicode properties (apart, so
    /// that the ASCII check does not set up what this needs).
    @inline(never)
    private static func isUnicodeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !name.isEmpty else { return false }
        if first.properties.numericType != nil || first == "-" || first == "." { return false }
        return name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0)
        }
    }
}
