import Foundation
import NewsConvKit
import NewsCore

/// The frames between the server and a ``ConversionWorker``, over pipes. Each is a 4-byte
/// big-endian length and that much JSON (the settings and name; or the diagnostics, the
/// failure and the outputs' names), then the bytes that would be costly in JSON as 8-byte
/// big-endian lengths and bytes: the document, or each output in turn.
enum WorkerFrames {
    struct Request: Codable {
        var settings: ConversionSettings
        var name: String
    }

    struct Answer: Codable {
        var failed: Bool
        var diagnostics: [Diagnostic]
        var outputs: [String]
    }

    /// Ends of input and short reads: the worker (or the server) is gone.
    struct Closed: Error {}

    static func writeRequest(settings: ConversionSettings, name: String, document: Data, to handle: FileHandle) throws {
        let header = try JSONEncoder().encode(Request(settings: settings, name: name))
        try handle.write(contentsOf: length32(header.count) + header + length64(document.count) + document)
    }

    static func readRequest(from handle: FileHandle) throws -> (settings: ConversionSettings, name: String, document: Data) {
        let request = try JSONDecoder().decode(Request.self, from: try read(Int(try number(from: handle, bytes: 4)), from: handle))
        let document = try read(Int(try number(from: handle, bytes: 8)), from: handle)
        return (request.settings, request.name, document)
    }

    static func writeAnswer(_ result: PipelineResult, to handle: FileHandle) throws {
        let header = try JSONEncoder().encode(
            Answer(failed: result.failed, diagnostics: result.diagnostics, outputs: result.outputs.map(\.name)))
        var frame = length32(header.count) + header
        for output in result.outputs { frame += length64(output.data.count) + output.data }
        try handle.write(contentsOf: frame)
    }

    static func readAnswer(from handle: FileHandle) throws -> PipelineResult {
        let answer = try JSONDecoder().decode(Answer.self, from: try read(Int(try number(from: handle, bytes: 4)), from: handle))
        var result = PipelineResult()
        result.failed = answer.failed
        result.diagnostics = answer.diagnostics
        for name in answer.outputs {
            result.outputs.append(PipelineResult.Output(name: name, data: try read(Int(try number(from: handle, bytes: 8)), from: handle)))
        }
        return result
    }

    private static func length32(_ count: Int) -> Data { Data(withUnsafeBytes(of: UInt32(count).bigEndian, Array.init)) }
    private static func length64(_ count: Int) -> Data { Data(withUnsafeBytes(of: UInt64(count).bigEndian, Array.init)) }

    private static func number(from handle: FileHandle, bytes: Int) throws -> UInt64 {
        try read(bytes, from: handle).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Exactly `count` bytes, or ``Closed``.
    private static func read(_ count: Int, from handle: FileHandle) throws -> Data {
        guard count >= 0, count <= 1 << 34 else { throw Closed() }
        var data = Data()
        while data.count < count {
            guard let chunk = try handle.read(upToCount: min(count - data.count, 1 << 20)), !chunk.isEmpty else { throw Closed() }
            data += chunk
        }
        return data
    }
}
