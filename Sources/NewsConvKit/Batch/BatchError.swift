import Foundation

/// What stops a batch before or outside the conversion of one file.
public enum BatchError: Error, CustomStringConvertible, Sendable {
    /// A source (folder, archive, list) cannot be read.
    case source(String, String)
    /// The output cannot be written.
    case output(String, String)

    public var description: String {
        switch self {
        case .source(let path, let problem): "\(path): \(problem)"
        case .output(let path, let problem): "\(path): \(problem)"
        }
    }
}
