import Foundation

extension Article {
    /// The item's own media (a picture item's renditions and caption): the media item whose id is
    /// the article's, as NewsML-G2's remoteContent and ninjs' top-level renditions read.
    public var ownMedia: MediaItem? {
        guard let id else { return nil }
        return media.first { $0.id == id }
    }
}
