import Foundation

/// newsconv's conventions for Markdown.
enum MarkdownVocabulary {
    /// Front matter keys newsconv does not know are kept under this prefix, and written back.
    static let extensionPrefix = "markdown:"
    /// A body picture's credit follows it as `*Credit: ...*`.
    static let creditPrefix = "Credit: "
}
