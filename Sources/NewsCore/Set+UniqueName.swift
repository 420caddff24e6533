extension Set where Element == String {
    /// `base`, or `base-2`, `base-3`... if taken, inserted and returned: for names that must not
    /// repeat (XML IDs in a document, the folders of a batch's sources).
    package mutating func insertUnique(_ base: String) -> String {
        var name = base
        var number = 2
        while !insert(name).inserted {
            name = "\(base)-\(number)"
            number += 1
        }
        return name
    }
}
