import Foundation

/// Writing to standard output and standard error.
enum StandardStreams {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func output(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func readInput() -> Data {
        FileHandle.standardInput.readDataToEndOfFile()
    }
}
