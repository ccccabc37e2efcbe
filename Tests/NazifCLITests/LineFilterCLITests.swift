import Foundation
import Testing

/// End-to-end tests of `nazif normalize` and `nazif tokenize`: the built binary on the seeds and
/// on bad input, checked against the goldens in seeds/expected and the documented exit codes.
@Suite struct LineFilterCLITests {
    static let seedNames = ["000", "001", "002", "003", "004"]

    @Test(arguments: seedNames)
    func normalizeMatchesGolden(_ seed: String) throws {
        let file = NazifProcess.seedFiles.first { $0.lastPathComponent.hasPrefix(seed) }!
        let result = try NazifProcess.run(["normalize", "--profile", "search", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Data(
            contentsOf: NazifProcess.repository
                .appendingPathComponent("seeds/expected/\(seed).search.txt"))
        #expect(result.stdout == golden)
    }

    @Test(arguments: seedNames)
    func tokenizeMatchesGolden(_ seed: String) throws {
        let file = NazifProcess.seedFiles.first { $0.lastPathComponent.hasPrefix(seed) }!
        let result = try NazifProcess.run(["tokenize", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Data(
            contentsOf: NazifProcess.repository
                .appendingPathComponent("seeds/expected/\(seed).tokens.txt"))
        #expect(result.stdout == golden)
    }

    /// One output line per input line, whatever the profile.
    @Test(arguments: ["display", "search", "key"])
    func normalizeKeepsLines(_ profile: String) throws {
        for file in NazifProcess.seedFiles {
            let input = try Data(contentsOf: file)
            let result = try NazifProcess.run(["normalize", "--profile", profile, file.path])
            #expect(result.stdout.filter { $0 == 0x0A }.count == input.filter { $0 == 0x0A }.count)
        }
    }

    /// Output does not depend on the thread count (a 3 MB input spans several chunks).
    @Test(arguments: [["normalize"], ["tokenize"], ["tokenize", "--sentences"], ["tokenize", "--format", "jsonl"]])
    func outputIsTheSameOnOneOrManyThreads(_ command: [String]) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var big = Data()
        let seeds = try NazifProcess.seedFiles.map { try Data(contentsOf: $0) }
        var copy = 0
        while big.count < 3_000_000 {
            big.append(Data("نسخة \(copy)\n".utf8))
            for seed in seeds { big.append(seed); big.append(0x0A) }
            copy += 1
        }
        let path = directory.appendingPathComponent("big.txt")
        try big.write(to: path)
        let one = try NazifProcess.run(command + ["--threads", "1", path.path])
        let two = try NazifProcess.run(command + ["--threads", "2", path.path])
        let four = try NazifProcess.run(command + ["--threads", "4", path.path])
        #expect(one.status == 0 && two.status == 0 && four.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == four.stdout)
        #expect(!one.stdout.isEmpty)
    }

    @Test func standardInputWorks() throws {
        let result = try NazifProcess.run(["normalize", "--profile", "key"], stdin: Data("إقرأ أيضاً:\nکوریا\n".utf8))
        #expect(result.status == 0)
        #expect(result.text == "اقرا ايضا\nكوريا\n")
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        for command in [["normalize"], ["tokenize"], ["tokenize", "--sentences"]] {
            let result = try NazifProcess.run(command, stdin: Data())
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func lastLineWithoutLineBreakStaysThatWay() throws {
        let result = try NazifProcess.run(["normalize", "--profile", "search"], stdin: Data("أ\nإ".utf8))
        #expect(result.text == "ا\nا")
    }

    /// Files are read in order; a file without a final line break does not run into the next.
    @Test func severalFilesKeepTheirLinesApart() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt"), b = directory.appendingPathComponent("b.txt")
        try Data("أولى".utf8).write(to: a)
        try Data("ثانية\n".utf8).write(to: b)
        let result = try NazifProcess.run(["normalize", a.path, b.path])
        #expect(result.text == "اولي\nثانيه\n")
    }

    // MARK: - Bad input and exit codes

    @Test(arguments: [["normalize"], ["tokenize"], ["tokenize", "--sentences"]])
    func invalidUTF8FailsWithFileLineAndByte(_ command: [String]) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.txt")
        var bytes = Data("سطر أول\nسطر ثان\nab".utf8)
        let badOffset = bytes.count
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(Data(" بعد\n".utf8))
        try bytes.write(to: path)
        let result = try NazifProcess.run(command + [path.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.txt:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("byte \(badOffset)"), "\(result.stderr)")
        // The two lines before the bad one were written, nothing after.
        #expect(result.text.split(separator: "\n").count == 2, "\(result.text)")
    }

    @Test func invalidUTF8CanBeReplaced() throws {
        var bytes = Data("ab".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(Data("\n".utf8))
        let result = try NazifProcess.run(["normalize", "--on-error", "replace"], stdin: bytes)
        #expect(result.status == 0)
        #expect(result.text == "ab\u{FFFD}\u{FFFD}\n")
        #expect(result.stderr.contains("replaced 2 invalid UTF-8"))
    }

    @Test func binaryJunkNeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        let junk = Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        for command in [["normalize"], ["tokenize"], ["tokenize", "--sentences"], ["tokenize", "--format", "tsv"]] {
            let failing = try NazifProcess.run(command, stdin: junk)
            #expect(failing.status == 65)
            let replacing = try NazifProcess.run(command + ["--on-error", "replace"], stdin: junk)
            #expect(replacing.status == 0, "\(command) \(replacing.stderr)")
        }
    }

    @Test func missingFileExits66BeforeWritingAnything() throws {
        let result = try NazifProcess.run(["normalize", NazifProcess.seedFiles[0].path, "/no/such/file.txt"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/no/such/file.txt"))
        #expect(result.stdout.isEmpty)
    }

    @Test func directoryExits66() throws {
        let result = try NazifProcess.run(["tokenize", "/tmp"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test(arguments: [
        ["normalize", "--profile", "loud"], ["normalize", "--threads", "0"],
        ["tokenize", "--format", "xml"], ["frobnicate"], ["normalize", "--on-error", "skip"],
    ])
    func badUsageExits64(_ arguments: [String]) throws {
        let result = try NazifProcess.run(arguments, stdin: Data())
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }

    // MARK: - Output files

    @Test func outputFileIsWrittenWhole() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.txt")
        let result = try NazifProcess.run(["normalize", "-o", out.path, NazifProcess.seedFiles[0].path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let golden = try Data(contentsOf: NazifProcess.repository.appendingPathComponent("seeds/expected/000.search.txt"))
        #expect(try Data(contentsOf: out) == golden)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
    }

    @Test func failedRunLeavesNoOutputFile() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.txt")
        try Data("old contents\n".utf8).write(to: out)
        var bad = Data("good line\n".utf8)
        bad.append(contentsOf: [0xFF, 0x0A])
        let result = try NazifProcess.run(["normalize", "-o", out.path], stdin: bad)
        #expect(result.status == 65)
        // The old file is untouched and no temporary file is left behind.
        #expect(try Data(contentsOf: out) == Data("old contents\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
    }

    /// `nazif … | head -c 100`: the reader goes away; nazif ends quietly with status 0.
    @Test(arguments: [["tokenize"], ["normalize"]])
    func closedPipeEndsQuietly(_ command: [String]) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.txt")
        let line = Data("زيلينسكي يدعو الولايات المتحدة إلى تعزيز العقوبات المفروضة على روسيا\n".utf8)
        var big = Data()
        for _ in 0..<60_000 { big.append(line) }
        try big.write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let nazif = "'\(NazifProcess.binary.path)' \(command.joined(separator: " ")) '\(path.path)'"
        process.arguments = [
            "-c",
            "\(nazif) 2>'\(directory.path)/err' | head -c 100 > /dev/null; "
                + "echo ${PIPESTATUS[0]} > '\(directory.path)/status'",
        ]
        try process.run()
        process.waitUntilExit()
        let status = try String(contentsOf: directory.appendingPathComponent("status"), encoding: .utf8)
        let stderr = try String(contentsOf: directory.appendingPathComponent("err"), encoding: .utf8)
        #expect(stderr.isEmpty, "\(stderr)")
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    // MARK: - Formats

    @Test func jsonlOffsetsPointAtTheTokens() throws {
        let file = NazifProcess.seedFiles[1]
        let input = try Data(contentsOf: file)
        let result = try NazifProcess.run(["tokenize", "--format", "jsonl", file.path])
        #expect(result.status == 0)
        var count = 0
        for line in result.text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let start = object["start"] as! Int, end = object["end"] as! Int
            #expect(String(decoding: input[start..<end], as: UTF8.self) == object["token"] as! String)
            #expect(
                ["arabic", "latin", "word", "number", "punctuation", "symbol", "url", "email", "hashtag", "mention"]
                    .contains(object["kind"] as! String))
            count += 1
        }
        #expect(count > 500)
    }

    @Test func tsvHasFourColumns() throws {
        let result = try NazifProcess.run(["tokenize", "--format", "tsv"], stdin: Data("قال: 15% http://a.com\n".utf8))
        #expect(result.text == "قال\tarabic\t0\t6\n:\tpunctuation\t6\t7\n15%\tnumber\t8\t11\nhttp://a.com\turl\t12\t24\n")
    }

    @Test func sentencesOnePerLine() throws {
        let result = try NazifProcess.run(
            ["tokenize", "--sentences"],
            stdin: Data("وصل د. أحمد إلى المطار. ثم غادر؟ نعم\nسطر ثان.\n".utf8))
        #expect(result.text == "وصل د. أحمد إلى المطار.\nثم غادر؟\nنعم\nسطر ثان.\n")
    }

    /// A line longer than the reader's split size (16 MB) is cut before a space and comes out the
    /// same as the library would normalize it whole.
    @Test func veryLongLineIsNormalizedInPieces() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("long.txt")
        var line = Data()
        let words = ["كيم", "جونغ", "أون", "  ", "بيونغ\u{200F}", "يانغ"].map { Data($0.utf8) }
        var index = 0
        while line.count < 20_000_000 {
            line.append(words[index % words.count])
            line.append(0x20)
            index += 1
        }
        line.append(0x0A)
        try line.write(to: path)
        let result = try NazifProcess.run(["normalize", "--profile", "search", "--threads", "2", path.path])
        #expect(result.status == 0)
        let expected = String(decoding: line, as: UTF8.self)
            .replacingOccurrences(of: "\u{200F}", with: "")
            .replacingOccurrences(of: "أ", with: "ا")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(result.text == expected.trimmingCharacters(in: .whitespacesAndNewlines) + "\n")
    }
}
