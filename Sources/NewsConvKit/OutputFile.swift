import Foundation

/// Writes output files atomically: the bytes go to a temporary file in the same directory,
/// which is then renamed over the target, so no reader ever sees half a file.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileIO.writeAtomically(data, to: path)
    }
}
