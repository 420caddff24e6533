import Foundation

extension Article {
    /// The fields with a value that hold parties with roles and texts with roles or languages
    /// (`creators`, `contributors`, `descriptions`, `alternatives`), named for a dropped-fields
    /// warning: NITF, ninjs and Markdown have no place for them.
    ///
    /// - Parameters:
    ///   - descriptions: whether to name the descriptions (false where the format keeps them
    ///     another way).
    ///   - headlines: whether to name further headlines (false where the format writes them).
    public func fieldsWithRolesAndLanguages(descriptions includesDescriptions: Bool = true, headlines includesHeadlines: Bool = true)
        -> [String]
    {
        var names: [String] = []
        if !creators.isEmpty { names.append("creators") }
        if !contributors.isEmpty { names.append("contributors") }
        if includesDescriptions, !descriptions.isEmpty {
            names.append("descriptions (\(Set(descriptions.map { $0.role ?? "no role" }).sorted().joined(separator: ", ")))")
        }
        let fields = Set(alternatives.compactMap(\.field)).filter { includesHeadlines || $0 != "headline" }.sorted()
        if !fields.isEmpty { names.append("further \(fields.joined(separator: ", ")) (other languages or roles)") }
        return names
    }
}
