import CLibXML2
import Foundation

/// Parser contexts kept for reuse: creating one (its dictionary, its input and node stacks) costs
/// a good part of parsing a small news item, and `xmlCtxtReadMemory` resets a context for each
/// document. A context is used by one parse at a time; one whose name dictionary has grown large
/// (a hostile document with many distinct names) is freed rather than kept. Its element callbacks
/// record each element's source byte range (see ``XMLDocument/source``).
final class ParserContextPool: @unchecked Sendable {
    static let shared = ParserContextPool()

    private var idle: [xmlParserCtxtPtr] = []
    private let lock = NSLock()
    private let maximumIdle = 16
    private let maximumDictionary = 50_000

    func take() -> xmlParserCtxtPtr? {
        lock.lock()
        let context = idle.popLast()
        lock.unlock()
        if let context { return context }
        let created = xmlNewParserCtxt()
        newsconv_record_positions(created)
        return created
    }

    func give(_ context: xmlParserCtxtPtr) {
        context.pointee._private = nil
        if let dictionary = context.pointee.dict, xmlDictSize(dictionary) > maximumDictionary {
            xmlFreeParserCtxt(context)
            return
        }
        lock.lock()
        if idle.count < maximumIdle {
            idle.append(context)
            lock.unlock()
        } else {
            lock.unlock()
            xmlFreeParserCtxt(context)
        }
    }
}
