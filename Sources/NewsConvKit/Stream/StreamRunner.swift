import Foundation
import NewsCore
import Synchronization

/// The engine behind `newsconv stream`: JSON Lines in, JSON Lines out, each output line
/// answering one input line, in the input's order. A reading thread reads records while
/// `jobs` worker threads convert them through the one ``Pipeline``, and the calling thread
/// writes each answer as soon as it and all before it are done. At most `2 * jobs + 2` records
/// are held at a time, so memory is bounded whatever the stream's length. A bad record is
/// answered `failed`, never the end of the run. See `docs/scale.md`.
public final class StreamRunner: @unchecked Sendable {
    public let request: StreamRequest
    let converter: Converter

    public init(request: StreamRequest, converter: Converter = Converter()) {
        self.request = request
        self.converter = converter
    }

    /// Reads records from `input` (a source of chunks, no bytes at its end; see
    /// ``standardInput``) and hands each answer line to `write`, which is called on this thread
    /// in the records' order. `streamPath` names the stream in diagnostics of records that are
    /// not records. A settings problem throws before anything is read; a failing `read` ends
    /// the run with a diagnostic answer; a failing `write` ends it (``StreamOutcome/outputFailure``).
    public func run(
        streamPath: String = "<stdin>", input: @escaping () throws -> Data, write: (Data) throws -> Void
    ) throws(NewsConvError) -> StreamOutcome {
        let pipeline = try Pipeline(request.settings, converter: converter)
        let reader = StreamLineReader(limit: request.maximumRecordBytes, next: input)
        let window = AnswerWindow(capacity: 2 * request.jobs + 2)
        let queue = WorkQueue<(sequence: Int, line: StreamLineReader.Line)>(capacity: request.jobs * 2)

        let group = DispatchGroup()
        group.enter()
        let readerThread = Thread { [request] in
            defer {
                queue.close()
                group.leave()
            }
            var sequence = 0
            while window.reserve() {
                let line: StreamLineReader.Line?
                do {
                    line = try reader.line()
                } catch {
                    // What came before is answered; the read error is the last answer.
                    let diagnostic = Diagnostic.error(
                        "stream.input.unreadable", "the input cannot be read: \(SystemErrorReason.text(error))",
                        at: SourceLocation(path: streamPath, line: reader.linesRead + 1, column: 1))
                    window.deposit(sequence, .init(line: Self.failure(diagnostic), status: .failed))
                    window.finish(after: sequence + 1)
                    return
                }
                guard let line else { break }
                if line.bytes == nil {
                    let diagnostic = Diagnostic.error(
                        "stream.record.too-large",
                        "the record is \(line.length) bytes, more than the \(request.maximumRecordBytes) a record may have (--max-record-bytes)",
                        at: SourceLocation(path: streamPath, line: line.number, column: 1))
                    window.deposit(sequence, .init(line: Self.failure(diagnostic), status: .failed))
                } else {
                    queue.put((sequence, line))
                }
                sequence += 1
            }
            window.finish(after: sequence)
        }
        readerThread.stackSize = 1 << 20
        readerThread.start()

        for _ in 0..<request.jobs {
            group.enter()
            // Conversions recurse as deep as documents nest (up to ImportLimits.nestingDepth).
            let worker = Thread { [self] in
                while let (sequence, line) = queue.take() {
                    guard !window.isStopped else { continue }
                    window.deposit(sequence, answer(line, pipeline: pipeline, streamPath: streamPath))
                }
                group.leave()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }

        var outcome = StreamOutcome()
        while let answer = window.next() {
            do {
                try write(answer.line)
            } catch {
                outcome.outputFailure = SystemErrorReason.text(error)
                outcome.outputClosed = SystemErrorReason.isBrokenPipe(error)
                window.stop()
                break
            }
            outcome.records += 1
            switch answer.status {
            case .converted: outcome.converted += 1
            case .failed: outcome.failed += 1
            case .skipped: outcome.skipped += 1
            }
        }
        // After a failed write, the reader may be blocked reading an input that never ends: it
        // is not waited for (it stops at its next record; the CLI exits).
        if outcome.outputFailure == nil { group.wait() }
        return outcome
    }

    /// Reads standard input a chunk at a time.
    public static var standardInput: () throws -> Data { StreamLineReader.chunks(of: 0) }

    enum Status: String { case converted, failed, skipped }

    /// An answer line and its status.
    struct Answer {
        var line: Data
        var status: Status
    }

    private func answer(_ line: StreamLineReader.Line, pipeline: Pipeline, streamPath: String) -> Answer {
        let bytes = line.bytes ?? Data()
        // A blank line is no record: answered `skipped`, so that answers stay line for line.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return Answer(
                line: StreamRecord.answer(id: .null, status: Status.skipped.rawValue, outputs: [], diagnostics: []), status: .skipped)
        }
        let record: StreamRecord
        do {
            record = try StreamRecord.read(bytes, number: line.number, streamPath: streamPath)
        } catch {
            return Answer(
                line: StreamRecord.answer(id: error.id, status: Status.failed.rawValue, outputs: [], diagnostics: [error.diagnostic]),
                status: .failed)
        }
        let result = pipeline.convert(record.document)
        let status: Status = result.failed ? .failed : .converted
        return Answer(
            line: StreamRecord.answer(id: record.id, status: status.rawValue, outputs: result.outputs, diagnostics: result.diagnostics),
            status: status)
    }

    private static func failure(_ diagnostic: Diagnostic) -> Data {
        StreamRecord.answer(id: .null, status: Status.failed.rawValue, outputs: [], diagnostics: [diagnostic])
    }
}
