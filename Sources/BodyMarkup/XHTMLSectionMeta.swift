import Foundation
import NewsCore
import NewsXML

/// What the non-story sections of an XHTML body (`header`, `nav`, `aside`, `footer`) hold that
/// the IR has fields for: dpa's header repeats the headline, subjects, places and keywords of the
/// item. These sections are not story paragraphs; their elements stay whole in ``sections`` for
/// the importer to keep.
package struct XHTMLSectionMeta {
    /// The first heading (`h1`-`h6`) of a header.
    package var headline: String?
    /// `li`/`span` with `data-qcode`: class `subject` is a subject, `geo` a place.
    package var subjects: [Concept] = []
    package var places: [Concept] = []
    /// `class="keyword"` texts.
    package var keywords: [String] = []
    /// The sections, in order, to be kept whole.
    package var sections: [XMLElement] = []

    package init() {}

    /// Reads one section's mapped parts.
    package mutating func read(_ section: XMLElement) {
        sections.append(section)
        visit(section, isHeader: section.name.lowercased() == "header")
    }

    private mutating func visit(_ element: XMLElement, isHeader: Bool) {
        for child in element.childElements {
            let name = child.name.lowercased()
            let classes = Set((child.attribute("class") ?? "").split(separator: " ").map(String.init))
            let text = NITFBodyReader.normalize(child.text)
            if isHeader, headline == nil, name.count == 2, name.first == "h", name.last.map({ ("1"..."6").contains(String($0)) }) == true {
                headline = text.isEmpty ? nil : text
            } else if classes.contains("keyword"), !text.isEmpty {
                keywords.append(text)
            } else if let qcode = child.attribute("data-qcode") {
                let concept = Concept(qcode: qcode, name: text.isEmpty ? nil : text)
                if classes.contains("geo") { places.append(concept) } else { subjects.append(concept) }
            } else {
                visit(child, isHeader: isHeader)
            }
        }
    }

    /// Adds to the article what it does not hold yet: the headline when it has none (another one
    /// as an alternative headline), subjects, places and keywords not already there.
    package func merge(into article: inout Article) {
        if let headline {
            if article.headline == nil {
                article.headline = headline
            } else if article.headline != headline, !article.alternatives.contains(where: { $0.field == "headline" && $0.text == headline })
            {
                article.alternatives.append(TaggedText(text: headline, field: "headline"))
            }
        }
        let known = Set((article.subjects + article.people + article.organisations + article.places).compactMap(\.qcode))
        article.subjects += subjects.filter { !known.contains($0.qcode ?? "") }
        article.places += places.filter { !known.contains($0.qcode ?? "") }
        article.keywords += keywords.filter { !article.keywords.contains($0) }
    }
}
