import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv formats`: the formats this build knows, from the one registry.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats newsconv can read and write."
    )

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    @Flag(name: .long, help: "List the built-in formats only, not the external format plugins.")
    var noPlugins = false

    func run() throws {
        let listing = FormatListing(registry: CommandSupport.converter(always: true, noPlugins: noPlugins).registry)
        StandardStreams.output(json ? listing.json() : Data(listing.text().utf8))
    }
}
