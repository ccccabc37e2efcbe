import Foundation
import Glibc
import Testing

@testable import nazif

/// The CLI's one file-descriptor helper: whole writes, full reads, temporary files that are
/// renamed into place or removed.
@Suite struct FileDescriptorTests {
    static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Bytes written whole come back whole, through a file and a larger-than-one-read size.
    @Test(arguments: [0, 1, 4095, (1 << 20) + 3, 3 << 20])
    func writtenBytesComeBackWhole(_ size: Int) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = try Data(contentsOf: CleanCLITests.seedFile("000"))
        let bytes = [UInt8]((0..<size).map { seed[$0 % seed.count] })
        let file = try TemporaryFile(prefix: directory.path + "/t-", suffix: ".tmp")
        try bytes.withUnsafeBytes { try file.descriptor.writeAll($0) }
        #expect(lseek(file.descriptor.rawValue, 0, SEEK_SET) == 0)
        var back = [UInt8](repeating: 0, count: size + 10)
        let count = try back.withUnsafeMutableBytes { try file.descriptor.readFully(into: $0) }
        #expect(count == size)
        #expect(Array(back[..<count]) == bytes)
        #expect(file.path.hasPrefix(directory.path + "/t-") && file.path.hasSuffix(".tmp"))
        file.remove()
        #expect(try Self.contents(of: directory).isEmpty)
    }

    /// Committed: the file is where it was asked for, with the mode a new file gets (0644 less
    /// the umask); removed or anonymous: nothing is left.
    @Test(arguments: ["commit", "remove", "release", "anonymous"])
    func temporaryFilesAreRenamedOrRemoved(_ ending: String) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let final = directory.appendingPathComponent("out.txt").path
        let text = Array("نص\n".utf8)
        switch ending {
        case "anonymous":
            let descriptor = try TemporaryFile.anonymous(in: directory.path, prefix: "scratch-")
            try text.withUnsafeBytes { try descriptor.writeAll($0) }
            #expect(try Self.contents(of: directory).isEmpty)
            descriptor.close()
        case "release":
            do {
                let file = try TemporaryFile(prefix: final + ".nazif-", suffix: ".tmp", permissions: 0o644)
                try text.withUnsafeBytes { try file.descriptor.writeAll($0) }
                #expect(try Self.contents(of: directory).count == 1)
            }
            #expect(try Self.contents(of: directory).isEmpty)
        default:
            let file = try TemporaryFile(prefix: final + ".nazif-", suffix: ".tmp", permissions: 0o644)
            try text.withUnsafeBytes { try file.descriptor.writeAll($0) }
            if ending == "remove" {
                file.remove()
                #expect(try Self.contents(of: directory).isEmpty)
                return
            }
            try file.commit(as: final)
            #expect(try Self.contents(of: directory) == ["out.txt"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: final)) == Data(text))
            let mask = umask(0)
            umask(mask)
            var info = stat()
            #expect(stat(final, &info) == 0 && info.st_mode & 0o777 == 0o644 & ~mask)
        }
    }

    /// A failed write says why: a pipe whose reader is gone gives EPIPE, a full device ENOSPC.
    @Test(arguments: [("pipe", EPIPE), ("/dev/full", ENOSPC)])
    func failedWritesThrowTheirErrno(_ target: String, _ expected: Int32) throws {
        signal(SIGPIPE, SIG_IGN)
        var raw: Int32
        var ends: [Int32] = [0, 0]
        if target == "pipe" {
            #expect(pipe(&ends) == 0)
            close(ends[0])
            raw = ends[1]
        } else {
            raw = open(target, O_WRONLY)
        }
        let descriptor = FileDescriptor(rawValue: raw)
        defer { descriptor.close() }
        let bytes = [UInt8](repeating: 0x41, count: 1 << 16)
        #expect(throws: Errno(code: expected)) { try bytes.withUnsafeBytes { try descriptor.writeAll($0) } }
    }
}
