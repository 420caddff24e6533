import FormatScaffold
import Foundation

// The tool behind `swift package new-format`: a thin wrapper over FormatScaffold.
// Usage: newsconv-new-format --package DIR --name NAME [--importer] [--exporter]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("new-format: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var package: String?
var name: String?
var importer = false
var exporter = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--package": package = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--name": name = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--importer": importer = true
    case "--exporter": exporter = true
    case "--help", "-h":
        print("usage: swift package --allow-writing-to-package-directory new-format --name NAME [--importer] [--exporter]")
        exit(0)
    default: fail("unknown argument '\(argument)'; usage: new-format --name NAME [--importer] [--exporter]")
    }
}
guard let package, let name else { fail("usage: new-format --name NAME [--importer] [--exporter]") }
do {
    let scaffold = try FormatScaffold(name: name, importer: importer, exporter: exporter)
    let result = try scaffold.apply(to: URL(fileURLWithPath: package))
    print("Created the \(scaffold.formatName) format module (\(scaffold.moduleName)):")
    for path in result.created { print("  + \(path)") }
    for path in result.edited { print("  ~ \(path)") }
    for step in result.manual { print("By hand: \(step)") }
    print("Next: implement the TODOs, replace the sample, then follow docs/writing-a-format.md.")
} catch {
    fail("\(error)")
}
