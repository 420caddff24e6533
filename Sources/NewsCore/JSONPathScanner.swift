import Foundation

/// Finds where a value sits in JSON text, by walking object keys and array indexes, so that a
/// decoding error can name its line and column. It assumes the text is valid JSON (a syntax
/// error is reported by the parser itself) and stops at the deepest step it can reach.
package struct JSONPathScanner {
    package enum Step {
        case key(String)
        case index(Int)
    }

    let bytes: [UInt8]
    private var i = 0

    package init(data: Data) { bytes = [UInt8](data) }

    /// The line and column (1-based) of the value at `path`, or of the deepest reachable part of it.
    package func position(of path: [Step]) -> (Int, Int) {
        var scanner = self
        scanner.skipSpace()
        var found = scanner.i
        for step in path {
            guard scanner.descend(step) else { break }
            found = scanner.i
        }
        return lineColumn(ofOffset: found)
    }

    func lineColumn(ofOffset offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        var k = 0
        while k < min(offset, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }

    private mutating func descend(_ step: Step) -> Bool {
        skipSpace()
        guard i < bytes.count else { return false }
        switch step {
        case .key(let key):
            guard bytes[i] == UInt8(ascii: "{") else { return false }
            i += 1
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return false }
                let name = readString()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
                if name == key { return true }
                skipValue()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return false }
                i += 1
            }
        case .index(let index):
            guard bytes[i] == UInt8(ascii: "[") else { return false }
            i += 1
            var n = 0
            while true {
                skipSpace()
                if n == index { return i < bytes.count && bytes[i] != UInt8(ascii: "]") }
                skipValue()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return false }
                i += 1
                n += 1
            }
        }
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func readString() -> String {
        let start = i
        skipString()
        let raw = bytes[start..<i]
        return (try? JSONDecoder().decode(String.self, from: Data(raw))) ?? ""
    }

    private mutating func skipString() {
        i += 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "\"") {
                i += 1
                return
            }
            i += 1
        }
    }

    private mutating func skipValue() {
        guard i < bytes.count else { return }
        switch bytes[i] {
        case UInt8(ascii: "\""): skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return
                    }
                default: break
                }
                i += 1
            }
        default:
            while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) {
                i += 1
            }
        }
    }
}
