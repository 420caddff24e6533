import CLibXML2
import Foundation

/// The elements, text and attributes of a parsed document, in the lean tree of `tree.h`: three
/// arrays and one buffer of strings, built straight from the parser's events (or copied from
/// libxml2 nodes), freed in four calls. Read-only once built.
final class XMLNodes: @unchecked Sendable {
    let tree: UnsafeMutablePointer<newsconv_tree>
    /// The bytes parsed, when the elements' source ranges refer to them (UTF-8 input): an
    /// unmapped element can then be kept as its own source text.
    let source: Data?
    /// The document has a DTD: its entity references need the DTD, so its elements are never
    /// kept as their source text.
    let hasDTD: Bool

    /// The tree's arrays and strings, which no longer move once the tree is built.
    let nodeBase: UnsafeMutablePointer<newsconv_node>
    let attributeBase: UnsafeMutablePointer<newsconv_attribute>?
    let namespaceBase: UnsafeMutablePointer<newsconv_namespace>?
    let strings: UnsafeMutablePointer<CChar>

    init(tree: UnsafeMutablePointer<newsconv_tree>, source: Data?, hasDTD: Bool) {
        self.tree = tree
        self.source = source
        self.hasDTD = hasDTD
        nodeBase = tree.pointee.nodes
        attributeBase = tree.pointee.attributes
        namespaceBase = tree.pointee.namespaces
        strings = tree.pointee.strings
    }

    deinit { TreePool.shared.give(tree) }

    /// A tree of an element of libxml2's and its content (a streamed item, an HTML document).
    static func copying(_ element: xmlNodePtr, hasDTD: Bool = false) -> XMLNodes? {
        guard let tree = newsconv_tree_new(4096) else { return nil }
        newsconv_tree_add(tree, element)
        guard tree.pointee.failed == 0, tree.pointee.root >= 0 else {
            newsconv_tree_free(tree)
            return nil
        }
        return XMLNodes(tree: tree, source: nil, hasDTD: hasDTD)
    }

    var root: Int32? { tree.pointee.root >= 0 ? tree.pointee.root : nil }

    @inline(__always) func node(_ index: Int32) -> UnsafeMutablePointer<newsconv_node> { nodeBase + Int(index) }

    @inline(__always) func attribute(_ index: Int32) -> UnsafeMutablePointer<newsconv_attribute> {
        attributeBase.unsafelyUnwrapped + Int(index)
    }

    @inline(__always) func namespace(_ index: Int32) -> UnsafeMutablePointer<newsconv_namespace> {
        namespaceBase.unsafelyUnwrapped + Int(index)
    }

    /// The NUL-terminated string at `offset` (never 0).
    @inline(__always) func cString(_ offset: UInt32) -> UnsafePointer<CChar> { UnsafePointer(strings + Int(offset)) }

    /// Whether the strings at two offsets are the same (offsets of one name are mostly equal).
    @inline(__always) func sameString(_ a: UInt32, _ b: UInt32) -> Bool {
        a == b || (a != 0 && b != 0 && strcmp(cString(a), cString(b)) == 0)
    }

    /// The string at `offset`, nil for 0 (none).
    func string(_ offset: UInt32) -> String? { offset == 0 ? nil : String(cString: cString(offset)) }

    /// `count` bytes at `offset`, which libxml2 has checked are UTF-8.
    func string(_ offset: UInt32, count: UInt32) -> String {
        String(decoding: UnsafeRawBufferPointer(start: strings + Int(offset), count: Int(count)), as: UTF8.self)
    }

    /// Whether the string at `offset` (0: none) is `other` (nil: none), compared in C.
    func same(_ offset: UInt32, _ other: String?) -> Bool {
        guard offset != 0, let other else { return offset == 0 && other == nil }
        return other.withCString { strcmp(cString(offset), $0) == 0 }
    }
}
