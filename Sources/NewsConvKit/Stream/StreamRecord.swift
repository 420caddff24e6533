import Foundation
import NewsCore

/// One record of `newsconv stream`: a line of JSON Lines, `{"id": ..., "name": "dir/story.xml",
/// "data": "<text>"}` or with `"data_base64"` for bytes, and the line that answers it, `{"id":
/// ..., "status": "converted|failed|skipped", "outputs": [{"name": ..., "data": ...}],
/// "diagnostics": [...]}`. See `docs/scale.md`.
struct StreamRecord {
    /// The record's `id`, echoed in its answer as it was given (null when it had none).
    var id: OrderedJSON
    /// The document: its bytes, the path diagnostics name and the name outputs are named after.
    var document: SourceDocument

    /// The members a record may have; any other is an error, so that a misspelled `data` is
    /// not taken for a record without a document.
    private struct Fields: Decodable {
        var id: JSONValue?
        var name: String?
        var data: String?
        var dataBase64: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, data
            case dataBase64 = "data_base64"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            for key in container.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: [key],
                        debugDescription: "not a member of a stream record (id, name, data, data_base64)"))
            }
            let known = try decoder.container(keyedBy: CodingKeys.self)
            id = try known.decodeIfPresent(JSONValue.self, forKey: .id)
            name = try known.decodeIfPresent(String.self, forKey: .name)
            data = try known.decodeIfPresent(String.self, forKey: .data)
            dataBase64 = try known.decodeIfPresent(String.self, forKey: .dataBase64)
        }
    }

    private struct IDOnly: Decodable {
        var id: JSONValue?
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Why a line is not a record, and the record's id when the line was read that far.
    struct Invalid: Error {
        var id: OrderedJSON
        var diagnostic: Diagnostic
    }

    /// Reads a line (line `number` of the stream named `streamPath` in diagnostics). Throws the
    /// located error when it is not a record.
    static func read(_ line: Data, number: Int, streamPath: String) throws(Invalid) -> StreamRecord {
        var id = OrderedJSON.null
        func failure(_ code: String, _ message: String, column: Int = 1) -> Invalid {
            Invalid(id: id, diagnostic: .error(code, message, at: SourceLocation(path: streamPath, line: number, column: column)))
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: line)
        } catch {
            // The answer names the record when its id, at least, can be read.
            switch (try? JSONDecoder().decode(IDOnly.self, from: line))?.id {
            case .string(let text): id = .string(text)
            case .number(let number): id = .number(number)
            default: break
            }
            let located = JSONErrorLocator.conversionError(error, data: line, path: streamPath).diagnostic
            throw failure(
                "stream.record.invalid", "not a stream record: \(located.message)", column: located.location.column ?? 1)
        }
        id = fields.id.map(OrderedJSON.init) ?? .null
        switch id {
        case .array, .object, .bool:
            id = .null
            throw failure("stream.record.id", "a record's id is a string or a number")
        default: break
        }
        let data: Data
        switch (fields.data, fields.dataBase64) {
        case (let text?, nil):
            data = Data(text.utf8)
        case (nil, let encoded?):
            guard let decoded = Data(base64Encoded: encoded) else {
                throw failure("stream.record.base64", "data_base64 is not base64 (RFC 4648, with padding)")
            }
            data = decoded
        case (nil, nil):
            throw failure("stream.record.no-data", "a record holds its document in data (text) or data_base64 (bytes)")
        case (.some, .some):
            throw failure("stream.record.two-data", "a record has data or data_base64, not both")
        }
        // Without a name, the record is named after its line; its format is then detected from
        // its content alone.
        let name = fields.name ?? "record-\(number)"
        return StreamRecord(id: id, document: SourceDocument(data: data, path: name, name: name))
    }

    /// The line that answers a record: its id, its status, its outputs (text as `data`, other
    /// bytes as `data_base64`) and its diagnostics.
    static func answer(id: OrderedJSON, status: String, outputs: [PipelineResult.Output], diagnostics: [Diagnostic]) -> Data {
        let object: OrderedJSON = .object([
            ("id", id), ("status", .string(status)), ("outputs", .array(outputs.map { $0.json() })),
            ("diagnostics", .array(diagnostics.map(DiagnosticRecord.json))),
        ])
        // An OrderedJSON value always encodes; the fallback keeps the stream's one line a record.
        var line =
            (try? OrderedJSONEncoder(prettyPrinted: false).encode(object))
            ?? Data(#"{"id":null,"status":"failed","outputs":[],"diagnostics":[]}"#.utf8)
        line.append(0x0A)
        return line
    }
}
