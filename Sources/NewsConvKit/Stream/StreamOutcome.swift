import Foundation

/// What a `newsconv stream` run did: records answered, by status.
public struct StreamOutcome: Sendable, Equatable {
    public var records = 0
    public var converted = 0
    public var failed = 0
    public var skipped = 0
    /// The output could not be written (a reader that went away, a full disk): the run stopped
    /// there, and the records after the last answer written were not converted. The reason.
    public var outputFailure: String?
    /// The output failed because its reader went away (`EPIPE`).
    public var outputClosed = false
}
