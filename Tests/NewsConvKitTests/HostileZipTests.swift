import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing
import ZIPFoundation

/// Zip entries made to hurt (issue 21): one whose bytes are corrupt, one that declares more
/// bytes than an entry may hold (a zip bomb's header). Each is that input's failure, with its
/// reason; the entries after it are still converted.
@Suite struct HostileZipTests {
    @Test func aBadEntryFailsAloneAndTheOthersAreConverted() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let dispatch = try Data(contentsOf: Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt"))
        let archive = try Archive(accessMode: .create)
        // b.txt holds a marker to find its bytes by; stored, so that they are the file's own.
        let marked = dispatch + Data("\nMARKER-OF-B\n".utf8)
        for (name, data) in [("a.txt", dispatch), ("b.txt", marked), ("c.txt", dispatch), ("d.txt", dispatch)] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var bytes = [UInt8](try #require(archive.data))
        // Corrupt b.txt's stored bytes (its CRC no longer matches).
        let marker = Array("MARKER-OF-B".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[at] ^= 0xFF
        // d.txt's central directory header declares 2 GiB uncompressed (offset 24 of the header).
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let headers = (0...(bytes.count - 4)).filter { Array(bytes[$0..<($0 + 4)]) == signature }
        let dHeader = try #require(headers.first { Array(bytes[($0 + 46)..<($0 + 51)]) == Array("d.txt".utf8) })
        bytes.replaceSubrange((dHeader + 24)..<(dHeader + 28), with: [0xFF, 0xFF, 0xFF, 0x7F])
        let zip = base.appendingPathComponent("feed.zip")
        try Data(bytes).write(to: zip)

        let report = base.appendingPathComponent("report.jsonl")
        let outcome = try BatchRunner(
            request: BatchRequest(sources: [zip.path], to: "json", output: base.appendingPathComponent("out").path, report: report.path)
        ).run()
        #expect(outcome.converted == 2 && outcome.failed == 2, "\(outcome)")
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n").dropLast().compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        func entry(_ name: String) -> [String: Any]? { lines.first { ($0["path"] as? String)?.hasSuffix(":\(name)") == true } }
        #expect(entry("a.txt")?["status"] as? String == "converted" && entry("c.txt")?["status"] as? String == "converted")
        let corrupt = (entry("b.txt")?["diagnostics"] as? [[String: Any]])?.first
        #expect(entry("b.txt")?["status"] as? String == "failed" && corrupt?["code"] as? String == "batch.input.unreadable", "\(lines)")
        #expect((corrupt?["message"] as? String)?.contains("cannot be read from the zip") == true, "\(lines)")
        let bomb = (entry("d.txt")?["diagnostics"] as? [[String: Any]])?.first
        #expect(
            (bomb?["message"] as? String)?.contains("declares 2147483647 bytes, more than the 268435456 an entry may hold") == true,
            "\(lines)")
    }
}
