import Foundation
import NewsCore
import ZIPFoundation

/// A place inputs come from: a folder (recursive), a zip, a tar or gzipped tar, a single file, or
/// a list of paths. Inputs are listed one at a time, so an archive is never held in memory.
/// Hidden files are skipped in folders and archives alike (see ``BatchInput/isHidden(_:)``).
enum BatchSource {
    case directory(URL)
    case zip(URL)
    case tar(URL, gzip: Bool)
    case file(URL)
    case list([ListedPath])

    /// A path of a list: as text, and as bytes when it is not UTF-8 (the text then shows it read
    /// as Windows-1252).
    struct ListedPath: Equatable {
        var path: String
        var raw: [UInt8]?
    }

    /// The source a command-line argument names.
    static func named(_ argument: String, standardInput: () -> Data) throws -> BatchSource {
        if argument == "-" {
            return .list(listedPaths(standardInput()))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            throw BatchError.source(argument, "no such file or folder")
        }
        let url = URL(fileURLWithPath: argument)
        if isDirectory.boolValue { return .directory(url) }
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".zip") { return .zip(url) }
        if name.hasSuffix(".tar") { return .tar(url, gzip: false) }
        if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") { return .tar(url, gzip: true) }
        return .file(url)
    }

    /// The paths of a list, one a line (LF or CRLF), without the spaces and tabs around them;
    /// blank lines are skipped. Split on bytes: a list may hold a hundred thousand paths.
    static func listedPaths(_ list: Data) -> [ListedPath] {
        list.withUnsafeBytes { raw -> [ListedPath] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var paths: [ListedPath] = []
            var lineStart = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D {
                var start = lineStart
                var stop = end
                lineStart = end + 1
                while start < stop, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
                guard start < stop else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<stop])
                if let path = String(validating: line, as: UTF8.self) {
                    paths.append(ListedPath(path: path))
                } else {
                    paths.append(ListedPath(path: TextDecoding.windows1252(line), raw: Array(line)))
                }
            }
            return paths
        }
    }

    /// The name that prefixes its outputs when a batch has several sources.
    var name: String {
        switch self {
        case .directory(let url), .file(let url): url.lastPathComponent
        case .zip(let url): url.deletingPathExtension().lastPathComponent
        case .tar(let url, _):
            url.lastPathComponent.replacingOccurrences(of: ".tar.gz", with: "").replacingOccurrences(of: ".tgz", with: "")
                .replacingOccurrences(of: ".tar", with: "")
        case .list: "stdin"
        }
    }

    /// The start its inputs' paths have as listed (a folder with its links resolved, an archive's
    /// or file's absolute path), which the batch replaces with the source as the user gave it.
    var listedRoot: String? {
        switch self {
        case .directory(let url): url.standardizedFileURL.resolvingSymlinksInPath().path
        case .zip(let url), .tar(let url, _), .file(let url): url.path
        case .list: nil
        }
    }

    /// How many inputs it holds, when that is cheap to know (not for a tar, which would have to be read twice).
    func count(excluding excluded: [URL], selecting selection: BatchSelection = BatchSelection()) throws -> Int? {
        var count = 0
        switch self {
        case .tar: return nil
        case .zip(let url):
            let archive = try Self.openZip(url)
            return archive.filter {
                $0.type == .file && !BatchInput.isHidden($0.path) && selection.accepts(BatchInput.safeRelativePath($0.path))
            }.count
        default:
            try forEach(excluding: excluded, selecting: selection) { _ in
                count += 1
                return true
            }
            return count
        }
    }

    static func openZip(_ url: URL) throws -> Archive {
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw BatchError.source(url.path, "is not a readable zip archive (\(error))")
        }
    }

    /// Calls `body` for each input in a stable order until it returns false. `excluded` folders
    /// and files (the output folder or zip, the report, when inside the source) are never read.
    func forEach(
        excluding excluded: [URL], selecting selection: BatchSelection = BatchSelection(), limits: ImportLimits = .standard,
        _ each: (BatchInput) throws -> Bool
    )
        throws
    {
        // Inputs the selection leaves out are passed over before their bytes are read.
        func body(_ input: BatchInput) throws -> Bool { selection.accepts(input.relativePath) ? try each(input) : true }
        switch self {
        case .file(let url):
            _ = try body(BatchInput(displayPath: url.path, relativePath: url.lastPathComponent, filePath: url.path))
        case .list(let paths):
            for listed in paths {
                let path = listed.path
                guard
                    try body(
                        BatchInput(
                            displayPath: path, relativePath: BatchInput.safeRelativePath(path), filePath: path, rawFilePath: listed.raw))
                else { return }
            }
        case .directory(let root):
            // Symbolic links in the paths are resolved, so that an output folder named another way is still excluded.
            let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
            let excludedPaths = Set(excluded.map { $0.standardizedFileURL.resolvingSymlinksInPath().path })
            try DirectoryWalker.walk(rootPath, excluding: excludedPaths) { file in
                try body(
                    BatchInput(
                        displayPath: file.path, relativePath: BatchInput.safeRelativePath(file.relative), filePath: file.path,
                        rawFilePath: file.rawPath))
            }
        case .zip(let url):
            let archive = try Self.openZip(url)
            for entry in archive where entry.type != .directory && !BatchInput.isHidden(entry.path) {
                // Chosen before the entry is extracted (the selection passes it over unread).
                let relativePath = BatchInput.safeRelativePath(entry.path)
                guard selection.accepts(relativePath) else { continue }
                // An entry that cannot be read (corrupt, or larger than an entry may be, as a zip
                // bomb is) is that input's failure; the entries after it are still read.
                var input = BatchInput(displayPath: "\(url.path):\(entry.path)", relativePath: relativePath)
                let limit = limits.archiveEntryBytes
                if entry.type == .symlink {
                    // Never followed (it may point anywhere, out of the archive too): said, not skipped.
                    input.failure = "is a symbolic link in the zip archive, not a file; links are never followed"
                } else if entry.uncompressedSize > UInt64(limit) {
                    input.failure = "the zip entry declares \(entry.uncompressedSize) bytes, more than the \(limit) an entry may hold"
                } else {
                    var data = Data()
                    do {
                        // The declared size may lie: the bytes are counted as they come.
                        let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                            guard data.count + chunk.count <= limit else { throw EntryTooLarge() }
                            data.append(chunk)
                        }
                        // ZIPFoundation computes the CRC-32 of what it extracts but, in memory, does
                        // not compare it: a corrupt entry would be converted as if whole.
                        if checksum == entry.checksum {
                            input.data = data
                        } else {
                            input.failure = "cannot be read from the zip: its CRC-32 does not match its bytes (the entry is corrupt)"
                        }
                    } catch is EntryTooLarge {
                        input.failure = "the zip entry decompresses to more than the \(limit) bytes an entry may hold"
                    } catch {
                        input.failure = "cannot be read from the zip (\(error))"
                    }
                }
                guard try each(input) else { return }
            }
        case .tar(let url, let gzip):
            let reader: TarReader
            if gzip {
                let gzipReader = try GzipReader(
                    path: url.path, expansionFloor: limits.gzipExpansionFloor, expansionRatio: limits.gzipExpansionRatio)
                reader = TarReader(path: url.path, entryLimit: limits.archiveEntryBytes) { try gzipReader.read($0) }
            } else {
                guard let handle = FileHandle(forReadingAtPath: url.path) else {
                    throw BatchError.source(url.path, "cannot be opened for reading")
                }
                reader = TarReader(path: url.path, entryLimit: limits.archiveEntryBytes) { Array(handle.readData(ofLength: $0)) }
            }
            while let (path, data, failure) = try reader.next() {
                if BatchInput.isHidden(path) { continue }
                var input = BatchInput(displayPath: "\(url.path):\(path)", relativePath: BatchInput.safeRelativePath(path), data: data)
                // An entry too large to hold fails alone; the later entries are read.
                input.failure = failure
                guard try body(input) else { return }
            }
        }
    }
}

/// A zip entry that decompresses to more than an entry may hold: extraction stops there.
private struct EntryTooLarge: Error {}
