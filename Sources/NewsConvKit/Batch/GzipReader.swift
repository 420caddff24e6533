import CGzip
import Foundation
import NewsCore

/// Reads a gzip file as a stream of decompressed bytes, a chunk at a time, so that a `.tar.gz` of
/// any size is never held in memory. Concatenated gzip members are read one after another.
final class GzipReader {
    private let handle: FileHandle
    private var stream = z_stream()
    private var pending: [UInt8] = []
    private var atMemberEnd = false
    private var finished = false
    private let path: String
    /// The compressed bytes read from the file and the bytes they decompressed to, for the
    /// expansion cap (``ImportLimits/gzipExpansionRatio``).
    private var compressedBytes = 0
    private var decompressedBytes = 0
    private let expansionFloor: Int
    private let expansionRatio: Int

    init(
        path: String, expansionFloor: Int = ImportLimits.standard.gzipExpansionFloor,
        expansionRatio: Int = ImportLimits.standard.gzipExpansionRatio
    ) throws {
        self.path = path
        self.expansionFloor = expansionFloor
        self.expansionRatio = expansionRatio
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BatchError.source(path, "cannot be opened for reading")
        }
        self.handle = handle
        guard newsconv_inflate_init_gzip(&stream) == Z_OK else { throw BatchError.source(path, "zlib could not start decompressing") }
    }

    deinit {
        inflateEnd(&stream)
        try? handle.close()
    }

    /// Up to `count` decompressed bytes; fewer only at the end of the data.
    func read(_ count: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        var produced = 0
        while produced < count, !finished {
            if pending.isEmpty {
                let chunk = handle.readData(ofLength: 64 * 1024)
                if chunk.isEmpty {
                    guard atMemberEnd else { throw BatchError.source(path, "the gzip data is truncated") }
                    finished = true
                    break
                }
                pending = Array(chunk)
                compressedBytes += chunk.count
            }
            if atMemberEnd, pending.allSatisfy({ $0 == 0 }) {
                // Zero padding after the last member.
                pending = []
                continue
            }
            var status: Int32 = Z_OK
            var consumed = 0
            pending.withUnsafeMutableBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_in = input.baseAddress
                    stream.avail_in = uInt(input.count)
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = uInt(count - produced)
                    status = inflate(&stream, Z_NO_FLUSH)
                    consumed = input.count - Int(stream.avail_in)
                    produced = count - Int(stream.avail_out)
                }
            }
            pending.removeFirst(consumed)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                atMemberEnd = false
            case Z_STREAM_END:
                // Another member may follow.
                atMemberEnd = true
                inflateReset(&stream)
            default:
                throw BatchError.source(path, "the gzip data is corrupt (zlib error \(status))")
            }
        }
        decompressedBytes += produced
        // A gzip bomb stops here, before its gigabytes are inflated: what it held before this
        // point has been read; what follows is refused.
        if decompressedBytes > expansionFloor, decompressedBytes / max(compressedBytes, 1) > expansionRatio {
            throw BatchError.source(
                path,
                "the gzip data expands to more than \(expansionRatio) times its size (\(decompressedBytes) bytes from \(compressedBytes)); refused from here as a likely gzip bomb"
            )
        }
        return Array(output.prefix(produced))
    }
}
