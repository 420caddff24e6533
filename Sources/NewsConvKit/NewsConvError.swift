import NewsCore

/// Why a command could not run: a usage problem (exit 2) or a conversion that failed (exit 1).
public enum NewsConvError: Error, Sendable, CustomStringConvertible {
    /// A bad invocation: unknown format, missing file, options that do not fit together.
    case usage(String)
    /// A document that could not be converted.
    case conversion(ConversionError)

    /// The exit code of the CLI contract.
    public var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .conversion: 1
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): "newsconv: \(message)"
        case .conversion(let error): error.description
        }
    }
}
