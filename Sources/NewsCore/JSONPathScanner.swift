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

    /// A member whose key an earlier member of the same object already has.
    package struct RepeatedMember {
        /// The key, as decoded.
        package let key: String
        /// The steps to the object that holds the member.
        package let object: [Step]
        /// The line and column (1-based) of the later key.
        package let line: Int
        package let column: Int
        /// The later member's value, as bytes of the text.
        package let value: Range<Int>
    }

    /// The members whose key an earlier member of the same object already has, in the order of
    /// the text. JSON parsers differ on which of the values they keep (Foundation the first, jq,
    /// Python and JavaScript the last), so the reader must say which one it drops.
    package func repeatedMembers() -> [RepeatedMember] {
        var scanner = self
        var path: [RawStep] = []
        var found: [RepeatedMember] = []
        scanner.skipSpace()
        scanner.collectRepeatedMembers(at: &path, into: &found)
        return found
    }

    /// A step of the path being walked: a key as its bytes, made a String only for a member
    /// that is reported.
    private enum RawStep {
        case key(Range<Int>)
        case index(Int)
    }

    private mutating func collectRepeatedMembers(at path: inout [RawStep], into found: inout [RepeatedMember]) {
        guard i < bytes.count else { return }
        let isObject = bytes[i] == UInt8(ascii: "{")
        guard isObject || bytes[i] == UInt8(ascii: "[") else { return skipValue() }
        let close = UInt8(ascii: isObject ? "}" : "]")
        i += 1
        // The keys met so far, as their bytes between the quotes: an object's few keys are
        // compared byte for byte (a String and a hash per key cost ninjs import 4%); a key with
        // an escape, or the 17th, moves the object to comparing decoded keys in a set.
        var raw: [Range<Int>] = []
        var decoded: Set<String>?
        var index = 0
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] != close else {
                i += 1
                return
            }
            var step = RawStep.index(index)
            var repeatedAt: Int?
            if isObject {
                guard bytes[i] == UInt8(ascii: "\"") else { return }
                let start = i
                skipString()
                let key = (start + 1)..<max(start + 1, i - 1)
                if decoded == nil, raw.count >= 16 || bytes[key].contains(UInt8(ascii: "\\")) {
                    decoded = Set(raw.map { decode($0) })
                }
                let repeated =
                    if decoded != nil {
                        !decoded!.insert(decode(key)).inserted
                    } else {
                        raw.contains { $0.count == key.count && bytes[$0].elementsEqual(bytes[key]) }
                    }
                step = .key(key)
                if repeated { repeatedAt = start }
                raw.append(key)
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return }
                i += 1
                skipSpace()
            }
            let valueStart = i
            let reportedBefore = found.count
            path.append(step)
            collectRepeatedMembers(at: &path, into: &found)
            path.removeLast()
            if let repeatedAt, case .key(let key) = step {
                let (line, column) = lineColumn(ofOffset: repeatedAt)
                let object = path.map { step -> Step in
                    switch step {
                    case .key(let key): .key(decode(key))
                    case .index(let index): .index(index)
                    }
                }
                let member = RepeatedMember(key: decode(key), object: object, line: line, column: column, value: valueStart..<i)
                // Before the repeats inside its value, so that those apply to the value that is kept.
                found.insert(member, at: reportedBefore)
            }
            index += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { continue }
            i += 1
        }
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

    /// A key's text from its bytes between the quotes (escapes resolved).
    private func decode(_ key: Range<Int>) -> String {
        guard bytes[key].contains(UInt8(ascii: "\\")) else { return String(decoding: bytes[key], as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(bytes[(key.lowerBound - 1)..<(key.upperBound + 1)]))) ?? ""
    }

    private mutating func readString() -> String {
        let start = i
        skipString()
        let raw = bytes[start..<i]
        // Most keys have no escape: their bytes between the quotes are the key.
        if raw.count >= 2, !raw.contains(UInt8(ascii: "\\")) { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
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
