import Foundation
import NewsConvKit
import NewsCore

/// The inputs of the NewsML-G2 benchmarks: folders of item files built from every NewsML-G2
/// document of ../shared/corpus (IPTC's examples and should-pass unit tests, Superdesk's files)
/// that a benchmark accepts, each repeated with a numbered guid so that no two are the same.
public enum BenchmarkCorpus {
    /// The corpus documents, sorted by path.
    public static let g2Documents: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
        var files: [URL] = []
        for folder in ["iptc/newsml-g2/examples", "iptc/newsml-g2/unit-tests", "superdesk/newsml-g2"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "xml", !url.path.contains("should_fail") { files.append(url) }
            }
        }
        precondition(!files.isEmpty, "the corpus is needed at \(root.path)")
        return files.sorted { $0.path < $1.path }
    }()

    /// A fresh folder `name` in the temporary directory with `count` files `item-NNNNN.xml`, made
    /// from the documents that import and that `accept` keeps (given their import).
    public static func folder(_ name: String, count: Int, accept: (ImportResult) -> Bool = { _ in true }) -> URL {
        let converter = Converter()
        let g2 = converter.registry.module(named: "newsml-g2")!
        let sources = g2Documents.compactMap { url -> Data? in
            guard let data = try? Data(contentsOf: url),
                let imported = try? converter.importDocument(data, path: url.path, format: g2, options: ConversionOptions()),
                accept(imported)
            else { return nil }
            return data
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: directory)
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            var text = String(decoding: sources[index % sources.count], as: UTF8.self)
            if let range = text.range(of: "guid=\"") { text.insert(contentsOf: "bench\(index)-", at: range.upperBound) }
            try! Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "item-%05d.xml", index)))
        }
        return directory
    }

    /// The reference the G2 benchmarks measure against: `xmllint --noout --nonet` over the files,
    /// in one process (parse only).
    public static func xmllint(_ files: [URL]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet"] + files.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    /// `Benchmarks/Scripts/lxml_extract.py`: the lean Python lxml conversion of NewsML-G2 items to
    /// small NITF documents that the NITF batch must beat (issue 16); nil without python3 and lxml.
    public static let lxmlScript: URL? = {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/lxml_extract.py")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import lxml"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return nil }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? script : nil
    }()

    /// Runs ``lxmlScript`` over the files in one process, writing into `output`.
    public static func lxml(_ files: [URL], output: URL) throws {
        guard let script = lxmlScript else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, output.path] + files.map(\.path)
        try process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "the lxml reference converts every file")
    }

    /// The files of a folder, sorted, and their total size in bytes.
    public static func files(in folder: URL) -> (files: [URL], bytes: Int) {
        let files = (try! FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)).sorted { $0.path < $1.path }
        return (files, files.reduce(0) { $0 + ((try? Data(contentsOf: $1).count) ?? 0) })
    }
}
