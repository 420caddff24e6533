import Foundation
import NewsCore

/// Reads the regular files of a tar archive (ustar, GNU long names, PAX paths) one at a time
/// from a byte stream: a `.tar` file, or a `.tar.gz` through ``GzipReader``.
final class TarReader {
    private let read: (Int) throws -> [UInt8]
    private let path: String

    /// `read(n)` returns up to `n` bytes, fewer only at the end.
    /// How large one entry may be (``ImportLimits/archiveEntryBytes``).
    private let entryLimit: Int

    init(path: String, entryLimit: Int = ImportLimits.standard.archiveEntryBytes, read: @escaping (Int) throws -> [UInt8]) {
        self.entryLimit = entryLimit
        self.path = path
        self.read = read
    }

    private func block() throws -> [UInt8]? {
        let bytes = try read(512)
        if bytes.isEmpty { return nil }
        guard bytes.count == 512 else { throw BatchError.source(path, "the tar archive is truncated") }
        return bytes
    }

    private func data(size: Int) throws -> [UInt8] {
        // A header may claim any size (1 TB, 2^62): what is held is capped, and the bytes must be there.
        guard size >= 0 else { throw BatchError.source(path, "the tar archive has a bad header (a negative size)") }
        guard size <= entryLimit else {
            throw BatchError.source(
                path, "an entry of the tar archive claims \(size) bytes, more than the \(entryLimit) an entry may hold")
        }
        let padded = (size + 511) / 512 * 512
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(padded, 1 << 20))
        while bytes.count < padded {
            let chunk = try read(min(padded - bytes.count, 1 << 20))
            guard !chunk.isEmpty else { throw BatchError.source(path, "the tar archive is truncated") }
            bytes += chunk
        }
        return Array(bytes.prefix(size))
    }

    /// A name field: UTF-8, else (an old archive's Latin-1 names) Windows-1252, as folder names are.
    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        let name = bytes.prefix { $0 != 0 }
        return String(validating: name, as: UTF8.self) ?? TextDecoding.windows1252(name)
    }

    /// An octal number, or GNU's base-256 for large sizes.
    private func number(_ field: ArraySlice<UInt8>) throws -> Int {
        if let first = field.first, first & 0x80 != 0 {
            // Base-256, big-endian, the top bit of the first byte a flag: a negative size (0xFF
            // first) or one past Int is no size.
            var value = Int(first & 0x7F)
            for byte in field.dropFirst() {
                guard first & 0x40 == 0, value <= (Int.max >> 8) else {
                    throw BatchError.source(path, "the tar archive has a bad header (a size no file can have)")
                }
                value = value << 8 | Int(byte)
            }
            return value
        }
        let text = Self.string(field).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return 0 }
        guard let value = Int(text, radix: 8) else { throw BatchError.source(path, "the tar archive has a bad header (size '\(text)')") }
        return value
    }

    /// Reads past an entry's bytes without holding them (one that is too large to hold); the
    /// bytes must be there, so a header that lies about its size ends the archive as truncated.
    private func skip(size: Int) throws {
        var left = (size + 511) / 512 * 512
        while left > 0 {
            let chunk = try read(min(left, 1 << 20))
            guard !chunk.isEmpty else {
                throw BatchError.source(
                    path,
                    "an entry of the tar archive claims \(size) bytes, more than the \(entryLimit) an entry may hold, and the archive ends before them"
                )
            }
            left -= chunk.count
        }
    }

    /// The next regular file: its path inside the archive and its bytes, or why it cannot be
    /// held (then the archive goes on after it); nil at the end.
    func next() throws -> (path: String, data: Data?, failure: String?)? {
        var longName: String?
        while let header = try block() {
            if header.allSatisfy({ $0 == 0 }) { return nil }
            let checksum = try number(header[148..<156])
            let computed = header.enumerated().reduce(0) { $0 + (148..<156 ~= $1.offset ? 32 : Int($1.element)) }
            guard checksum == computed else { throw BatchError.source(path, "the tar archive has a corrupt header (checksum)") }
            let size = try number(header[124..<136])
            let type = header[156]
            var name = Self.string(header[0..<100])
            if header[257..<262].elementsEqual(Array("ustar".utf8)) {
                let prefix = Self.string(header[345..<500])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            switch type {
            case UInt8(ascii: "L"):
                longName = Self.string(try data(size: size)[...])
            case UInt8(ascii: "x"):
                let records = String(decoding: try data(size: size), as: UTF8.self)
                for record in records.split(separator: "\n") {
                    if let range = record.range(of: " path=") { longName = String(record[range.upperBound...]) }
                }
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                if size > entryLimit {
                    try skip(size: size)
                    return (
                        longName ?? name, nil,
                        "the tar entry holds \(size) bytes, more than the \(entryLimit) an entry may hold"
                    )
                }
                let bytes = try data(size: size)
                return (longName ?? name, Data(bytes), nil)
            case UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6"):
                // Links and devices are never followed nor opened (a link may point anywhere, out
                // of the archive too): each is that entry's failure, said, not a silent skip.
                try skip(size: size)
                let kinds: [UInt8: String] = [
                    UInt8(ascii: "1"): "a hard link", UInt8(ascii: "2"): "a symbolic link", UInt8(ascii: "3"): "a character device",
                    UInt8(ascii: "4"): "a block device", UInt8(ascii: "6"): "a FIFO",
                ]
                return (
                    longName ?? name, nil, "is \(kinds[type] ?? "a special file") in the tar archive, not a file; never followed nor opened"
                )
            default:
                // Directories, global headers: nothing to convert.
                _ = try data(size: size)
                longName = nil
            }
        }
        return nil
    }
}
