import Foundation
import Testing

@testable import NewsConvKit

/// Whole-file reads and atomic writes: an existing file is replaced only when asked, and no
/// temporary file is ever left behind.
@Suite struct FileIOTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-fileio-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every way of writing without replacing: an unnamed file linked into place by its
    /// descriptor or its /proc name (Linux), and a hidden temporary file hard-linked then removed.
    @Test(arguments: [FileIO.Way.linkDescriptor, .linkProcPath, .temporaryName])
    func writesReadsAndReplacesOnlyWhenAsked(way: FileIO.Way) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ünï cödé.json"
        try FileIO.writeAtomically(Data("first".utf8), to: path, replace: false, way: way)
        #expect(FileIO.read(path) == Data("first".utf8))
        #expect(throws: FileIO.Exists.self) { try FileIO.writeAtomically(Data("second".utf8), to: path, replace: false, way: way) }
        #expect(FileIO.read(path) == Data("first".utf8))
        try FileIO.writeAtomically(Data("third".utf8), to: path, replace: true)
        #expect(FileIO.read(path) == Data("third".utf8))
        // An empty file, and a large one.
        let large = Data((0..<300_000).map { UInt8($0 % 251) })
        try FileIO.writeAtomically(Data(), to: folder + "/empty", replace: false, way: way)
        try FileIO.writeAtomically(large, to: folder + "/large", replace: false, way: way)
        #expect(FileIO.read(folder + "/empty") == Data())
        #expect(FileIO.read(folder + "/large") == large)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["empty", "large", "ünï cödé.json"])
    }

    @Test func aMissingFolderIsAnErrorNotACrash() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: (any Error).self) { try FileIO.writeAtomically(Data("x".utf8), to: folder + "/missing/x.json", replace: false) }
        #expect(throws: (any Error).self) { try FileIO.writeAtomically(Data("x".utf8), to: folder + "/missing/x.json", replace: true) }
        #expect(FileIO.read(folder + "/missing/x.json") == nil)
        #expect(FileIO.read(folder) == nil)
    }
}
