import Foundation

/// Reads JSON Lines from a source of chunks, one line at a time, holding at most one line (and
/// one chunk) in memory: a line longer than the limit is read through to its end and dropped,
/// its length alone kept, so that no record can exhaust memory. A last line without a line
/// feed is a line; a carriage return before the line feed is part of the line's white space.
/// Made on one thread and then used by one other (the stream's reading thread) alone: it is
/// handed over, never shared, hence unchecked.
final class StreamLineReader: @unchecked Sendable {
    /// One line of the input: its bytes (without the line feed), or only its length when it was
    /// longer than the limit; `number` counts from 1.
    struct Line {
        var number: Int
        var bytes: Data?
        var length: Int
    }

    private let next: () throws -> Data
    private let limit: Int
    /// Bytes read and not yet handed out start at `start`; up to `searched` they hold no line feed.
    private var buffer: [UInt8] = []
    private var start = 0
    private var searched = 0
    private var atEnd = false
    private var number = 0

    /// How many lines have been handed out: the next one is number `linesRead + 1`.
    var linesRead: Int { number }

    /// `next` returns the input's next bytes, and no bytes at its end.
    init(limit: Int, next: @escaping () throws -> Data) {
        self.limit = limit
        self.next = next
    }

    /// The next line; nil at the end of the input. Throws what reading throws.
    func line() throws -> Line? {
        var dropped = 0
        while true {
            // Each byte is searched once, however many chunks a line spans.
            if let feed = buffer[searched...].firstIndex(of: 0x0A) {
                let length = dropped + feed - start
                let bytes = dropped == 0 ? Data(buffer[start..<feed]) : nil
                start = feed + 1
                searched = start
                // Handed-out lines are let go of once they are half of what is held.
                if start > buffer.count / 2 {
                    buffer.removeSubrange(0..<start)
                    start = 0
                    searched = 0
                }
                number += 1
                return Line(number: number, bytes: bytes, length: length)
            }
            searched = buffer.count
            if atEnd {
                let rest = buffer.count - start
                guard rest > 0 || dropped > 0 else { return nil }
                defer {
                    buffer = []
                    start = 0
                    searched = 0
                }
                number += 1
                return Line(number: number, bytes: dropped == 0 ? Data(buffer[start...]) : nil, length: dropped + rest)
            }
            if buffer.count - start > limit {
                // Too long: keep counting to the line's end, never the bytes.
                dropped += buffer.count - start
                buffer = []
                start = 0
                searched = 0
            }
            let chunk = try next()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    /// A source of chunks that reads a file descriptor (standard input) with `read(2)`, one call
    /// a chunk, so that a record is converted as soon as its line has arrived.
    static func chunks(of descriptor: Int32, size: Int = 1 << 16) -> () throws -> Data {
        var chunk = [UInt8](repeating: 0, count: size)
        return {
            while true {
                let count = Foundation.read(descriptor, &chunk, chunk.count)
                if count >= 0 { return Data(chunk[0..<count]) }
                if errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        }
    }
}
