import CGzip
import Foundation

/// Reads a gzip file as a stream of decompressed bytes, a chunk at a time, so that a `.tar.gz` of
/// any size is never held in memory. Concatenated gzip members are read one after another.
final class GzipReader {
    private let handle: FileHandle
    private var stream = z_stream()
    private var pending: [UInt8] = []
    private var atMemberEnd = false
    private var finished = false
    private let path: String

    init(path: String) throws {
        self.path = path
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
        return Array(output.prefix(produced))
    }
}
