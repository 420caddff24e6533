import CYaml

/// Writes YAML events with libyaml's emitter, the one `Yams.serialize` drives, set up as Yams
/// is set up for front matter (no line width, Unicode unescaped, indent 2, LF): the same bytes
/// without building Yams's `Node` tree first, which with Yams's own work around the emitter was a
/// quarter of the Markdown export (`swift package benchmark --target MarkdownBatch`).
/// `YAMLEmitterTests` compares its text with ``YAMLNodeBuilder``'s.
public final class YAMLEmitter: YAMLEvents {
    /// Why libyaml refused an event.
    public struct Failure: Error, Equatable {
        public var problem: String
    }

    /// The bytes written so far; libyaml's write handler appends to it.
    private final class Output {
        var bytes: [UInt8] = []
    }

    /// Allocated, not a stored struct: libyaml keeps working state in it between calls, and a
    /// class's stored property passed `inout` has no stable address.
    private let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
    private let output = Output()
    /// libyaml's problem with the first event it refused; later events are ignored.
    private var problem: String?

    public init() {
        emitter.initialize(to: yaml_emitter_t())
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_output(
            emitter,
            { context, buffer, size in
                guard let context, let buffer else { return 0 }
                Unmanaged<Output>.fromOpaque(context).takeUnretainedValue().bytes.append(
                    contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_canonical(emitter, 0)
        yaml_emitter_set_indent(emitter, 0)  // libyaml's default, 2
        yaml_emitter_set_width(emitter, -1)  // no folding
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        emit(&event)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Hands libyaml one event, which it owns from then on (and frees, even when it refuses it).
    private func emit(_ event: inout yaml_event_t) {
        guard problem == nil else {
            yaml_event_delete(&event)
            return
        }
        if yaml_emitter_emit(emitter, &event) != 1 {
            problem = emitter.pointee.problem.map { String(cString: $0) } ?? "the YAML emitter failed"
        }
    }

    public func scalar(_ text: String, doubleQuoted: Bool) {
        var event = yaml_event_t()
        var text = text
        var nul: UInt8 = 0
        // Tags are implicit (never written), as Yams gives them; libyaml copies the value.
        let made = text.withUTF8 { bytes in
            withUnsafeMutablePointer(to: &nul) { empty in
                yaml_scalar_event_initialize(
                    &event, nil, nil, UnsafeMutablePointer(mutating: bytes.baseAddress) ?? empty, Int32(bytes.count), 1, 1,
                    doubleQuoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE)
            }
        }
        guard made == 1 else {
            problem = problem ?? "a scalar libyaml cannot hold"
            return
        }
        emit(&event)
    }

    public func beginMapping() {
        var event = yaml_event_t()
        yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_ANY_MAPPING_STYLE)
        emit(&event)
    }

    public func endMapping() {
        var event = yaml_event_t()
        yaml_mapping_end_event_initialize(&event)
        emit(&event)
    }

    public func beginSequence() {
        var event = yaml_event_t()
        yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_ANY_SEQUENCE_STYLE)
        emit(&event)
    }

    public func endSequence() {
        var event = yaml_event_t()
        yaml_sequence_end_event_initialize(&event)
        emit(&event)
    }

    /// Ends the document and returns its text, as `Yams.serialize` does.
    public func finish() throws(Failure) -> String {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        emit(&event)
        yaml_stream_end_event_initialize(&event)
        emit(&event)
        if let problem { throw Failure(problem: problem) }
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
