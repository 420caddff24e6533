import Foundation
import NewsCore
import NewsXML

/// What a NITF `body` holds, in IR terms.
package struct NITFBodyContent {
    package var headline: String?
    package var subheadlines: [String] = []
    package var bylines: [Byline] = []
    package var dateline: Dateline?
    package var abstract: [Block] = []
    package var blocks: [Block] = []
    package var signOff: String?
    package var trailers: [String] = []
    /// `body.head/distributor` as text.
    package var distributor: String?
    /// The distributor's `org` identifier: `@value`, and `@idsrc` where it names the source.
    package var distributorCode: (source: String?, value: String)?
    /// `body.head/rights`: its own text (a notice) and `rights.owner`.
    package var rightsNotice: String?
    package var rightsOwner: String?
    /// Media in `<block class="associated-media">` (the NITF exporter's place for an article's
    /// associated media, which are not part of the running text).
    package var associatedMedia: [MediaItem] = []
    /// Elements with no IR field, serialized whole, by `body.head/<name>` or `body.end/<name>`,
    /// when the reader was asked to keep them.
    package var kept: [(key: String, element: XMLElement)] = []
    package var diagnostics: [Diagnostic] = []

    /// Nothing read yet: for a body another reader fills in part (XHTML, plain text).
    package static var empty: NITFBodyContent { NITFBodyContent() }
}
