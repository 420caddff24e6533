import NewsYAML
import TestSupport

/// Deterministic pseudo-random YAML documents as events: mappings of sequences and mappings, a
/// few levels deep, with scalars that make libyaml choose each of its styles and rules.
struct YAMLEventGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }

    mutating func scalar<Sink: YAMLEvents>(into sink: inout Sink) {
        sink.scalar(AwkwardYAML.scalars[next(AwkwardYAML.scalars.count)], doubleQuoted: next(5) == 0)
    }

    mutating func value<Sink: YAMLEvents>(into sink: inout Sink, depth: Int) {
        switch depth > 2 ? 0 : next(4) {
        case 1:
            sink.beginSequence()
            for _ in 0..<next(4) { value(into: &sink, depth: depth + 1) }
            sink.endSequence()
        case 2:
            mapping(into: &sink, depth: depth + 1)
        default:
            scalar(into: &sink)
        }
    }

    mutating func mapping<Sink: YAMLEvents>(into sink: inout Sink, depth: Int) {
        sink.beginMapping()
        // Distinct keys: a document the composers must read, not refuse for duplicates.
        var used = Set<String>()
        for _ in 0..<next(5) {
            let key = AwkwardYAML.scalars[next(AwkwardYAML.scalars.count)]
            guard used.insert(key).inserted else { continue }
            sink.scalar(key, doubleQuoted: next(5) == 0)
            value(into: &sink, depth: depth)
        }
        sink.endMapping()
    }

    mutating func document<Sink: YAMLEvents>(into sink: inout Sink) { mapping(into: &sink, depth: 0) }
}
