import TestSupport
import Testing
import Yams

@testable import NewsYAML

/// ``YAMLEmitter`` drives libyaml's emitter event by event; `Yams.serialize` of the same events
/// as a `Node` (``YAMLNodeBuilder``) is the reference: the same bytes for every document.
@Suite struct YAMLEmitterTests {
    /// The same generated events, written both ways.
    static func bothWays(seed: UInt64) throws -> (emitted: String, reference: String) {
        var first = YAMLEventGenerator(seed: seed)
        var second = YAMLEventGenerator(seed: seed)
        var emitter = YAMLEmitter()
        first.document(into: &emitter)
        var builder = YAMLNodeBuilder()
        second.document(into: &builder)
        return (try emitter.finish(), try builder.text())
    }

    @Test func generatedDocuments() throws {
        for seed in 0..<500 {
            let (emitted, reference) = try Self.bothWays(seed: UInt64(seed))
            #expect(emitted == reference, "seed \(seed)")
        }
    }

    @Test func everyAwkwardScalarAsKeyAndValue() throws {
        for text in AwkwardYAML.scalars {
            for doubleQuoted in [false, true] {
                var emitter = YAMLEmitter()
                var builder = YAMLNodeBuilder()
                func write<Sink: YAMLEvents>(_ sink: inout Sink) {
                    sink.beginMapping()
                    sink.scalar(text, doubleQuoted: doubleQuoted)
                    sink.beginSequence()
                    sink.scalar(text, doubleQuoted: doubleQuoted)
                    sink.beginMapping()
                    sink.scalar(text, doubleQuoted: doubleQuoted)
                    sink.scalar(text, doubleQuoted: doubleQuoted)
                    sink.endMapping()
                    sink.endSequence()
                    sink.endMapping()
                }
                write(&emitter)
                write(&builder)
                #expect(try emitter.finish() == builder.text(), "\(text.debugDescription)")
            }
        }
    }

    @Test func emptyCollectionsAreWrittenInFlowStyle() throws {
        var emitter = YAMLEmitter()
        emitter.beginMapping()
        emitter.scalar("empty", doubleQuoted: false)
        emitter.beginSequence()
        emitter.endSequence()
        emitter.scalar("none", doubleQuoted: false)
        emitter.beginMapping()
        emitter.endMapping()
        emitter.endMapping()
        #expect(try emitter.finish() == "empty: []\nnone: {}\n")
    }

    @Test func eventsOutOfOrderAreAFailure() {
        var emitter = YAMLEmitter()
        emitter.beginMapping()
        emitter.endSequence()
        #expect(throws: YAMLEmitter.Failure.self) { try emitter.finish() }
    }
}
