import Foundation
import Testing

/// `nazif dedup` run as a built binary on records made from the seed articles.
@Suite struct DedupCLITests {
    static func records() throws -> Data {
        var out = ""
        for url in NazifProcess.seedFiles {
            let text = try String(contentsOf: url, encoding: .utf8)
            let json = try JSONSerialization.data(withJSONObject: ["text": text])
            out += String(decoding: json, as: UTF8.self) + "\n"
        }
        return Data(out.utf8)
    }

    /// Every seed twice (the copy with a footer): the output is the first copies, byte for
    /// byte, at every thread count; the usage errors exit 64.
    @Test(arguments: [1, 2, 4])
    func removesSecondCopies(threads: Int) throws {
        let once = try Self.records()
        var twice = once
        twice.append(once)
        let result = try NazifProcess.run(["dedup", "--jsonl", "--threads", "\(threads)"], stdin: twice)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == once)
    }

    static let usage: [[String]] = [
        ["dedup", "--mark", "c"],
        ["dedup", "--bands", "0"],
        ["dedup", "--threshold", "2"],
        ["dedup", "--on-error", "skip"],
    ]

    @Test(arguments: usage)
    func usageErrors(_ arguments: [String]) throws {
        #expect(try NazifProcess.run(arguments, stdin: Data()).status == 64)
    }

    @Test func corruptSignatureFileExits65() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nazif-bad-\(getpid()).sig")
        try Data("NAZIFSG\0garbage-garbage-garbage-garbage-garbage-garbage".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try NazifProcess.run(["dedup", "clusters", url.path])
        #expect(result.status == 65, "\(result.stderr)")
    }
}

/// Signature files the fuzzer crafted (Fuzz/Findings/, checksums right): refused with exit 65,
/// where `dedup clusters` used to trap (exit 132).
@Suite struct CraftedSignatureFileCLITests {
    @Test(arguments: [
        ("fuzz-002-signature-record-number-past-int-max.sig", "corrupt signature file"),
        ("fuzz-003-signature-bands-times-rows-overflow.sig", "corrupt signature file"),
    ])
    func craftedFilesExit65(_ name: String, _ message: String) throws {
        let path = NazifProcess.repository.appendingPathComponent("Fuzz/Findings").appendingPathComponent(name).path
        let result = try NazifProcess.run(["dedup", "clusters", path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(name): \(message)"), "\(result.stderr)")
    }
}
