import Foundation

/// The root element's name of an XML document, found without parsing (for format detection).
public enum XMLRootName {
    /// The name of the first element, after the XML declaration, comments, processing
    /// instructions and a DOCTYPE.
    public static func of(_ bytes: Data) -> String? {
        bytes.withUnsafeBytes { raw in of(raw.bindMemory(to: UInt8.self)) }
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let end = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        var index = 0
        while index < end {
            guard let open = find(UInt8(ascii: "<"), from: index) else { return nil }
            let next = open + 1
            guard next < end else { return nil }
            switch bytes[next] {
            case UInt8(ascii: "?"), UInt8(ascii: "!"):
                // A comment ends with `-->`; a declaration or DOCTYPE with `>` (an internal subset is rare in news).
                if next + 2 < end, bytes[next] == UInt8(ascii: "!"), bytes[next + 1] == UInt8(ascii: "-"),
                    bytes[next + 2] == UInt8(ascii: "-")
                {
                    // Each `>` after the opening is a candidate end.
                    var close = next + 3
                    while true {
                        guard let candidate = find(UInt8(ascii: ">"), from: close) else { return nil }
                        if candidate >= next + 5, bytes[candidate - 1] == UInt8(ascii: "-"), bytes[candidate - 2] == UInt8(ascii: "-") {
                            close = candidate
                            break
                        }
                        close = candidate + 1
                    }
                    index = close + 1
                } else {
                    guard let close = find(UInt8(ascii: ">"), from: next) else { return nil }
                    index = close + 1
                }
            default:
                var stop = next
                while stop < end {
                    let byte = bytes[stop]
                    if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ">")
                        || byte == UInt8(ascii: "/")
                    {
                        break
                    }
                    stop += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[next..<stop]), as: UTF8.self)
            }
        }
        return nil
    }
}
