import Datelines
import Foundation
import NewsCore

/// Reads plain agency wire text into one article.
///
/// It recognises, in order: the text encoding (UTF-8 with or without BOM, else Windows-1252);
/// an IPTC 7901 envelope (SOH header, keyword line, STX head, ETX date-time group); head matter
/// (headline without version prefixes, `By` bylines, slug, notes); the dateline at the start of
/// the first body paragraph; paragraphs (blank-line separated, one per line, or indented); end
/// matter (desk initials, reporting credits, end markers, the sign-off word). See `docs/formats/wire.md`.
public struct WireTextImporter: ArticleImporter {
    public init() {}

    public func detect(_ sample: InputSample) -> Double {
        let bytes = sample.bytes
        guard !bytes.isEmpty, !bytes.contains(0) else { return 0 }
        // SYN SYN SOH is ANPA 1312's framing, which its own module reads.
        if bytes.starts(with: [0x16, 0x16, 0x01]) { return 0 }
        if bytes.first == 0x01 || bytes.prefix(64).contains(0x01) && bytes.contains(0x02) { return 0.9 }
        let text = sample.text
        guard let first = text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }), !"<{[".contains(first) else { return 0 }
        let lines = text.split(separator: "\n").prefix(12)
        if lines.contains(where: { DatelineParser.parse($0.drop(while: { $0 == " " || $0 == "\t" })) != nil }) { return 0.8 }
        return 0.5
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        let path = input.path
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }
        var diagnostics: [Diagnostic] = []

        if input.data.isEmpty || input.data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ConversionError("wire.input.empty", "the input is empty; expected the text of a dispatch", at: at(1))
        }
        if let position = Self.binaryPosition(input.data) {
            throw ConversionError(
                "wire.input.binary",
                "the input looks binary (a NUL or other non-text control byte at this position); expected plain text",
                at: at(position.line, position.column))
        }
        let decoded = TextDecoding.decode(input.data)
        if decoded.usedFallback {
            let (line, column) = decoded.firstInvalidByte ?? (1, 1)
            diagnostics.append(
                .warning(
                    "wire.encoding.fallback", "not valid UTF-8 (first invalid byte here); read as Windows-1252", at: at(line, column)))
        }
        let text = decoded.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = WireLayout.lines(of: text)

        var article = Article(kind: .text)
        article.origin = Origin(format: FormatModule.wireText.name, path: path, encoding: decoded.encoding)
        var head = HeadMatter()
        var leadLines: [SourceLine] = []

        if var envelope = IPTC7901Envelope.parse(lines) {
            if envelope.isANPA {
                envelope.headLines = envelope.headLines.map(Self.stripANPACodes)
                envelope.storyLines = envelope.storyLines.map(Self.stripANPACodes)
            }
            head = HeadMatter.parse(envelope.headLines)
            lines = envelope.storyLines
            article.priority = envelope.priority.flatMap { (1...9).contains($0) ? $0 : nil }
            article.urgency = envelope.flaggedUrgent ? 1 : article.priority
            if !envelope.keywords.isEmpty {
                article.slugline = envelope.keywords.joined(separator: "/")
                article.keywords = envelope.keywords
            }
            if let header = envelope.headerLine { article.extensions[IPTC7901Envelope.Key.header] = .string(header) }
            if let category = envelope.category { article.extensions[IPTC7901Envelope.Key.category] = .string(category) }
            if let dtg = envelope.dateTimeGroup { article.extensions[IPTC7901Envelope.Key.dateTimeGroup] = .string(dtg) }
            if options.reportsNotes {
                diagnostics.append(
                    .note("wire.iptc7901.envelope", "read an IPTC 7901 envelope (header, keywords, head, date-time group)", at: at(1)))
            }
        } else {
            lines = lines.map { line in
                var copy = line
                if line.text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                    copy.text = Substring(IPTC7901Envelope.strip(line.text, keepSpaces: true))
                }
                return copy
            }
        }

        // Find the dateline at the start of one of the first paragraphs.
        let candidates = Self.paragraphStarts(lines).prefix(15)
        var datelineMatch: (index: Int, match: DatelineMatch)?
        for index in candidates {
            if let match = DatelineParser.parse(lines[index].trimmed) {
                datelineMatch = (index, match)
                break
            }
        }

        var storyStart = 0
        if let (index, match) = datelineMatch {
            storyStart = index
            article.dateline = match.dateline
            lines[index].text = match.remainder
            if article.headline == nil, head.headline == nil {
                head = HeadMatter.parse(Array(lines[..<index]))
            } else {
                leadLines = Array(lines[..<index])
            }
        } else {
            // No dateline: the head is a first short line that does not end a sentence, and `By` lines.
            let nonBlank = lines.filter { !$0.isBlank }
            var headCount = 0
            if head.headline == nil, let first = nonBlank.first, nonBlank.count > 1, first.trimmed.count <= 150,
                let last = first.trimmed.last, !".!?\"”»:".contains(last)
            {
                headCount = 1
                while headCount < nonBlank.count, HeadMatter.parseByline(String(nonBlank[headCount].trimmed)) != nil { headCount += 1 }
                let headEnd = nonBlank[headCount - 1].number
                head = HeadMatter.parse(lines.filter { $0.number <= headEnd })
                storyStart = lines.firstIndex { $0.number > headEnd } ?? lines.count
            }
            let firstBody = lines[storyStart...].first { !$0.isBlank }
            diagnostics.append(
                .warning(
                    "wire.dateline.unrecognised",
                    "no dateline recognised at the start of the first paragraphs (expected e.g. 'PLACE, Mon DD (AGENCY) -'); the text is kept as body",
                    at: at(firstBody?.number ?? 1)))
        }

        var paragraphs = WireLayout.blocks(Array(lines[storyStart...])).flatMap(WireLayout.paragraphs(of:))
        let end = EndMatter.extract(from: &paragraphs, agency: article.dateline?.source)

        article.headline = head.headline
        article.subheadlines = head.subheadlines
        article.takeKey = head.takeKey
        article.bylines = head.bylines
        article.editorialNotes = head.editorialNotes
        if article.slugline == nil { article.slugline = head.slugline }
        if article.keywords.isEmpty { article.keywords = head.keywords }
        article.genres = head.genres.map { Concept(literal: $0, name: $0.capitalized) }
        article.abstract = WireLayout.blocks(leadLines).flatMap(WireLayout.paragraphs(of:)).map { .paragraph([.text($0.text)]) }
        article.body = Self.blocks(from: paragraphs)
        article.signOff = end.signOff
        article.trailers = end.trailers

        if article.body.isEmpty {
            diagnostics.append(.warning("wire.body.empty", "the dispatch has no body text", at: at(lines.last?.number ?? 1)))
        }
        return ImportResult(articles: [article], diagnostics: diagnostics)
    }

    /// ANPA 1312 lines start with `^` (a typesetting code) and end with `<` (quad left) or `=`.
    private static func stripANPACodes(_ line: SourceLine) -> SourceLine {
        var copy = line
        var text = line.trimmed
        if text.first == "^" { text = text.dropFirst() }
        while let last = text.last, last == "<" || last == "=" || last == " " { text = text.dropLast() }
        copy.text = text
        return copy
    }

    /// Indexes of lines that can start a paragraph: the first line of a block, every line of a
    /// block that is not hard-wrapped, and indented lines.
    private static func paragraphStarts(_ lines: [SourceLine]) -> [Int] {
        var starts: [Int] = []
        var index = 0
        while index < lines.count {
            guard !lines[index].isBlank else {
                index += 1
                continue
            }
            var end = index
            while end < lines.count, !lines[end].isBlank { end += 1 }
            let block = Array(lines[index..<end])
            if WireLayout.isHardWrapped(block) {
                starts.append(index)
                for k in (index + 1)..<end where lines[k].isIndented { starts.append(k) }
            } else {
                starts.append(contentsOf: index..<end)
            }
            index = end
        }
        return starts
    }

    /// Paragraphs to blocks: `# ` lines become headings, runs of `- ` items become lists.
    private static func blocks(from paragraphs: [WireParagraph]) -> [Block] {
        var blocks: [Block] = []
        var items: [[Block]] = []
        func flush() {
            if !items.isEmpty { blocks.append(.list(ordered: false, items: items)) }
            items = []
        }
        for paragraph in paragraphs {
            let text = paragraph.text
            if let marker = ["- ", "* ", "• "].first(where: { text.hasPrefix($0) }) {
                items.append([.paragraph([.text(String(text.dropFirst(marker.count)))])])
                continue
            }
            flush()
            let hashes = text.prefix(while: { $0 == "#" }).count
            if (1...6).contains(hashes), text.dropFirst(hashes).first == " " {
                blocks.append(.heading(level: hashes, content: [.text(String(text.dropFirst(hashes + 1)))]))
            } else {
                blocks.append(.paragraph([.text(text)]))
            }
        }
        flush()
        return blocks
    }

    /// The line and column of a byte that no text has: NUL, or C0 controls other than tab, line
    /// feeds and the framing characters of IPTC 7901 and ANPA 1312.
    private static func binaryPosition(_ data: Data) -> (line: Int, column: Int)? {
        var allowed: Set<UInt8> = [
            0x01, 0x02, 0x03, 0x04, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x11, 0x12, 0x13, 0x14, 0x16, 0x1E, 0x1F, 0x7F,
        ]
        // Inside an IPTC 7901 / ANPA 1312 frame (SYN or SOH first), every C0 control but NUL is a typesetting code.
        if let first = data.first, first == 0x16 || first == 0x01 { allowed.formUnion(0x01..<0x20) }
        return TextDecoding.binaryPosition(in: data, allowing: allowed)
    }
}
