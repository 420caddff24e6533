import Foundation

/// `batch --shard K/N`: shard K (from 0) of N takes the inputs whose source-relative path hashes
/// to K. The hash is FNV-1a (64 bits) of the path's UTF-8 bytes, `/`-separated, taken modulo N:
/// it depends on nothing but the path, so N workers given the same sources on any machines, in
/// any listing order, cover them exactly once. See `docs/scale.md`.
public struct BatchShard: Sendable, Equatable, CustomStringConvertible {
    /// This shard, from 0 to `count - 1`.
    public var index: Int
    /// The number of shards.
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `K/N`, or `env:NAME/N` with K from the environment variable NAME (a job array's
    /// index: Kubernetes' `JOB_COMPLETION_INDEX`, AWS Batch's `AWS_BATCH_JOB_ARRAY_INDEX`).
    /// The error is a sentence that says what was expected.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(NewsConvError)
        -> BatchShard
    {
        let expected = "--shard expects K/N (shard K of N, K from 0 to N-1) or env:NAME/N, got '\(text)'"
        guard let slash = text.lastIndex(of: "/"), let count = Int(text[text.index(after: slash)...]), count >= 1 else {
            throw .usage(expected)
        }
        var indexText = String(text[..<slash])
        if indexText.hasPrefix("env:") {
            let name = String(indexText.dropFirst(4))
            guard !name.isEmpty else { throw .usage(expected) }
            guard let value = environment[name] else {
                throw .usage("--shard \(text): the environment variable \(name) is not set")
            }
            indexText = value.trimmingCharacters(in: .whitespaces)
        }
        guard let index = Int(indexText), (0..<count).contains(index) else {
            throw .usage("\(expected): K must be a whole number from 0 to \(count - 1)")
        }
        return BatchShard(index: index, count: count)
    }

    /// Whether this shard takes the input at `relativePath` (the path inside its source).
    public func takes(_ relativePath: String) -> Bool {
        count <= 1 || Int(Self.hash(relativePath) % UInt64(count)) == index
    }

    /// FNV-1a, 64 bits: fixed by its definition, unlike Swift's per-process seeded `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public var description: String { "\(index)/\(count)" }
}
