import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-format --name Foo --importer --exporter`:
/// a thin adapter that runs the `newsconv-new-format` tool on this package.
@main
struct NewFormat: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "newsconv-new-format")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["--package", context.package.directoryURL.path] + arguments
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("new-format failed (exit \(process.terminationStatus))")
            throw NewFormatFailure()
        }
    }
}

struct NewFormatFailure: Error {}
