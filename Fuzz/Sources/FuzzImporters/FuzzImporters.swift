import Foundation
import NewsConvKit
import NewsCore

/// One libFuzzer entry for every importer: `NEWSCONV_FUZZ_FORMAT` names the format whose
/// importer reads each input (`wire`, `anpa`, `newsml1`, `newsml-g2`, `nitf`, `ninjs`, `markdown`,
/// `json`). What an importer reads is then written by every exporter, and each output read back
/// by its own importer where it has one: a crash, a trap or a hang anywhere is a finding.
/// Errors thrown for bad input are the expected outcome, not findings.
let converter = Converter()
let format: FormatModule = {
    let name = ProcessInfo.processInfo.environment["NEWSCONV_FUZZ_FORMAT"] ?? "wire"
    guard let module = converter.registry.module(named: name), module.importer != nil else {
        fatalError("NEWSCONV_FUZZ_FORMAT=\(name) names no format that reads")
    }
    return module
}()

/// `NEWSCONV_FUZZ_STAGE` picks the target:
/// - `import`: the importer's alone: each input is read and nothing more, five to twenty times
///   faster, which is what makes 10 million executions of one importer fit in an hour or two;
/// - `all` (the default): the exporters', fed by the importer, each output read back;
/// - `schema`: `all`, and each output of a format with an official schema (NewsML-G2, NITF, ninjs)
///   checked against it, from the standards folder `NEWSCONV_FUZZ_SCHEMAS` names. Too slow to
///   fuzz with; `Fuzz/run` runs it once over each corpus the fuzzer left, the inputs it found
///   interesting. An output with a schema error is a finding: newsconv writes only valid documents.
enum Stage: String { case `import`, all, schema }
/// The stage of this run.
let stage: Stage = {
    let name = ProcessInfo.processInfo.environment["NEWSCONV_FUZZ_STAGE"] ?? "all"
    guard let stage = Stage(rawValue: name) else { fatalError("NEWSCONV_FUZZ_STAGE=\(name): expected import, all or schema") }
    return stage
}()
/// The exporters each input is written with: none when the importer is fuzzed alone.
let writers = stage == .import ? [] : converter.registry.modules.filter { $0.exporter != nil && !$0.isExternal }
/// The official schemas' folder, for the `schema` stage.
let standards: URL? = {
    guard stage == .schema else { return nil }
    guard let path = ProcessInfo.processInfo.environment["NEWSCONV_FUZZ_SCHEMAS"] else {
        fatalError("NEWSCONV_FUZZ_STAGE=schema needs NEWSCONV_FUZZ_SCHEMAS, the folder of the official schemas")
    }
    return URL(fileURLWithPath: path)
}()

/// libFuzzer's driver, for a `main` of our own: SwiftPM names an executable's entry point after
/// its module (`FuzzImporters_main`), which keeps libFuzzer's `main` out of the link.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("FuzzImporters_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}

func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))
    guard let imported = try? converter.importDocument(data, path: "fuzz", format: format, options: options), !imported.articles.isEmpty
    else { return 0 }
    for writer in writers {
        let groups = writer.holdsManyArticles ? [imported.articles] : imported.articles.map { [$0] }
        for group in groups {
            guard let exported = try? converter.export(group, format: writer, options: options) else { continue }
            // What newsconv writes, it reads: an exporter's output that its importer refuses is a
            // finding too (json, NITF, ninjs, Markdown, G2, wire all read what they write).
            if writer.importer != nil {
                do {
                    _ = try converter.importDocument(exported.data, path: "fuzz-out", format: writer, options: options)
                } catch {
                    fatalError("\(format.name) -> \(writer.name): the output does not read back: \(error)")
                }
            }
            if let standards, let validator = writer.validator {
                let problems: [Diagnostic]
                do {
                    problems = try validator.validate(ImportInput(data: exported.data, path: "fuzz-out"), standards: standards)
                } catch {
                    fatalError("\(format.name) -> \(writer.name): the output cannot be validated: \(error)")
                }
                if let error = problems.first(where: { $0.severity == .error }) {
                    fatalError("\(format.name) -> \(writer.name): the output is not valid against \(validator.schemaPath): \(error)")
                }
            }
        }
    }
    return 0
}
