import Foundation

/// The system's words for a failed read or write ("No space left on device"), however
/// Foundation wrapped the error: for the CLI's standard streams, the batch report and the stream alike.
public enum SystemErrorReason {
    public static func text(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return error.localizedDescription
    }

    /// Whether an error is EPIPE (the reader of a pipe went away), however Foundation wrapped it.
    public static func isBrokenPipe(_ error: Error) -> Bool {
        if let posix = error as? POSIXError { return posix.code == .EPIPE }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return nsError.code == Int(EPIPE) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? Error { return isBrokenPipe(underlying) }
        return false
    }
}
