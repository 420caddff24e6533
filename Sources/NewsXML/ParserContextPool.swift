import CLibXML2
import Foundation

/// Parser contexts kept for reuse: creating one (its dictionary, its input and node stacks) costs
/// a good part of parsing a small news item, and `xmlCtxtReadMemory` resets a context for each
/// document. Each thread keeps one idle context of its own (thread-local, so parallel batch jobs
/// share no lock), freed when the thread ends. A context whose name dictionary has grown large (a
/// hostile document with many distinct names) is freed rather than kept. Each parse sets the
/// context's callbacks (a lean tree, or libxml2's with source ranges).
///
/// Invariants: a context is used by one parse at a time on the thread that took it, and given
/// back when the parse is done (its `_private` cleared, its document freed or handed over); a
/// thread's slot holds at most one idle context.
final class ParserContextPool: @unchecked Sendable {
    static let shared = ParserContextPool()

    private let key: pthread_key_t
    private let maximumDictionary = 50_000

    private init() {
        var key = pthread_key_t()
        pthread_key_create(&key) { context in
            if let context { xmlFreeParserCtxt(context.assumingMemoryBound(to: xmlParserCtxt.self)) }
        }
        self.key = key
    }

    func take() -> xmlParserCtxtPtr? {
        if let idle = pthread_getspecific(key) {
            pthread_setspecific(key, nil)
            return idle.assumingMemoryBound(to: xmlParserCtxt.self)
        }
        return xmlNewParserCtxt()
    }

    func give(_ context: xmlParserCtxtPtr) {
        context.pointee._private = nil
        if let dictionary = context.pointee.dict, xmlDictSize(dictionary) > maximumDictionary {
            xmlFreeParserCtxt(context)
            return
        }
        if pthread_getspecific(key) == nil {
            pthread_setspecific(key, UnsafeMutableRawPointer(context))
        } else {
            xmlFreeParserCtxt(context)
        }
    }
}
