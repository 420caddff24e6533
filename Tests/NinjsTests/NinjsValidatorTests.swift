import Foundation
import NewsCore
import TestSupport
import Testing

@testable import Ninjs

/// The ninjs validator (behind `newsconv validate`) agrees with IPTC's test suite: every
/// `should_pass` file of a released version is valid against that version's schema, every
/// `should_fail` file invalid (or not JSON at all).
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct NinjsValidatorTests {
    /// The test suite's files of the versions whose schemas the standards folder has.
    static var cases: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        return Fixtures.files(in: shared.appendingPathComponent("corpus/iptc/ninjs/test-suite"), extensions: ["json"]).filter { url in
            let version = url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
            return FileManager.default.fileExists(
                atPath: shared.appendingPathComponent("standards/ninjs/\(version)/ninjs-schema_\(version).json").path)
        }
    }

    @Test func theSuiteIsThere() {
        #expect(Self.cases.count >= 100)
    }

    @Test(arguments: cases)
    func agreesWithIPTCsTestSuite(_ url: URL) throws {
        let shared = try #require(Fixtures.shared)
        let version = url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        let shouldPass = url.deletingLastPathComponent().lastPathComponent == "should_pass"
        let validator = NinjsValidator(version: version)
        do {
            let problems = try validator.validate(
                ImportInput(data: try Data(contentsOf: url), path: url.path), standards: shared.appendingPathComponent("standards"))
            if shouldPass {
                #expect(problems.isEmpty, "\(version)/\(url.lastPathComponent): \(problems.map(\.message))")
            } else {
                #expect(!problems.isEmpty, "\(version)/\(url.lastPathComponent) should fail")
                #expect(problems.allSatisfy { $0.location.line != nil })
            }
        } catch let error as ConversionError {
            #expect(!shouldPass, "\(url.lastPathComponent): \(error)")
        }
    }
}
