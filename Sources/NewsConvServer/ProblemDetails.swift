import Foundation
import Hummingbird
import NewsConvKit
import NewsCore

/// An error answer as RFC 9457 problem details (`application/problem+json`): the HTTP status,
/// a title, the detail, the stable diagnostic code, and the located diagnostics when there are.
struct ProblemDetails: Error {
    var status: HTTPResponse.Status
    var code: String
    var detail: String
    var diagnostics: [Diagnostic] = []
    /// Seconds after which to try again (503).
    var retryAfter: Int?

    /// The problem for a pipeline failure: its last error decides the status.
    static func failure(_ diagnostics: [Diagnostic]) -> ProblemDetails {
        let error = diagnostics.last { $0.severity == .error } ?? diagnostics.last ?? .error("input.failed", "the conversion failed")
        let status: HTTPResponse.Status =
            switch error.code {
            case "input.format.unknown": .unsupportedMediaType
            case "input.empty": .badRequest
            default: .unprocessableContent
            }
        return ProblemDetails(status: status, code: error.code, detail: error.message, diagnostics: diagnostics)
    }

    var response: Response {
        var fields: [(String, OrderedJSON)] = [
            ("type", .string("urn:newsconv:problem:\(code)")),
            ("title", .string(status.reasonPhrase)), ("status", .number(Double(status.code))), ("detail", .string(detail)),
            ("code", .string(code)),
        ]
        if !diagnostics.isEmpty { fields.append(("diagnostics", .array(diagnostics.map(DiagnosticRecord.json)))) }
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        let body = (try? OrderedJSONEncoder(prettyPrinted: false).encode(OrderedJSON.object(fields))) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
