import Foundation

extension Array where Element: Equatable {
    /// Appends a value unless an equal one is there already: sources name one concept twice
    /// (NITF in `evloc` and `identified-content`, AFP's NewsML a subject code in each of its levels).
    public mutating func appendUnique(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
