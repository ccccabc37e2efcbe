import Boilerplate
import Foundation
import Testing

/// Runs the binary with a deadline: a child still running after `timeout` seconds is killed
/// (SIGKILL) and the result says so, so no test of signals or closed streams can hang the suite.
enum BoundedProcess {
    struct Result {
        var status: Int32
        var stderr: String
        var timedOut: Bool
    }

    /// Waits for `process` at most `timeout` seconds; kills it when the time is up.
    static func wait(_ process: Process, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard process.isRunning else { return false }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return true
    }

    /// `/bin/sh -c script` with `$NAZIF` naming the binary, standard error to a file.
    static func shell(_ script: String, in directory: URL, timeout: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["NAZIF": NazifProcess.binary.path]) { $1 }
        let errors = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timedOut = wait(process, timeout: timeout)
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stderr: message, timedOut: timedOut)
    }
}

@Suite struct ReliabilityCLITests {
    static func write(_ bytes: [UInt8], to url: URL) throws { try Data(bytes).write(to: url) }

    /// A table written field by field, with the checksum recomputed (as a crafted file would be).
    static func craftedTable(
        documents: UInt64, entriesField: UInt64? = nil, entries: [(UInt64, UInt32)],
        groupCount: UInt32 = 1
    ) -> [UInt8] {
        var out = Array("NAZIFRT".utf8) + [0]
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        append(UInt32(1)); append(UInt32(1)); append(groupCount); append(UInt32(0))
        append(UInt32(1)); out.append(UInt8(ascii: "s"))
        append(documents)
        append(entriesField ?? UInt64(entries.count))
        for (hash, count) in entries { append(hash); append(count) }
        append(out.withUnsafeBufferPointer { KeyHash.hash($0) })
        return out
    }

    struct TableCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let bytes: [UInt8]
        let message: String
    }

    static let tableCases: [TableCase] = [
        TableCase(testDescription: "documents 2^63", bytes: craftedTable(documents: 1 << 63, entries: [(1, 1)]), message: "claims"),
        TableCase(
            testDescription: "entries 2^63", bytes: craftedTable(documents: 5, entriesField: 1 << 63, entries: [(1, 1)]), message: "ends early"),
        TableCase(testDescription: "entries UInt64.max", bytes: craftedTable(documents: 5, entriesField: .max, entries: []), message: "ends early"),
        TableCase(
            testDescription: "groups UInt32.max", bytes: craftedTable(documents: 5, entries: [(1, 1)], groupCount: .max), message: "ends early"),
        TableCase(testDescription: "count above documents", bytes: craftedTable(documents: 1, entries: [(1, 9)]), message: "counted in 9"),
        TableCase(testDescription: "hashes out of order", bytes: craftedTable(documents: 5, entries: [(9, 1), (1, 1)]), message: "order"),
        TableCase(testDescription: "truncated", bytes: Array(craftedTable(documents: 5, entries: [(1, 1)]).prefix(40)), message: "corrupt"),
        TableCase(testDescription: "foreign", bytes: Array("not a table at all, just some text\n".utf8), message: "not a Nazif"),
    ]

    /// A crafted table is refused with 65 and a message by `clean --table` and by `merge`
    /// (was: SIGILL, exit 132, for fields ≥ 2^63), and no output file appears.
    @Test(arguments: tableCases)
    func craftedTableExits65(_ test: TableCase) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("bad.tbl")
        try Self.write(test.bytes, to: table)
        let text = directory.appendingPathComponent("a.txt")
        try Data("سطر أول\nسطر ثان\n".utf8).write(to: text)
        for arguments in [
            ["clean", "--table", table.path, text.path, "-o", directory.appendingPathComponent("out.txt").path],
            ["merge", table.path, "-o", directory.appendingPathComponent("merged.tbl").path],
        ] {
            let result = try NazifProcess.run(arguments)
            #expect(result.status == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("bad.tbl") && result.stderr.contains(test.message), "\(result.stderr)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == ["a.txt", "bad.tbl"])
    }

    /// `merge` of tables whose counts add past 2^32 and whose document totals pass Int.max
    /// saturates, exit 0, and writes a table that `clean --table` reads (was: wrapped counts, a
    /// table refused as "ends early", or a trap).
    @Test(arguments: [(UInt64(Int.max), UInt32.max), (UInt64(3) << 31, UInt32(3) << 30)])
    func mergeSaturates(documents: UInt64, count: UInt32) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.tbl"), b = directory.appendingPathComponent("b.tbl")
        try Self.write(Self.craftedTable(documents: documents, entries: [(42, count)]), to: a)
        try Self.write(Self.craftedTable(documents: documents, entries: [(42, count)]), to: b)
        let merged = directory.appendingPathComponent("m.tbl")
        let result = try NazifProcess.run(["merge", a.path, b.path, "-o", merged.path])
        #expect(result.status == 0, "\(result.stderr)")
        let expectedDocuments = documents >= UInt64(Int.max) / 2 + 1 ? UInt64(Int.max) : documents * 2
        #expect(result.stderr.contains("\(expectedDocuments) documents"), "\(result.stderr)")
        let bytes = try [UInt8](Data(contentsOf: merged))
        let countOffset = bytes.count - 8 - 4
        let stored = bytes[countOffset..<countOffset + 4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
        #expect(stored == UInt32.max)
        let text = directory.appendingPathComponent("a.txt")
        try Data("سطر\n".utf8).write(to: text)
        #expect(try NazifProcess.run(["clean", "--table", merged.path, text.path]).status == 0)
    }

    /// A large input, made once: enough lines that a debug build is still writing when the signal
    /// comes.
    static let largeText: Data = {
        var text = ""
        for index in 0..<400_000 { text += "هذا سطر من نص عربي طويل يتكرر في الملف الكبير للاختبار رقم \(index)\n" }
        return Data(text.utf8)
    }()

    /// SIGINT, SIGTERM or SIGHUP during `-o FILE` leaves neither FILE nor its temporary file, and
    /// the exit status is 128 + the signal.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func interruptedRunLeavesNoFile(signalNumber: Int32) throws {
        let inputs = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let large = inputs.appendingPathComponent("large.txt")
        try Self.largeText.write(to: large)
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.txt")
        for arguments in [
            ["clean", "--lines", large.path, "-o", output.path],
            ["normalize", large.path, large.path, large.path, "-o", output.path],
        ] {
            let process = Process()
            process.executableURL = NazifProcess.binary
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Wait (at most 20 s) for the temporary file, then interrupt.
            let deadline = Date().addingTimeInterval(20)
            var temporary: [String] = []
            while process.isRunning && Date() < deadline && temporary.isEmpty {
                temporary = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".tmp") } ?? []
                usleep(10_000)
            }
            try #require(process.isRunning && !temporary.isEmpty, "\(arguments[0]) finished before the signal: input too small")
            usleep(100_000)  // inside the writing, not at its start
            kill(process.processIdentifier, signalNumber)
            let timedOut = BoundedProcess.wait(process, timeout: 20)
            #expect(!timedOut)
            #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signalNumber)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [], "\(arguments[0])")
        }
    }

    struct StreamCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let script: String
        let message: String
    }

    static let streamCases: [StreamCase] = [
        StreamCase(
            testDescription: "clean --jsonl FILE >&-", script: "exec \"$NAZIF\" clean --jsonl in.jsonl >&-", message: "standard output is closed"),
        StreamCase(testDescription: "clean FILE >&-", script: "exec \"$NAZIF\" clean in.txt >&-", message: "standard output is closed"),
        StreamCase(
            testDescription: "clean --lines FILE >&-", script: "exec \"$NAZIF\" clean --lines in.txt >&-", message: "standard output is closed"),
        StreamCase(testDescription: "clean --jsonl <&-", script: "exec \"$NAZIF\" clean --jsonl <&-", message: "standard input is closed"),
        StreamCase(testDescription: "clean --lines <&-", script: "exec \"$NAZIF\" clean --lines <&-", message: "standard input is closed"),
        StreamCase(testDescription: "clean <&-", script: "exec \"$NAZIF\" clean - <&-", message: "standard input is closed"),
        StreamCase(testDescription: "learn --jsonl <&-", script: "exec \"$NAZIF\" learn --jsonl -o t.tbl <&-", message: "standard input is closed"),
        StreamCase(testDescription: "normalize <&-", script: "exec \"$NAZIF\" normalize <&-", message: "standard input is closed"),
        StreamCase(testDescription: "normalize FILE >&-", script: "exec \"$NAZIF\" normalize in.txt >&-", message: "standard output is closed"),
        StreamCase(
            testDescription: "clean --jsonl FILE >/dev/full", script: "exec \"$NAZIF\" clean --jsonl in.jsonl >/dev/full", message: "No space left"),
        StreamCase(testDescription: "clean FILE -o /dev/full", script: "exec \"$NAZIF\" clean in.txt -o /dev/full", message: "No space left"),
        StreamCase(testDescription: "learn -o /dev/full", script: "exec \"$NAZIF\" learn in.txt -o /dev/full", message: "No space left"),
    ]

    /// A closed standard stream, or a full device, is an I/O error (74) with a message, for every
    /// command; nothing is left in the directory.
    @Test(arguments: streamCases)
    func closedStandardStreamExits74(_ test: StreamCase) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"text\":\"سطر\"}\n".utf8).write(to: directory.appendingPathComponent("in.jsonl"))
        try Data("سطر\n".utf8).write(to: directory.appendingPathComponent("in.txt"))
        let result = try BoundedProcess.shell(test.script, in: directory, timeout: 30)
        #expect(!result.timedOut)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains(test.message), "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!left.contains { $0.hasSuffix(".tmp") || $0 == "t.tbl" })
    }

    /// A bad `-o` is found before the first pass reads anything: with standard input a pipe that
    /// never ends, the command still stops at once with 74 (it would wait for ever otherwise).
    @Test(arguments: [
        "clean --jsonl -o missing/out.jsonl", "clean -o missing/out.txt", "clean --lines -o .",
        "learn --jsonl -o missing/t.tbl", "clean --jsonl --explain-file missing/e.jsonl",
    ])
    func badOutputFailsBeforeReading(arguments: String) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Standard input is a pipe kept open and never written: reading it would block.
        let process = Process()
        process.executableURL = NazifProcess.binary
        process.arguments = arguments.split(separator: " ").map(String.init)
        process.currentDirectoryURL = directory
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let timedOut = BoundedProcess.wait(process, timeout: 20)
        try? input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!timedOut, "read its input before checking -o")
        #expect(process.terminationStatus == 74, "\(message)")
        #expect(message.contains("missing/") || message.contains("directory"), "\(message)")
    }

    /// What `--on-error replace` did is said: repaired records are not "skipped", malformed JSON
    /// records are said to be left out.
    @Test(arguments: [
        ("learn", "replace", ["replaced invalid UTF-8 with U+FFFD in 1 record(s)", "left out 1 malformed JSON record(s)"]),
        ("clean", "replace", ["replaced invalid UTF-8 with U+FFFD in 1 record(s)", "left out 1 malformed JSON record(s)"]),
        ("learn", "skip", ["skipped 2 bad record(s) (1 malformed JSON)"]),
        ("clean", "skip", ["skipped 2 bad record(s) (1 malformed JSON)"]),
    ])
    func errorPolicyIsReported(command: String, policy: String, messages: [String]) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.jsonl")
        try Data("{\"text\":\"a\u{FF}\"}\n{\"text\": bad}\n{\"text\":\"b\"}\n".utf8).write(to: input)
        var bytes = try [UInt8](Data(contentsOf: input))
        bytes[bytes.firstIndex(of: 0xC3)!] = 0xFF  // "\u{FF}" is C3 BF: make it invalid UTF-8
        try Data(bytes).write(to: input)
        let result = try NazifProcess.run([
            command, "--jsonl", "--on-error", policy, input.path,
            "-o", directory.appendingPathComponent("out").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for message in messages { #expect(result.stderr.contains(message), "\(result.stderr)") }
        #expect(!(policy == "replace" && result.stderr.contains("skipped")), "\(result.stderr)")
    }

    /// Lone surrogate escapes are read as U+FFFD and counted on standard error; pairs are not.
    @Test(arguments: [
        (#"{"text":"x\ud800y"}"#, "read 1 lone surrogate escape(s)"),
        (#"{"text":"x\udc00y\ud800"}"#, "read 2 lone surrogate escape(s)"),
        (#"{"text":"x\ud800\u0041"}"#, "read 1 lone surrogate escape(s)"),
        (#"{"text":"x\ud83d\ude00"}"#, ""),
    ])
    func loneSurrogatesAreCounted(line: String, message: String) throws {
        let result = try NazifProcess.run(["clean", "--jsonl", "--no-templates"], stdin: Data((line + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == line + "\n")  // unchanged records keep their bytes
        if message.isEmpty {
            #expect(!result.stderr.contains("surrogate"), "\(result.stderr)")
        } else {
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    /// With the field twice, the first is the document and is rewritten; the second passes
    /// through byte for byte (documented in docs/README-reliability.md).
    @Test func duplicateFieldFirstIsTheDocument() throws {
        let line = #"{"text":"اقرأ أيضا: خبر آخر\nنص المقال الأول هنا، طويل بما يكفي.","text":"اقرأ أيضا: الثاني"}"#
        let result = try NazifProcess.run(["clean", "--jsonl", "--no-templates"], stdin: Data((line + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == #"{"text":"نص المقال الأول هنا، طويل بما يكفي.","text":"اقرأ أيضا: الثاني"}"# + "\n")
    }

    /// `tokenize --format tsv` escapes tab, line breaks and backslash inside a token.
    @Test(arguments: [("a\\b", "\\\\"), ("x\u{0B}y", "x")])
    func tsvEscaping(text: String, token: String) throws {
        let result = try NazifProcess.run(["tokenize", "--format", "tsv"], stdin: Data((text + "\n").utf8))
        #expect(result.status == 0)
        let tokens = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(tokens.allSatisfy { $0.count == 4 })
        #expect(tokens.contains { $0[0] == token }, "\(result.text)")
    }
}
