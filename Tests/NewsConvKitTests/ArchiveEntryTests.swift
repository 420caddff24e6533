import Foundation
import NewsConvKit
import NewsCore
import Synchronization
import TestSupport
import Testing
import ZIPFoundation

/// Archive entries that try to leave the output folder, links and devices, duplicate names, and
/// a zip entry whose declared size lies (issue 21, item 4). Every source is hashed before and
/// after (their bytes compared): inputs are never modified.
@Suite struct ArchiveEntryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-entries-\(UUID().uuidString)")
    var document: Data { get throws { try Data(contentsOf: Fixtures.samples.appendingPathComponent("wire/upi-washington.txt")) } }

    /// Runs a batch of `source` into `out/` below the test's folder: the outcome, the failures.
    func batch(_ source: URL) throws -> (BatchOutcome, [Diagnostic]) {
        let failures = Mutex<[Diagnostic]>([])
        let runner = BatchRunner(
            request: BatchRequest(sources: [source.path], to: "json", output: folder.appendingPathComponent("out").path))
        runner.onFailure = { diagnostic in failures.withLock { $0.append(diagnostic) } }
        let outcome = try runner.run()
        return (outcome, failures.withLock { $0 })
    }

    /// Every file below `root`, by its path relative to `root`.
    func files(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(String(url.path.dropFirst(root.path.count + 1)))
            }
        }
        return found.sorted()
    }

    func digest(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func zipEntriesStayInTheOutputAndLinksAreNeverFollowed() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("hostile.zip")
        let archive = try Archive(url: zip, accessMode: .create)
        let text = try document
        for name in ["../escape.txt", "/absolute/abs.txt", "a/../../up.txt", "ok.txt"] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(text.count)) { position, size in
                text.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(with: "link.txt", type: .symlink, uncompressedSize: Int64(target.count)) { position, size in
            target.subdata(in: Int(position)..<Int(position) + size)
        }
        let before = try digest(zip)
        let (outcome, failures) = try batch(zip)
        #expect(outcome.converted == 4 && outcome.failed == 1)
        #expect(files(folder.appendingPathComponent("out")) == ["a/up.json", "absolute/abs.json", "escape.json", "ok.json"])
        #expect(files(folder).allSatisfy { $0 == "hostile.zip" || $0.hasPrefix("out/") }, "nothing written outside the output")
        let link = try #require(failures.first)
        #expect(link.location.path?.hasSuffix("hostile.zip:link.txt") == true && link.message.contains("symbolic link"))
        #expect(try digest(zip) == before)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/bin/tar")))
    func tarEntriesStayInTheOutputAndLinksAndFIFOsAreNeverOpened() throws {
        let content = folder.appendingPathComponent("content/inner")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try document.write(to: folder.appendingPathComponent("content/escape.txt"))
        try document.write(to: content.appendingPathComponent("ok.txt"))
        // Made by tar itself, names kept as given (-P): `../`, a symbolic link out of the archive,
        // a hard link, a FIFO.
        let made = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c",
                "cd \"$0\" && ln -s /etc/passwd link.txt && ln ok.txt hard.txt && mkfifo fifo.txt && tar -cPf ../../hostile.tar ../escape.txt ok.txt link.txt hard.txt fifo.txt",
                content.path,
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let tar = folder.appendingPathComponent("hostile.tar")
        let before = try digest(tar)
        let (outcome, failures) = try batch(tar)
        #expect(outcome.converted == 2 && outcome.failed == 3, "\(failures.map(\.message))")
        #expect(files(folder.appendingPathComponent("out")) == ["escape.json", "ok.json"])
        let reasons = failures.map(\.message).sorted()
        #expect(reasons.count == 3)
        #expect(reasons.contains { $0.contains("fifo.txt") && $0.contains("a FIFO") })
        #expect(reasons.contains { $0.contains("hard.txt") && $0.contains("a hard link") })
        #expect(reasons.contains { $0.contains("link.txt") && $0.contains("a symbolic link") })
        #expect(try digest(tar) == before)
    }

    /// A zip entry that declares a few bytes and inflates to more than an entry may hold: the
    /// bytes are counted as they come, and the entry fails as soon as they pass the cap.
    @Test func aZipEntryWhoseDeclaredSizeLiesIsStoppedAtTheCap() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("liar.zip")
        let size = ImportLimits.standard.archiveEntryBytes + (1 << 20)
        let zeros = Data(count: 1 << 20)
        do {
            let archive = try Archive(url: zip, accessMode: .create)
            try archive.addEntry(with: "zeros.txt", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { _, count in
                zeros.prefix(count)
            }
            let text = try document
            try archive.addEntry(with: "ok.txt", type: .file, uncompressedSize: Int64(text.count)) { position, count in
                text.subdata(in: Int(position)..<Int(position) + count)
            }
        }
        // The declared uncompressed size (local header at 22, central header at 24) says 1 KiB.
        var bytes = try [UInt8](Data(contentsOf: zip))
        func patch(signature: [UInt8], offset: Int) {
            var index = 0
            while index + 4 <= bytes.count {
                if Array(bytes[index..<(index + 4)]) == signature,
                    Array(bytes[(index + offset)..<(index + offset + 4)]) == [0x00, 0x00, 0x10, 0x10]
                {
                    bytes.replaceSubrange((index + offset)..<(index + offset + 4), with: [0x00, 0x04, 0x00, 0x00])
                }
                index += 1
            }
        }
        // 0x10100001: the size written (256 MiB + 1 MiB), little-endian.
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        try Data(bytes).write(to: zip)
        let (outcome, failures) = try batch(zip)
        #expect(outcome.converted == 1 && outcome.failed == 1)
        let failure = try #require(failures.first)
        #expect(failure.message.contains("decompresses to more than"), "\(failure.message)")
    }

    /// `--limit archive-entry-bytes=256` (the settings' limits) applies to a batch's zip entries.
    @Test func theSettingsLimitsApplyToArchiveEntries() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("two.zip")
        let archive = try Archive(url: zip, accessMode: .create)
        let text = try document
        #expect(text.count > 256)
        try archive.addEntry(with: "big.txt", type: .file, uncompressedSize: Int64(text.count)) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        let limits = try #require(ImportLimits.standard.setting("archive-entry-bytes=256").limits)
        let failures = Mutex<[Diagnostic]>([])
        let runner = BatchRunner(
            request: BatchRequest(
                sources: [zip.path], output: folder.appendingPathComponent("out").path,
                settings: ConversionSettings(to: "json", limits: limits)))
        runner.onFailure = { diagnostic in failures.withLock { $0.append(diagnostic) } }
        let outcome = try runner.run()
        #expect(outcome.failed == 1 && outcome.converted == 0)
        #expect(failures.withLock { $0.first?.message.contains("more than the 256") } == true)
    }
}
