import Foundation

/// The IR written straight to JSON bytes: the same members, order and omissions as the types'
/// `encode(to:)`, without Codable's containers, which cost most of a JSON export. The Codable
/// path stays the reference: `NativeJSONTests` encodes generated articles both ways and compares
/// the bytes.
extension JSONSink {
    // The writers of the article's members by type, which the generated `writeArticle`
    // (`ArticleMembersWriter.swift`) calls: each leaves out what `encode(to:)` leaves out.

    func useKeys(_ key: String, _ values: [UseKey]) {
        guard !values.isEmpty else { return }
        state.member(key: key)
        array(values) { useKey in
            state.openContainer(object: true)
            string("key", useKey.key)
            string("version", useKey.version)
            string("generation", useKey.generation)
            string("part", useKey.part)
            state.close()
        }
    }

    func bylines(_ key: String, _ values: [Byline]) {
        guard !values.isEmpty else { return }
        state.member(key: key)
        array(values) { byline in
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

    func dateline(_ key: String, _ value: Dateline?) {
        guard let dateline = value else { return }
        state.member(key: key)
        state.openContainer(object: true)
        string("text", dateline.text)
        string("place", dateline.place)
        string("region", dateline.region)
        date("date", dateline.date)
        string("source", dateline.source)
        string("placeCode", dateline.placeCode)
        state.close()
    }

    func blocks(_ key: String, _ values: [Block], _ path: [any CodingKey]) throws {
        guard !values.isEmpty else { return }
        state.member(key: key)
        try writeBlocks(values, path)
    }

    func concept(_ key: String, _ value: Concept?) {
        guard let value else { return }
        state.member(key: key)
        concept(value)
    }

    func mediaItems(_ key: String, _ values: [MediaItem], _ path: [any CodingKey]) throws {
        guard !values.isEmpty else { return }
        state.member(key: key)
        try array(values) { try writeMedia($0, path) }
    }

    func extensions(_ key: String, _ value: Extensions, _ path: [any CodingKey]) throws {
        guard !value.isEmpty else { return }
        state.member(key: key)
        try state.writeJSONValue(.object(value.values), path)
    }

    func origin(_ key: String, _ value: Origin?) {
        guard let origin = value else { return }
        state.member(key: key)
        state.openContainer(object: true)
        string("format", origin.format)
        string("path", origin.path)
        string("encoding", origin.encoding)
        int("line", origin.line)
        int("column", origin.column)
        state.close()
    }

    func string(_ key: String, _ value: String?) {
        guard let value else { return }
        state.member(key: key)
        state.writeString(value)
    }

    func int(_ key: String, _ value: Int?) {
        guard let value else { return }
        state.member(key: key)
        state.append(String(value))
    }

    func date(_ key: String, _ value: NewsDate?) {
        guard let value else { return }
        state.member(key: key)
        state.writeDate(value)
    }

    func strings(_ key: String, _ values: [String]) {
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

    func taggedTexts(_ key: String, _ values: [TaggedText]) {
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

    func concepts(_ key: String, _ values: [Concept]) {
        guard !values.isEmpty else { return }
        state.member(key: key)
        array(values) { concept($0) }
    }

    func concept(_ c: Concept) {
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
