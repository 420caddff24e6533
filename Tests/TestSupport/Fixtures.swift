import Foundation

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
        shared != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }
}
