import CCMark
import Foundation

/// The libcmark newsconv was built with, for `newsconv --version`.
public enum CommonMarkVersion {
    /// libcmark's version from the headers newsconv was compiled against (`0.30.2`).
    public static let libcmark = CMARK_VERSION_STRING
}
