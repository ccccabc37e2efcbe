import Foundation
import Glibc
import Testing

/// `nazif clean` without `--table` on inputs that can be read only once (standard input, a FIFO):
/// the first pass copies them while it counts, the second reads the copies. The output and the
/// explanations must be those of the same bytes in a regular file.
@Suite struct OnceOnlyInputCLITests {
    /// The seeds, many times over and in several sites: JSON Lines (a few batches, one record
    /// with invalid UTF-8), one seed a line (`--lines`), or plain documents cut at form feeds.
    static func input(_ mode: String) throws -> Data {
        let texts = try CleanCLITests.seedNames.map { try String(contentsOf: CleanCLITests.seedFile($0), encoding: .utf8) }
        var input = Data()
        for copy in 0..<60 {
            for (index, text) in texts.enumerated() {
                switch mode {
                case "--jsonl":
                    input.append(
                        try CleanCLITests.jsonl([
                            ["id": "\(copy)-\(index)", "url": "https://s\(copy % 3).example/\(copy)", "text": "نسخة \(copy)\n" + text]
                        ]))
                case "--lines":
                    // Even copies repeat the seeds' lines (site templates); odd ones are made unique
                    // by a word spelling the copy's number in letters (digits would key alike).
                    let word = String(String(copy).map { Array("ابتثجحخدذر")[Int(String($0))!] })
                    for line in text.split(separator: "\n") {
                        input.append(Data(((copy % 2 == 0 ? "" : "نسخة \(word) ") + line + "\n").utf8))
                    }
                default:
                    input.append(Data(("نسخة \(copy)\n" + text + "\u{0C}\n").utf8))
                }
            }
            if copy == 30 && mode == "--jsonl" {
                input.append(Data(Array("{\"text\":\"نص ".utf8) + [0xFF, 0xFE] + Array(" بايتات خاطئة\"}\n".utf8)))
            }
        }
        return input
    }

    @Test(arguments: ["--jsonl", "--lines", "plain"])
    func standardInputIsCleanedAsTheFileIs(_ mode: String) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.input(mode)
        let file = directory.appendingPathComponent("in")
        try input.write(to: file)
        let options = ["clean", "--explain", "--on-error", "replace"] + (mode == "plain" ? [] : [mode])
        let fromFile = try NazifProcess.run(options + [file.path])
        let fromStandardInput = try NazifProcess.run(options, stdin: input)
        #expect(fromFile.status == 0 && fromStandardInput.status == 0, "\(fromStandardInput.stderr.prefix(300))")
        #expect(!fromFile.stdout.isEmpty && fromFile.stderr.contains("template.site"))
        #expect(fromStandardInput.stdout == fromFile.stdout)
        #expect(fromStandardInput.stderr == fromFile.stderr.replacingOccurrences(of: file.path, with: "<stdin>"))
        // No copy is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left == ["in"])
    }

    /// A FIFO named twice is read once: its second mention reads the copy the first made.
    @Test(arguments: ["--jsonl", "plain"])
    func aFIFONamedTwiceIsCleanedAsTheFileTwice(_ mode: String) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.input(mode)
        let file = directory.appendingPathComponent("in")
        try input.write(to: file)
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            // Opening blocks until nazif opens the FIFO for reading.
            if let handle = FileHandle(forWritingAtPath: fifo) {
                try? handle.write(contentsOf: input)
                try? handle.close()
            }
        }
        writer.start()
        let options = ["clean", "--explain", "--on-error", "replace"] + (mode == "plain" ? [] : [mode])
        let fromFile = try NazifProcess.run(options + [file.path, file.path])
        let fromFIFO = try NazifProcess.run(options + [fifo, fifo], environment: ["TMPDIR": directory.path])
        #expect(fromFile.status == 0 && fromFIFO.status == 0, "\(fromFIFO.stderr.prefix(300))")
        #expect(fromFIFO.stdout == fromFile.stdout)
        #expect(fromFIFO.stderr == fromFile.stderr.replacingOccurrences(of: file.path, with: fifo))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == ["fifo", "in"])
    }

    /// Failures while standard input is copied keep their messages and exit codes.
    @Test(
        arguments: [
            (
                ["--jsonl"], ["TMPDIR": "/no/such/directory"], Data("{\"text\":\"نص\"}\n".utf8), 74,
                "nazif clean: cannot create a temporary file for <stdin>: No such file or directory"
            ),
            (
                ["--jsonl"], [:], Data("{\"text\":\"نص\"}\n{\"text\":\"نص ناقص\n".utf8), 65,
                "nazif clean: <stdin>:2: malformed JSON"
            ),
            (
                ["--lines"], [:], Data([0x41, 0x0A, 0xFF, 0x0A]), 65,
                "nazif clean: <stdin>:2: invalid UTF-8 at byte 2"
            ),
        ] as [([String], [String: String], Data, Int32, String)])
    func failuresWhileCopyingAreReported(
        options: [String], environment: [String: String], input: Data, status: Int32, message: String
    ) throws {
        let result = try NazifProcess.run(["clean"] + options, stdin: input, environment: environment)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
