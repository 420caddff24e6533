import Foundation

/// The IR written straight to JSON bytes: the same members, order and omissions as the types'
/// `encode(to:)`, without Codable's containers, which cost most of a JSON export. The Codable
/// path stays the reference: `NativeJSONTests` encodes generated articles both ways and compares
/// the bytes.
extension JSONSink {
    func writeArticle(_ a: Article, _ path: [any CodingKey]) throws {
        state.openContainer(object: true)
        string("id", a.id)
        int("version", a.version)
        string("language", a.language)
        string("kind", a.kind.rawValue)
        string("status", a.status?.rawValue)
        strings("signals", a.signals)
        date("firstCreated", a.firstCreated)
        date("versionCreated", a.versionCreated)
        date("contentCreated", a.contentCreated)
        date("contentModified", a.contentModified)
        date("embargoed", a.embargoed)
        date("expires", a.expires)
        int("urgency", a.urgency)
        int("priority", a.priority)
        string("headline", a.headline)
        strings("subheadlines", a.subheadlines)
        string("slugline", a.slugline)
        string("takeKey", a.takeKey)
        if !a.useKeys.isEmpty {
            state.member(key: "useKeys")
            array(a.useKeys) { useKey in
                state.openContainer(object: true)
                string("key", useKey.key)
                string("version", useKey.version)
                string("generation", useKey.generation)
                string("part", useKey.part)
                state.close()
            }
        }
        if !a.bylines.isEmpty {
            state.member(key: "bylines")
            array(a.bylines) { byline in
                state.openContainer(object: true)
                string("name", byline.name)
                string("title", byline.title)
                string("affiliation", byline.affiliation)
                string("role", byline.role)
                string("id", byline.id)
                string("text", byline.text)
                state.close()
            }
        }
        concepts("creators", a.creators)
        concepts("contributors", a.contributors)
        if let dateline = a.dateline {
            state.member(key: "dateline")
            state.openContainer(object: true)
            string("text", dateline.text)
            string("place", dateline.place)
            string("region", dateline.region)
            date("date", dateline.date)
            string("source", dateline.source)
            state.close()
        }
        if !a.abstract.isEmpty {
            state.member(key: "abstract")
            try writeBlocks(a.abstract, path)
        }
        taggedTexts("descriptions", a.descriptions)
        if !a.body.isEmpty {
            state.member(key: "body")
            try writeBlocks(a.body, path)
        }
        string("signOff", a.signOff)
        strings("trailers", a.trailers)
        strings("editorialNotes", a.editorialNotes)
        concepts("subjects", a.subjects)
        concepts("genres", a.genres)
        strings("keywords", a.keywords)
        concepts("people", a.people)
        concepts("organisations", a.organisations)
        concepts("places", a.places)
        if let provider = a.provider {
            state.member(key: "provider")
            concept(provider)
        }
        concepts("infoSources", a.infoSources)
        string("creditline", a.creditline)
        string("copyrightHolder", a.copyrightHolder)
        string("copyrightNotice", a.copyrightNotice)
        string("usageTerms", a.usageTerms)
        taggedTexts("alternatives", a.alternatives)
        if !a.media.isEmpty {
            state.member(key: "media")
            try array(a.media) { try writeMedia($0, path) }
        }
        if !a.extensions.isEmpty {
            state.member(key: "extensions")
            try state.writeJSONValue(.object(a.extensions.values), path)
        }
        if let origin = a.origin {
            state.member(key: "origin")
            state.openContainer(object: true)
            string("format", origin.format)
            string("path", origin.path)
            string("encoding", origin.encoding)
            int("line", origin.line)
            int("column", origin.column)
            state.close()
        }
        state.close()
    }

    private func string(_ key: String, _ value: String?) {
        guard let value else { return }
        state.member(key: key)
        state.writeString(value)
    }

    private func int(_ key: String, _ value: Int?) {
        guard let value else { return }
        state.member(key: key)
        state.append(String(value))
    }

    private func date(_ key: String, _ value: NewsDate?) {
        guard let value else { return }
        state.member(key: key)
        state.writeDate(value)
    }

    private func strings(_ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        state.member(key: key)
        array(values) { state.writeString($0) }
    }

    /// A JSON array of the values, each written by `write`.
    func array<T>(_ values: [T], _ write: (T) throws -> Void) rethrows {
        guard !values.isEmpty else { return state.append("[]") }
        state.openContainer(object: false)
        for value in values {
            state.member(key: nil)
            try write(value)
        }
        state.close()
    }

    private func taggedTexts(_ key: String, _ values: [TaggedText]) {
        guard !values.isEmpty else { return }
        state.member(key: key)
        array(values) { value in
            state.openContainer(object: true)
            string("field", value.field)
            string("text", value.text)
            string("language", value.language)
            string("role", value.role)
            state.close()
        }
    }

    private func concepts(_ key: String, _ values: [Concept]) {
        guard !values.isEmpty else { return }
        state.member(key: key)
        array(values) { concept($0) }
    }

    private func concept(_ c: Concept) {
        state.openContainer(object: true)
        string("qcode", c.qcode)
        string("uri", c.uri)
        string("literal", c.literal)
        string("name", c.name)
        string("type", c.type)
        string("role", c.role)
        if !c.broader.isEmpty {
            state.member(key: "broader")
            array(c.broader) { concept($0) }
        }
        state.close()
    }

    func writeMedia(_ m: MediaItem, _ path: [any CodingKey]) throws {
        state.openContainer(object: true)
        string("id", m.id)
        string("kind", m.kind?.rawValue)
        string("href", m.href)
        string("mediaType", m.mediaType)
        string("caption", m.caption)
        string("credit", m.credit)
        string("title", m.title)
        if !m.renditions.isEmpty {
            state.member(key: "renditions")
            try array(m.renditions) { r in
                state.openContainer(object: true)
                string("name", r.name)
                string("href", r.href)
                string("mediaType", r.mediaType)
                int("width", r.width)
                int("height", r.height)
                int("sizeInBytes", r.sizeInBytes)
                if let duration = r.duration {
                    state.member(key: "duration")
                    try state.writeDouble(duration, path)
                }
                state.close()
            }
        }
        state.close()
    }
}
