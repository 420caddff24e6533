import Foundation
import NewsCore

/// Lays an article out as agency wire text, the way the wire importer reads it back: the head
/// (slug, take, headline, subheadlines, bylines, notes), a blank line, the dateline opening the
/// first paragraph, paragraphs separated by blank lines, then the sign-off and the trailers.
/// With IPTC 7901 framing the head sits between STX and a line ending in ` =`, after the
/// header and keyword lines, and the date-time group follows ETX.
struct WireTextWriter {
    let framing: WireFraming
    /// The width lines are wrapped at; 0 does not wrap.
    let width: Int
    let location: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []

    init(framing: WireFraming, width: Int, location: SourceLocation) {
        self.framing = framing
        self.width = width
        self.location = location
    }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("wire.export.\(code)", message, at: location)
    }

    /// The text's lines, without line ends; control characters of the framing included.
    mutating func lines(for article: Article) -> [String] {
        var head = headLines(article)
        var body: [String] = []
        var dropped: [String] = []
        // A lead before the dateline: 7901 reads it as the abstract; plain text would read it as head.
        let lead = article.abstract.map(\.plainText).filter { !$0.isEmpty }
        if !lead.isEmpty {
            if framing == .iptc7901 {
                for paragraph in lead { body += wrap(paragraph) + [""] }
            } else {
                dropped.append("abstract (plain wire text has no place for a lead before the dateline)")
            }
        }
        var paragraphs: [String] = []
        for block in article.body {
            paragraphs += paragraphTexts(block, dropped: &dropped)
        }
        if let dateline = article.dateline, !dateline.text.isEmpty {
            if paragraphs.isEmpty { paragraphs = [dateline.text] } else { paragraphs[0] = dateline.text + " " + paragraphs[0] }
        }
        for paragraph in paragraphs {
            // Headings and list items stay one line each: the importer knows them by their first characters.
            body +=
                (paragraph.hasPrefix("#") || paragraph.hasPrefix("- ")
                    ? paragraph.split(separator: "\n").map(String.init) : wrap(paragraph))
                + [""]
        }
        // The sign-off and each trailer are a line of their own, never wrapped: the importer
        // takes end matter off the end line by line.
        if let signOff = article.signOff { body += [signOff, ""] }
        body += article.trailers
        while body.last == "" { body.removeLast() }
        // Control characters in the text (a stray one a Markdown draft held) would read as
        // framing or binary: they are left out, with a warning.
        let cleanHead = head.map(Self.withoutControls)
        let cleanBody = body.map(Self.withoutControls)
        if cleanHead != head || cleanBody != body {
            warn("control-characters", "the text holds control characters, which wire text cannot carry; left out")
            head = cleanHead
            body = cleanBody
        }
        dropped += Self.unwritableFields(article)
        if framing == .plain, article.priority != nil || article.urgency != nil { dropped.append("priority and urgency") }
        if !dropped.isEmpty {
            warn(
                "dropped-fields",
                "wire text has no place for the article's \(Array(Set(dropped)).sorted().joined(separator: ", ")); dropped")
        }

        switch framing {
        case .plain:
            return head.isEmpty ? body : head + [""] + body
        case .iptc7901:
            var lines = [String(WireFraming.soh) + headerLine(article, words: body.joined(separator: " ")), ""]
            if let slugline = article.slugline {
                lines.append(article.keywords.isEmpty ? slugline + "/" : article.keywords.joined(separator: "/") + "/")
            }
            if head.isEmpty { head = [""] }
            head[head.count - 1] += " ="
            head[0] = String(WireFraming.stx) + head[0]
            // BEL characters in the head flag an urgent item (dpa's "Eil"), urgency 1.
            if article.urgency == 1, article.priority != 1 { head[0] += String(repeating: "\u{07}", count: 5) }
            lines += head + [""] + body + ["", String(WireFraming.etx) + dateTimeGroup(article)]
            return lines
        }
    }

    // MARK: The head

    private mutating func headLines(_ article: Article) -> [String] {
        // Plain text without a dateline has a head of one line and its bylines: the importer
        // cannot tell a longer head from the text.
        if framing == .plain, article.dateline?.text.isEmpty ?? true {
            let unheld = [
                article.slugline.map { _ in "slugline" }, article.takeKey.map { _ in "take key" },
                article.subheadlines.isEmpty ? nil : "subheadlines", article.editorialNotes.isEmpty ? nil : "editorial notes",
            ].compactMap { $0 }
            if !unheld.isEmpty {
                warn(
                    "head-without-dateline",
                    "plain wire text without a dateline holds only a headline and bylines before the text; the \(unheld.joined(separator: ", ")) dropped (use --option wire.framing=iptc7901)"
                )
            }
            return [article.headline].compactMap { $0 } + bylineLines(article.bylines)
        }
        var lines: [String] = []
        // 7901 carries the slug in its keyword line; plain text as a slug line the importer knows.
        if framing == .plain, let slugline = article.slugline {
            if !article.keywords.isEmpty, slugline == article.keywords.joined(separator: "/") {
                lines.append(slugline + "/")
            } else if HeadMatter.parse([SourceLine(text: Substring(slugline), number: 1)]).slugline == slugline {
                lines.append(slugline)
            } else {
                warn("dropped-slugline", "the slugline '\(slugline)' cannot be written so that it reads back as one; dropped")
            }
        }
        var headline = article.headline
        if let takeKey = article.takeKey {
            if HeadMatter.isTakeLine(takeKey) {
                lines.append(takeKey)
            } else if let parts = Self.takeLines(takeKey) {
                lines += parts
            } else if let current = headline {
                // `UPDATE 1`: a version marker printed before the headline (`UPDATE 1-...`).
                headline = takeKey + "-" + current
            } else {
                warn("dropped-take", "the take key '\(takeKey)' has no headline to precede; dropped")
            }
        }
        for genre in article.genres {
            guard let name = genre.literal, let current = headline, HeadMatter.stripHeadlinePrefixes("\(name)-x").genres == [name] else {
                continue
            }
            headline = name + "-" + current
        }
        if let headline { lines.append(headline) }
        lines += article.subheadlines
        lines += bylineLines(article.bylines)
        for note in article.editorialNotes {
            let parsed = HeadMatter.parse([SourceLine(text: "Head", number: 1), SourceLine(text: Substring(note), number: 2)])
            if parsed.editorialNotes == [note] {
                lines.append(note)
            } else {
                warn("note-parenthesised", "an editorial note is written in parentheses, as wire text marks notes")
                lines.append("(\(note))")
            }
        }
        return lines
    }

    /// `REFILE 1ST LEAD`: take lines the importer joined with a space.
    private static func takeLines(_ takeKey: String) -> [String]? {
        let words = takeKey.split(separator: " ").map(String.init)
        for split in 1..<max(words.count, 1) {
            let first = words[..<split].joined(separator: " ")
            let rest = words[split...].joined(separator: " ")
            if HeadMatter.isTakeLine(first), HeadMatter.isTakeLine(rest) { return [first, rest] }
        }
        return nil
    }

    /// One byline as printed; several as one `By A and B[, title]` line.
    private func bylineLines(_ bylines: [Byline]) -> [String] {
        guard bylines.count > 1 else { return bylines.map(\.printed) }
        let shared = bylines[0]
        guard bylines.allSatisfy({ $0.title == shared.title && $0.affiliation == shared.affiliation && $0.text == nil }) else {
            return bylines.map(\.printed)
        }
        let tail = [shared.title, shared.affiliation].compactMap { $0 }
        return [(["By " + bylines.map(\.name).joined(separator: " and ")] + tail).joined(separator: ", ")]
    }

    // MARK: The text

    private func paragraphTexts(_ block: Block, dropped: inout [String]) -> [String] {
        switch block {
        case .paragraph(let content):
            if Self.containsLink(content) { dropped.append("link addresses") }
            return [content.plainText]
        case .heading(let level, let content): return [String(repeating: "#", count: max(1, min(level, 6))) + " " + content.plainText]
        case .list(let ordered, let items):
            if ordered { dropped.append("list numbering") }
            return [items.map { "- " + $0.plainText }.joined(separator: "\n")]
        case .blockQuote(let blocks): return blocks.flatMap { paragraphTexts($0, dropped: &dropped) }
        case .preformatted(let text):
            dropped.append("preformatted layout")
            return [text]
        case .table(let table):
            dropped.append("tables (written as lines of cells)")
            return [table.rows.map { $0.cells.map(\.plainText).joined(separator: "  ") }.joined(separator: "\n")]
        case .media:
            dropped.append("media")
            return []
        case .raw(let format, _):
            dropped.append("\(format) blocks")
            return []
        case .horizontalRule:
            return []
        }
    }

    /// Whether inlines hold a link, whose address plain text cannot carry.
    static func containsLink(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .link: true
            case .emphasis(let inner), .strong(let inner), .quote(let inner): containsLink(inner)
            default: false
            }
        }
    }

    /// Words to lines of at most `width` characters (a longer word stands alone). Runs of
    /// spaces stay with the word before them; a line never starts with what the importer
    /// would read as a list item or heading, nor ends a sentence before the paragraph does.
    func wrap(_ paragraph: String) -> [String] {
        let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard width > 0 else { return lines }
        var result: [String] = []
        for line in lines {
            var tokens: [String] = []
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if word.isEmpty, !tokens.isEmpty { tokens[tokens.count - 1] += " " } else { tokens.append(String(word)) }
            }
            var current: [String] = []
            var length = 0
            for token in tokens {
                if current.isEmpty || length + 1 + token.count <= width {
                    length += (current.isEmpty ? 0 : 1) + token.count
                    current.append(token)
                    continue
                }
                var next = [token]
                while current.count > 1,
                    Self.opensBlock(next[0])
                        || WireLayout.endsSentence(SourceLine(text: Substring(current.joined(separator: " ")), number: 0))
                {
                    next.insert(current.removeLast(), at: 0)
                }
                result.append(Self.withoutTrailingSpaces(current.joined(separator: " ")))
                current = next
                length = next.joined(separator: " ").count
            }
            result.append(Self.withoutTrailingSpaces(current.joined(separator: " ")))
        }
        return result
    }

    /// A line without C0 control characters other than TAB, nor DEL.
    static func withoutControls(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.filter { ($0.value >= 0x20 || $0 == "\t") && $0.value != 0x7F }))
    }

    static func withoutTrailingSpaces(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }

    /// A token that, first on a line, would read as a list item or heading.
    static func opensBlock(_ token: String) -> Bool {
        ["-", "*", "•"].contains(token.trimmingCharacters(in: .whitespaces)) || token.hasPrefix("#")
    }

    // MARK: 7901

    /// `eca0003 3 i 380  dpa 0045`: kept from a 7901 source, else made from the article, the
    /// service and category that it cannot supply said in a warning.
    private mutating func headerLine(_ article: Article, words: String) -> String {
        if case .string(let header)? = article.extensions[IPTC7901Envelope.Key.header] { return header }
        let count = words.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        let category: String
        if case .string(let kept)? = article.extensions[IPTC7901Envelope.Key.category] {
            category = kept
        } else {
            category = "x"
            warn("header-supplied", "the article has no 7901 service or category; wrote service 'zzz0000' and category 'x'")
        }
        if article.priority == nil { warn("priority-supplied", "the article has no priority, which the 7901 header requires; wrote 5") }
        return "zzz0000 \(article.priority.map(String.init) ?? "5") \(category) \(count)"
    }

    /// The date-time group after ETX: kept from a 7901 source, else the version's time (UTC).
    private func dateTimeGroup(_ article: Article) -> String {
        if case .string(let group)? = article.extensions[IPTC7901Envelope.Key.dateTimeGroup] { return group }
        guard let date = article.versionCreated?.date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "ddHHmm 'GMT' MMM yy"
        return formatter.string(from: date)
    }

    /// Fields wire text has no place for, named in the dropped-fields warning.
    static func unwritableFields(_ article: Article) -> [String] {
        var names: [String] = []
        if article.id != nil { names.append("id") }
        if article.version != nil { names.append("version") }
        if !article.subjects.isEmpty || !article.people.isEmpty || !article.organisations.isEmpty || !article.places.isEmpty {
            names.append("subjects")
        }
        if !article.media.isEmpty { names.append("media") }
        if article.copyrightHolder != nil || article.copyrightNotice != nil || article.usageTerms != nil { names.append("rights") }
        if article.firstCreated != nil || article.embargoed != nil || article.expires != nil { names.append("dates") }
        if article.provider != nil { names.append("provider") }
        return names
    }
}
