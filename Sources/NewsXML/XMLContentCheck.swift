import Foundation

/// Whether a text is well-formed XML content on its own: elements, text, comments, processing
/// instructions, balanced, with every prefix it uses declared in it and no entity but XML's five.
/// What ``XMLWriter/raw(_:)`` writes as it is must pass, whatever gave it (an element kept whole
/// by an importer, or a newsconv JSON document's `raw` block or kept string, which can hold
/// anything): one that does not would make the whole output ill-formed.
public enum XMLContentCheck {
    /// The content is parsed inside an element of its own with newsconv's safe parser.
    public static func isWellFormed(_ content: String) -> Bool {
        var wrapped = "<r>"
        wrapped += content
        wrapped += "</r>"
        return (try? XMLDocument.parse(Data(wrapped.utf8), path: nil)) != nil
    }
}
