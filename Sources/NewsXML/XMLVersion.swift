import CLibXML2
import Foundation

/// The libxml2 newsconv was built with, for `newsconv --version`.
public enum XMLVersion {
    /// libxml2's dotted version from the headers newsconv was compiled against (`2.9.14`).
    public static let libxml2 = LIBXML_DOTTED_VERSION
}
