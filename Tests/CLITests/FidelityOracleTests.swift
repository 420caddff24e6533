import Foundation
import TestSupport
import Testing

/// The fidelity oracle (`scripts/fidelity/oracle.py`): an independent reader of the corpus's
/// NewsML-G2, NITF, ninjs and wire documents (lxml XPath and Python's json, not newsconv's
/// importers) compares each source fact with newsconv's JSON, NITF and NewsML-G2 outputs. The
/// test fails when any fact's fate is worse than the table committed in `docs/fidelity.md`.
/// About 40 s in a debug build (three conversions of some 470 documents).
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct FidelityOracleTests {
    @Test func noFactIsLostChangedOrInventedBeyondTheCommittedTable() throws {
        let shared = try #require(Fixtures.shared, "\(Fixtures.sharedMissing)")
        let newsconv = Fixtures.productsDirectory.appendingPathComponent("newsconv")
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "scripts/fidelity/oracle.py", "--newsconv", newsconv.path, "--corpus",
                shared.appendingPathComponent("corpus").path, "--samples", "samples",
                "--check", "docs/fidelity.md",
            ], currentDirectory: Fixtures.packageRoot)
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderr)")
        #expect(result.stdoutText.contains("fidelity: no regression over"), "\(result.stdoutText)")
    }
}
