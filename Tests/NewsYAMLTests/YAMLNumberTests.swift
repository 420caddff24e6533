import Foundation
import Testing
import Yams

@testable import NewsYAML

/// Numbers as Yams reads them, without its traps: a base-60 integer too large for an `Int` made
/// Yams's multiplication overflow (found by the fuzzer through a Markdown draft's front matter).
@Suite struct YAMLNumberTests {
    static func scalar(_ text: String) -> YAMLNode { YAMLNode(content: .scalar(text, style: .plain, tag: nil), line: 1, column: 1) }

    /// Base-60 integers that fit are read as Yams reads them.
    @Test(arguments: [("190:20:30", 685_230), ("-1:30", -90), ("1_0:0", 600), ("12", 12), ("0x1F", 31)])
    func integersThatFitAreYamsIntegers(_ text: String, _ value: Int) {
        #expect(Self.scalar(text).int == value)
        #expect(Self.scalar(text).yamsScalar?.int == value)
    }

    /// Too large: each of Yams's three steps overflowing (a part times its base, the sum, the
    /// base itself after eleven parts), and a negative sum that has no positive.
    @Test(arguments: [
        "26:3044444444444444443:0:000", "153722867280912931:0", "2562047788015216:0:0", "1:0:0:0:0:0:0:0:0:0:0",
        "--1:-9223372036854775748",
    ])
    func integersThatOverflowAreNone(_ text: String) {
        #expect(YAMLNode.sexagesimalOverflows(text))
        #expect(Self.scalar(text).int == nil)
    }

    /// The fuzzer's draft is read, its value a number of another kind than Int.
    @Test func theFuzzersFrontMatterIsRead() throws {
        let node = Self.scalar("26:3044444444444444443:0:000")
        #expect(node.int == nil)
        #expect(node.float != nil)
    }

    @Test func partsThatAreNoNumbersLeaveItToYams() {
        #expect(!YAMLNode.sexagesimalOverflows("12:3a"))
        #expect(Self.scalar("12:3a").int == nil)
        #expect(!YAMLNode.sexagesimalOverflows("0:99999999999999999999"))
    }
}
