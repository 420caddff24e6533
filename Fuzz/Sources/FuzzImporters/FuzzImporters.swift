import Foundation
import NewsConvKit
import NewsCore

/// One libFuzzer entry for every importer: `NEWSCONV_FUZZ_FORMAT` names the format whose
/// importer reads each input (`wire`, `anpa`, `newsml1`, `newsml-g2`, `nitf`, `ninjs`, `markdown`,
/// `json`). What an importer reads is then written by every exporter, and each output read back
/// by its own importer where it has one: a crash, a trap or a hang anywhere is a finding.
/// Errors thrown for bad input are the expected outcome, not findings.
///
/// `NEWSCONV_FUZZ_STAGE=import` makes it the importer's target alone: each input is read and
/// nothing more, five to twenty times faster, which is what makes 10 million executions of one
/// importer fit in an hour or two. The default, `all`, is the exporters' target, fed by the importer.
let converter = Converter()
let format: FormatModule = {
    let name = ProcessInfo.processInfo.environment["NEWSCONV_FUZZ_FORMAT"] ?? "wire"
    guard let module = converter.registry.module(named: name), module.importer != nil else {
        fatalError("NEWSCONV_FUZZ_FORMAT=\(name) names no format that reads")
    }
    return module
}()
let writers: [FormatModule] = {
    switch ProcessInfo.processInfo.environment["NEWSCONV_FUZZ_STAGE"] ?? "all" {
    case "import": return []
    case "all": return converter.registry.modules.filter { $0.exporter != nil && !$0.isExternal }
    case let stage: fatalError("NEWSCONV_FUZZ_STAGE=\(stage): expected import or all")
    }
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
        }
    }
    return 0
}
