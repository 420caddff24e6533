import Foundation
import Markdown
import NewsXML

/// What `newsconv --version` says: newsconv's version and the C libraries it reads with.
public enum BuildInfo {
    /// newsconv's own version.
    public static let version = "0.8.0"

    /// `newsconv 0.8.0 (libxml2 2.9.14, libcmark 0.30.2)`.
    public static var versionText: String {
        "newsconv \(version) (libxml2 \(XMLVersion.libxml2), libcmark \(CommonMarkVersion.libcmark))"
    }
}
