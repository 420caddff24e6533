import CGzip
import CLibXML2
import Foundation
import NewsCore

/// IPTC's XML Schemas built into newsconv (NewsML-G2 2.35 with NITF 3.6 and ODRL 2.2, NITF 3.6
/// alone), so that the exporters can check what they write where no standards folder is: an
/// output holding XML kept from a source is validated, and what the schema refuses is cut out
/// (``RawXMLSchemaCheck``). The files are those of the standards folder, unmodified, generated into
/// `BuiltInSchemaFiles.swift` by `scripts/embed-schemas.py`.
public enum BuiltInSchemas {
    /// The URI scheme under which libxml2 reads the built-in files: a schema's relative imports
    /// (`xml.xsd`, `../../nitf/3.6/nitf-3-6.xsd`) resolve against it as against the folder.
    static let scheme = "newsconv-schema:/"

    /// The paths of the built-in files, as in the standards folder.
    public static var paths: [String] { files.keys.sorted() }

    /// The compiled schema whose main file is `path` (`nitf/3.6/nitf-3-6.xsd`), compiled once per
    /// process.
    public static func validator(_ path: String) throws(ConversionError) -> XMLSchemaValidator {
        guard files[path] != nil else {
            throw ConversionError("xml.schema.missing", "no built-in schema \(path)", at: SourceLocation(path: path))
        }
        return try SchemaCache.shared.validator(builtIn: scheme + path)
    }

    /// A built-in file's bytes, by path.
    public static func file(_ path: String) -> [UInt8]? { files[path] }

    /// Every file, decompressed on first use (about 0.5 MB).
    private static let files: [String: [UInt8]] = {
        var files = compressedFiles.compactMapValues { chunks in
            Data(base64Encoded: chunks.joined()).flatMap { inflated(Array($0)) }
        }
        for (path, stored) in sameFiles { files[path] = files[stored] }
        return files
    }()

    /// zlib's inflate of a whole buffer: nil when it is not zlib data.
    static func inflated(_ compressed: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard newsconv_inflate_init_gzip(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = compressed
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output += target[0..<(target.count - Int(stream.avail_out))]
                }
            }
        }
        return status == Z_STREAM_END ? output : nil
    }

    /// libxml2's external entity loader for the process: a built-in schema file from memory,
    /// anything else as libxml2's loader that refuses the network (XMLRuntime installs it).
    static let entityLoader: xmlExternalEntityLoader = { url, id, context in
        if let url, let path = builtInPath(String(cString: url)), let bytes = files[path] {
            let buffer = bytes.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    xmlParserInputBufferCreateMem($0.baseAddress, Int32($0.count), XML_CHAR_ENCODING_NONE)
                }
            }
            guard let buffer else { return nil }
            guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
                xmlFreeParserInputBuffer(buffer)
                return nil
            }
            // The schema parser resolves the file's imports against its name; libxml2 frees it.
            input.pointee.filename = UnsafePointer(OpaquePointer(xmlCharStrdup(url)))
            return input
        }
        return xmlNoNetExternalEntityLoader(url, id, context)
    }

    /// The path of a built-in file named by its URI, nil for any other URI.
    private static func builtInPath(_ uri: String) -> String? {
        guard uri.hasPrefix(scheme) else { return nil }
        return String(uri.dropFirst(scheme.count))
    }
}
