import CLibXML2
import Foundation

/// One-time set-up of libxml2: `xmlInitParser`, an external entity loader that refuses the
/// network (schemas still load their local includes and imports, and the built-in schemas are
/// read from memory), and no printing of errors to
/// standard error behind newsconv's back (they reach it through the structured handlers).
enum XMLRuntime {
    static let ready: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(BuiltInSchemas.entityLoader)
        newsconv_silence_generic_errors()
    }()

    /// Parser options for untrusted input: no network, big line numbers; never NOENT, DTDLOAD,
    /// DTDATTR, DTDVALID, HUGE or RECOVER. COMPACT stores short text inside its node (fewer
    /// allocations); the trees are only read.
    static let safeOptions: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
