import Foundation
import TestSupport
import Testing

/// External format plugins and filters through the built `newsconv`, with the examples in
/// samples/plugins and misbehaving plugins made here.
@Suite struct PluginCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }
    var plugins: String { Fixtures.samples.appendingPathComponent("plugins").path }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(newsconv, arguments, environment: environment, currentDirectory: Fixtures.packageRoot)
    }

    /// A folder with shell-script plugins; `scripts` maps a plugin name to its `export` body.
    func pluginFolder(_ scripts: [String: String], describe: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, export) in scripts {
            let description =
                describe[name]
                ?? "echo '{\"name\": \"\(name)\", \"title\": \"Test \(name)\", \"import\": false, \"export\": true, \"extensions\": [\"\(name)\"]}'"
            let script = "#!/bin/sh\ncase \"$1\" in\n  describe) \(description) ;;\n  export) \(export) ;;\n  *) exit 2 ;;\nesac\n"
            let url = folder.appendingPathComponent("newsconv-format-\(name)")
            try Data(script.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return folder
    }

    @Test func theExamplePluginIsListedAndWritesAPage() throws {
        let environment = ["NEWSCONV_PLUGIN_PATH": plugins]
        let listing = try run(["formats", "--json"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: listing.stdout) as? [String: [[String: Any]]]
        let html = try #require(object?["formats"]?.first { $0["name"] as? String == "html" })
        #expect(html["external"] as? Bool == true && html["export"] as? Bool == true && html["import"] as? Bool == false)
        #expect(try run(["formats"], environment: environment).stdoutText.contains("(external)"))

        let page = try run(["convert", "samples/markdown/newsconv-full.md", "-t", "html"], environment: environment)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(
            page.stdoutText.hasPrefix("<!DOCTYPE html>")
                && page.stdoutText.contains("<h1>Storm closes harbour as ferries stay in port</h1>"))
        // By the output file's extension too.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try run(["convert", "samples/wire/efe-english-lima-port.txt", "-o", file], environment: environment).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Lima, Mar 4 (EFE).-"))
    }

    @Test func theExampleFilterAddsAKeywordInConvertAndBatch() throws {
        let converted = try run(
            [
                "convert", "samples/wire/efe-english-lima-port.txt", "-t", "json", "--filter", "samples/plugins/add-keyword", "--filter",
                "samples/plugins/add-keyword",
            ], environment: ["NEWSCONV_KEYWORD": "checked"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let document = try JSONSerialization.jsonObject(with: converted.stdout) as? [String: Any]
        let article = (document?["articles"] as? [[String: Any]])?.first
        #expect(article?["keywords"] as? [String] == ["checked", "for-json"], "filters run in order; the second adds nothing new")
        #expect((article?["origin"] as? [String: Any])?["path"] as? String == "samples/wire/efe-english-lima-port.txt")

        let base = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-filter-batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let source = base.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let dispatches = Fixtures.files(in: Fixtures.samples.appendingPathComponent("wire"), extensions: ["txt"]).filter {
            !$0.path.contains("/expected/")
        }
        for url in dispatches { try FileManager.default.copyItem(at: url, to: source.appendingPathComponent(url.lastPathComponent)) }
        let output = base.appendingPathComponent("out")
        let batch = try run(
            ["batch", source.path, "-t", "html", "-o", output.path, "--filter", "samples/plugins/add-keyword", "--quiet"],
            environment: ["NEWSCONV_PLUGIN_PATH": plugins])
        #expect(batch.status == 0, "\(batch.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count == dispatches.count)
    }

    @Test func misbehavingPluginsAreClearErrors() throws {
        let folder = try pluginFolder(
            [
                "slow": "sleep 30",
                "crash": "kill -SEGV $$",
                "failing": "echo 'no renderer for this article' >&2; exit 4",
                "json": "cat",  // would shadow the built-in json
            ], describe: ["broken": "echo not json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["NEWSCONV_PLUGIN_PATH": folder.path, "NEWSCONV_PLUGIN_TIMEOUT": "1"]
        let input = "samples/wire/efe-english-lima-port.txt"

        let slow = try run(["convert", input, "-t", "slow"], environment: environment)
        #expect(
            slow.status == 1 && slow.stderr.contains("newsconv-format-slow") && slow.stderr.contains("plugin.slow.timeout"),
            "\(slow.stderr)")
        let crash = try run(["convert", input, "-t", "crash"], environment: environment)
        #expect(crash.status == 1 && crash.stderr.contains("newsconv-format-crash") && crash.stderr.contains("crashed"), "\(crash.stderr)")
        let failing = try run(["convert", input, "-t", "failing"], environment: environment)
        #expect(
            failing.status == 1 && failing.stderr.contains("no renderer for this article") && failing.stderr.contains("exit status 4"),
            "\(failing.stderr)")

        // The built-in json is not replaced; the attempt is a warning where plugins are looked for.
        let json = try run(["convert", input, "-t", "json"], environment: environment)
        #expect(json.status == 0 && json.stdoutText.contains("\"newsconv\""))
        let listing = try run(["formats"], environment: environment)
        #expect(listing.stderr.contains("plugin.shadowing"), "\(listing.stderr)")
    }

    /// Plugins under stress (issue 21): one that floods standard output or standard error is
    /// stopped at a cap with a clear error and no memory growth past it; one whose child keeps
    /// its output open gave a 0-byte file with exit 0 and is now refused; a describe that hangs
    /// or floods slowed every command and is cut short.
    @Test func floodingAndLingeringPluginsAreStopped() throws {
        let folder = try pluginFolder(
            [
                "flood": "cat > /dev/null; yes 'flood flood flood flood'",
                "shout": "cat > /dev/null; yes 'complaint' >&2",
                "linger": "cat > /dev/null; sleep 30 & echo '<p>partial'",
            ])
        let describing = try pluginFolder(
            ["slowdescribe": "cat", "loudescribe": "cat"], describe: ["slowdescribe": "sleep 30", "loudescribe": "yes '{'"])
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: describing)
        }
        let input = "samples/wire/efe-english-lima-port.txt"
        let environment = ["NEWSCONV_PLUGIN_PATH": folder.path, "NEWSCONV_PLUGIN_TIMEOUT": "3"]

        // The cap, not the time limit, must stop the flood: 256 MiB took more than 3 s on a
        // loaded machine (a fuzzer and a build on both cores), so this one has a minute.
        let flood = try run(
            ["convert", input, "-t", "flood", "-o", "/dev/null"], environment: environment.merging(["NEWSCONV_PLUGIN_TIMEOUT": "60"]) { $1 }
        )
        #expect(flood.status == 1 && flood.stderr.contains("plugin.flood.too-much-output"), "\(flood.stderr)")
        #expect(flood.stderr.contains("more than 268435456 bytes on standard output"), "\(flood.stderr)")
        let shout = try run(["convert", input, "-t", "shout"], environment: environment)
        #expect(shout.status == 1 && shout.stderr.contains("plugin.shout.too-much-output"), "\(shout.stderr)")
        let linger = try run(["convert", input, "-t", "linger"], environment: environment)
        #expect(linger.status == 1 && linger.stderr.contains("plugin.linger.output-open"), "\(linger.stderr)")
        #expect(linger.stdout.isEmpty, "no incomplete output")

        // Every command asks every plugin to describe itself: without NEWSCONV_PLUGIN_TIMEOUT a
        // hanging describe is given 2 s, a flooding one 64 KiB.
        let started = Date()
        let listing = try run(["formats"], environment: ["NEWSCONV_PLUGIN_PATH": describing.path])
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(listing.status == 0)
        #expect(listing.stderr.contains("plugin.slowdescribe.timeout"), "\(listing.stderr)")
        #expect(listing.stderr.contains("plugin.loudescribe.too-much-output"), "\(listing.stderr)")
    }

    @Test func anImportPluginThatPrintsNoJSONIsAClearError() throws {
        let folder = try pluginFolder(
            ["feed": "cat"],
            describe: ["feed": "echo '{\"name\": \"feed\", \"import\": true, \"export\": false, \"extensions\": [\"feed\"]}'"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let script =
            "#!/bin/sh\ncase \"$1\" in\n  describe) echo '{\"name\": \"feed\", \"import\": true, \"export\": false, \"extensions\": [\"feed\"]}' ;;\n  import) cat > /dev/null; echo 'not json at all' ;;\nesac\n"
        try Data(script.utf8).write(to: folder.appendingPathComponent("newsconv-format-feed"))
        let input = folder.appendingPathComponent("story.feed")
        try Data("anything".utf8).write(to: input)
        let result = try run(["convert", input.path, "-t", "json"], environment: ["NEWSCONV_PLUGIN_PATH": folder.path])
        #expect(
            result.status == 1 && result.stderr.contains("plugin.feed.invalid-output") && result.stderr.contains("newsconv-format-feed"),
            "\(result.stderr)")
    }

    @Test func aFilterThatFailsIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-filters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("garbage")
        try Data("#!/bin/sh\ncat > /dev/null\necho 'this is not json'\n".utf8).write(to: garbage)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: garbage.path)
        let result = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "json", "--filter", garbage.path])
        #expect(
            result.status == 1 && result.stderr.contains("filter.invalid-output") && result.stderr.contains(garbage.path),
            "\(result.stderr)")
        // A filter that is not there is a usage error, before any document is read.
        let missing = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "json", "--filter", "no-such-filter-anywhere"])
        #expect(
            missing.status == 2
                && missing.stderr == "newsconv: the filter 'no-such-filter-anywhere' is not an executable file (nor on PATH)\n",
            "\(missing.stderr)")
    }

    /// Plugins are asked to describe themselves only when a format or an extension no built-in
    /// has is named (issue 20, item 8): a plugin whose `describe` leaves a mark shows when.
    @Test func pluginsAreAskedOnlyWhenWanted() throws {
        let marks = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-marks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: marks) }
        let folder = try pluginFolder(
            ["page": "cat > /dev/null; echo page"],
            describe: ["page": "echo asked >> \(marks.path); echo '{\"name\": \"page\", \"export\": true, \"extensions\": [\"page\"]}'"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["NEWSCONV_PLUGIN_PATH": folder.path]
        let input = "samples/wire/efe-english-lima-port.txt"
        func asked() -> Int { ((try? String(contentsOf: marks, encoding: .utf8)) ?? "").split(separator: "\n").count }

        #expect(try run(["convert", input, "-t", "nitf"], environment: environment).status == 0)
        #expect(asked() == 0, "a run with built-in formats asked the plugins")
        #expect(try run(["convert", input, "-t", "page"], environment: environment).stdoutText == "page\n")
        #expect(asked() == 1)
        let out = folder.appendingPathComponent("story.page").path
        #expect(try run(["convert", input, "-o", out], environment: environment).status == 0)
        #expect(asked() == 2)
        let refused = try run(["convert", input, "-t", "page", "--no-plugins"], environment: environment)
        #expect(refused.status == 2 && refused.stderr.contains("unknown output format 'page'"))
        #expect(asked() == 2)
    }

    /// A plugin that says one article per document gets one file per article, as NITF does.
    @Test func aPluginOfOneArticlePerDocumentWritesOneFileEach() throws {
        let folder = try pluginFolder(
            ["card": "cat > /dev/null; echo card"],
            describe: ["card": "echo '{\"name\": \"card\", \"export\": true, \"extensions\": [\"card\"], \"oneArticlePerDocument\": true}'"]
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out/")
        let result = try run(
            ["convert", "samples/newsml-g2/two-items-newsmessage.xml", "-t", "card", "-o", out.path + "/"],
            environment: ["NEWSCONV_PLUGIN_PATH": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: out.path))?.sorted()
        #expect(files == ["two-items-newsmessage-1.card", "two-items-newsmessage-2.card"])
    }
}
