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

    /// The same below an open folder (as a batch writes its outputs), every way, into a
    /// subfolder too; errors name the file by its whole path.
    @Test(arguments: [FileIO.Way.linkDescriptor, .linkProcPath, .temporaryName])
    func writesBelowAnOpenFolder(way: FileIO.Way) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/sub dir", withIntermediateDirectories: true)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        for relative in ["top.nitf", "sub dir/ünï.nitf"] {
            try FileIO.writeAtomically(Data("first".utf8), in: descriptor, at: relative, replace: false, way: way) {
                folder + "/" + relative
            }
            #expect(FileIO.read(folder + "/" + relative) == Data("first".utf8))
            #expect(throws: FileIO.Exists.self) {
                try FileIO.writeAtomically(Data("second".utf8), in: descriptor, at: relative, replace: false, way: way) {
                    folder + "/" + relative
                }
            }
            try FileIO.writeAtomically(Data("third".utf8), in: descriptor, at: relative, replace: true, way: way) {
                folder + "/" + relative
            }
            #expect(FileIO.read(folder + "/" + relative) == Data("third".utf8))
        }
        do {
            try FileIO.writeAtomically(Data("x".utf8), in: descriptor, at: "missing/x.nitf", replace: false, way: way) {
                folder + "/missing/x.nitf"
            }
            Issue.record("a missing folder was written into")
        } catch let failure as FileIO.Failure {
            #expect(failure.code == ENOENT && failure.path == folder + "/missing/x.nitf")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["sub dir", "top.nitf"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/sub dir") == ["ünï.nitf"])
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
