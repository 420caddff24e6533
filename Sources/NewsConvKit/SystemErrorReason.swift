import Foundation

/// The system's words for a failed read or write ("No space left on device"), however
/// Foundation wrapped the error: for the CLI's standard streams and the batch report alike.
public enum SystemErrorReason {
    public static func text(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return error.localizedDescription
    }
}
