import Foundation
import NewsCore

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
    package var diagnostics: [Diagnostic] = []
}
