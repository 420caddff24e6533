import Foundation

/// Turns JSON decoding errors into located conversion errors: a syntax error keeps the line and
/// column the parser gives; a type or missing-field error is located by walking the document
/// along the error's coding path.
package enum JSONErrorLocator {
    package static func conversionError(_ error: any Error, data: Data, path: String?) -> ConversionError {
        guard let decodingError = error as? DecodingError else {
            return ConversionError("json.syntax", "not valid JSON: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // JSONDecoder does not say where; JSONSerialization does ("around character N").
            var detail = underlyingMessage(context)
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
            } catch {
                detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? detail
            }
            let (line, column) = syntaxPosition(detail, data: data) ?? (1, 1)
            return ConversionError("json.syntax", "not valid JSON: \(detail)", at: SourceLocation(path: path, line: line, column: column))
        case .dataCorrupted(let context):
            return located(
                "json.value.invalid", "\(pathText(context.codingPath)): \(context.debugDescription)", context.codingPath, data, path)
        case .typeMismatch(let type, let context):
            return located(
                "json.value.type", "\(pathText(context.codingPath)): expected \(typeName(type)) (\(context.debugDescription))",
                context.codingPath, data, path)
        case .valueNotFound(let type, let context):
            return located(
                "json.value.missing", "\(pathText(context.codingPath)): expected \(typeName(type)), found null", context.codingPath, data,
                path)
        case .keyNotFound(let key, let context):
            return located(
                "json.key.missing", "\(pathText(context.codingPath)): the required key \"\(key.stringValue)\" is missing",
                context.codingPath, data, path)
        @unknown default:
            return ConversionError("json.invalid", "\(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    private static func located(_ code: String, _ message: String, _ codingPath: [any CodingKey], _ data: Data, _ path: String?)
        -> ConversionError
    {
        let (line, column) = JSONPathScanner(data: data).position(
            of: codingPath.map { $0.intValue.map(JSONPathScanner.Step.index) ?? .key($0.stringValue) })
        return ConversionError(code, message, at: SourceLocation(path: path, line: line, column: column))
    }

    package static func location(ofKey key: String, in data: Data, path: String?) -> SourceLocation {
        let (line, column) = JSONPathScanner(data: data).position(of: [.key(key)])
        return SourceLocation(path: path, line: line, column: column)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }

    private static func pathText(_ path: [any CodingKey]) -> String {
        var out = "$"
        for key in path {
            if let index = key.intValue { out += "[\(index)]" } else { out += "." + key.stringValue }
        }
        return out
    }

    private static func underlyingMessage(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError as NSError? {
            if let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
            return underlying.localizedDescription
        }
        return context.debugDescription
    }

    /// Foundation's parser reports "line N, column M" or a byte offset in its message.
    private static func syntaxPosition(_ message: String, data: Data) -> (Int, Int)? {
        let scanner = Scanner(string: message)
        scanner.charactersToBeSkipped = nil
        while !scanner.isAtEnd {
            if scanner.scanString("line ") != nil, let line = scanner.scanInt() {
                _ = scanner.scanString(",")
                _ = scanner.scanString(" ")
                if scanner.scanString("column ") != nil, let column = scanner.scanInt() {
                    return (line, column)
                }
                return (line, 1)
            }
            if scanner.scanString("character ") != nil, let offset = scanner.scanInt() {
                return JSONPathScanner(data: data).lineColumn(ofOffset: offset)
            }
            _ = scanner.scanCharacter()
        }
        return nil
    }
}
