import CLibXML2
import Foundation

/// Lean trees kept for reuse, one per thread (as ``ParserContextPool`` keeps parser contexts):
/// a tree's buffers are sized for the documents it has held, so the next parse on the thread
/// makes none. A tree that grew large is freed instead.
///
/// Invariants: a tree has one owner at a time: the pool's slot of one thread (idle and emptied),
/// the parse that took it, or the ``XMLNodes`` made from it, which gives it back in `deinit`
/// (on whichever thread that runs: the tree then idles there). Every ``XMLElement`` holds its
/// `XMLNodes`, so no element outlives its tree, and no pointer into a tree leaves NewsXML's
/// internal API. A slot holds at most one tree: a second is freed.
final class TreePool: @unchecked Sendable {
    static let shared = TreePool()

    private let key: pthread_key_t

    private init() {
        var key = pthread_key_t()
        pthread_key_create(&key) { tree in
            if let tree { newsconv_tree_free(tree.assumingMemoryBound(to: newsconv_tree.self)) }
        }
        self.key = key
    }

    /// An empty tree: the thread's idle one, else a new one sized for `count` bytes of input.
    func take(sizedFor count: Int) -> UnsafeMutablePointer<newsconv_tree>? {
        if let idle = pthread_getspecific(key) {
            pthread_setspecific(key, nil)
            return idle.assumingMemoryBound(to: newsconv_tree.self)
        }
        return newsconv_tree_new(count)
    }

    /// Takes a tree back: kept, emptied, as the thread's idle one, or freed.
    func give(_ tree: UnsafeMutablePointer<newsconv_tree>) {
        guard pthread_getspecific(key) == nil, newsconv_tree_reset(tree) != 0 else {
            newsconv_tree_free(tree)
            return
        }
        pthread_setspecific(key, UnsafeMutableRawPointer(tree))
    }
}
