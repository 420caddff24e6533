import Foundation
import NewsCore

/// Paths the tests share: the package root, `samples/`, and `../shared/` when it is present.
public enum Fixtures {
    /// The package's root directory.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static var samples: URL { packageRoot.appendingPathComponent("samples") }

    /// `../shared` beside the package (CI has it); nil when absent.
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The message a test prints when `../shared` is absent.
    public static let sharedMissing = "../shared is absent beside the package: the corpus and schema tests need it (CI has it)"

    /// The files under a directory (recursively), sorted, with one of the given extensions.
    public static func files(in directory: URL, extensions: Set<String>) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// The built products directory (where `newsconv` is), found beside the running test bundle.
    public static var productsDirectory: URL {
        var url = Bundle.main.bundleURL
        if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("newsconv").path) { return candidate }
        return url
    }
}

extension Fixtures {
    /// True when `../shared` is present, or when running in CI (where its absence must fail).
    public static var sharedAvailableOrCI: Bool {
        shared != nil || isCI
    }

    /// Running in CI (`CI` is set, as `.ci/run` and CI services set it): a missing component
    /// fails its tests there instead of skipping them.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// A new temporary folder holding an executable shell script `name` with `body` after the
    /// `#!/bin/sh` line: a filter or plugin for a test. Remove the folder when done.
    public static func script(_ name: String, _ body: String) throws -> (folder: URL, script: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return (folder, script)
    }

    /// The regular files under a folder (at any depth), by their path relative to it, with their bytes.
    public static func files(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            result[String(path.dropFirst(rootPath.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }
}

/// Where two articles differ, as the first differing lines of their IR JSON (for failure messages).
public func irDifference(_ a: Article, _ b: Article) -> String {
    let encoder = OrderedJSONEncoder()
    let left = String(decoding: (try? encoder.encode(a)) ?? Data(), as: UTF8.self).components(separatedBy: "\n")
    let right = String(decoding: (try? encoder.encode(b)) ?? Data(), as: UTF8.self).components(separatedBy: "\n")
    guard
        let index = zip(left, right).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? (left.count != right.count ? min(left.count, right.count) : nil)
    else { return "no difference" }
    let from = max(0, index - 3)
    return "first difference at line \(index + 1):\n- " + left[from..<min(left.count, index + 4)].joined(separator: "\n- ") + "\n+ "
        + right[from..<min(right.count, index + 4)].joined(separator: "\n+ ")
}
