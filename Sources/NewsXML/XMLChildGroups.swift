import CLibXML2

extension XMLElement {
    /// The child elements grouped by name, in the order each name first appears, each group in
    /// document order. Elements in `namespace` or in no namespace make one group per local
    /// name; another namespace's make a group per namespace and local name. Names are compared
    /// in the tree, and the groups share one array of the children: a batch groups the children
    /// of every item's metadata, and an array per group was a dozen allocations a container.
    public func childGroups(mergingNoNamespaceWith namespace: String) -> XMLChildGroups {
        namespace.withCString { childGroups(merging: $0) }
    }

    private func childGroups(merging uri: UnsafePointer<CChar>) -> XMLChildGroups {
        let count = childElementCount
        guard count > 0 else { return XMLChildGroups(nodes: nodes, order: [], groups: []) }
        func merged(_ child: UnsafeMutablePointer<newsconv_node>) -> Bool {
            child.pointee.href == 0 || strcmp(nodes.cString(child.pointee.href), uri) == 0
        }
        var groups: [XMLChildGroups.Bounds] = []
        groups.reserveCapacity(count)
        let order = withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { groupOf in
            // Each child's group: a container has a handful of names, so a linear look-up.
            var position = 0
            var index = node.pointee.first_child
            while index >= 0 {
                let child = nodes.node(index)
                index = child.pointee.next
                guard child.pointee.kind == Int32(NEWSCONV_ELEMENT) else { continue }
                let childMerged = merged(child)
                var group = groups.count - 1
                while group >= 0 {
                    let first = nodes.node(groups[group].first)
                    if nodes.sameString(first.pointee.name, child.pointee.name), groups[group].merged == childMerged,
                        childMerged || nodes.sameString(first.pointee.href, child.pointee.href)
                    {
                        break
                    }
                    group -= 1
                }
                if group >= 0 {
                    groups[group].count += 1
                } else {
                    group = groups.count
                    groups.append(
                        XMLChildGroups.Bounds(
                            first: Int32(truncatingIfNeeded: child - nodes.nodeBase), start: 0, count: 1, merged: childMerged))
                }
                groupOf[position] = Int32(group)
                position += 1
            }
            // The children placed group after group.
            var start = 0
            for group in groups.indices {
                groups[group].start = start
                start += groups[group].count
            }
            return [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: groups.count) { next in
                    for group in groups.indices { next[group] = groups[group].start }
                    var position = 0
                    var index = node.pointee.first_child
                    while index >= 0 {
                        let child = nodes.node(index)
                        if child.pointee.kind == Int32(NEWSCONV_ELEMENT) {
                            let group = Int(groupOf[position])
                            buffer[next[group]] = index
                            next[group] += 1
                            position += 1
                        }
                        index = child.pointee.next
                    }
                }
                initialized = count
            }
        }
        return XMLChildGroups(nodes: nodes, order: order, groups: groups)
    }
}

/// The child elements of an element grouped by name (``XMLElement/childGroups(mergingNoNamespaceWith:)``).
public struct XMLChildGroups: RandomAccessCollection {
    struct Bounds {
        /// The group's first element (its name).
        var first: Int32
        var start: Int
        var count: Int
        /// In the merged namespace or in none.
        var merged: Bool
    }

    let nodes: XMLNodes
    /// The children's node indexes, group after group.
    let order: [Int32]
    let groups: [Bounds]

    public var startIndex: Int { 0 }
    public var endIndex: Int { groups.count }

    public subscript(position: Int) -> Group {
        let bounds = groups[position]
        return Group(
            nodes: nodes, order: order, range: bounds.start..<(bounds.start + bounds.count), first: bounds.first, merged: bounds.merged)
    }

    /// The elements of one name, in document order.
    public struct Group: RandomAccessCollection {
        let nodes: XMLNodes
        let order: [Int32]
        let range: Range<Int>
        let first: Int32
        let merged: Bool

        public var startIndex: Int { range.lowerBound }
        public var endIndex: Int { range.upperBound }

        public subscript(position: Int) -> XMLElement { XMLElement(nodes: nodes, index: order[position]) }

        /// The local name for a group in the merged namespace or none, `{uri}name` for another's.
        public var name: String {
            let element = XMLElement(nodes: nodes, index: first)
            return merged ? element.name : "{\(element.namespaceURI ?? "")}\(element.name)"
        }
    }
}
