import Foundation
import Testing

/// `--field` and `--group-by` that records lack, end to end on the built binary: every command
/// that reads `--jsonl` counts the records without the string value and warns after the run
/// ("N of M records have no "F" field"); `--strict` makes the first one an error (exit 65 with
/// its file and line) and leaves no `-o` file.
@Suite struct FieldWarningCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var input: String
        var status: Int32
        /// Standard output, when it is checked.
        var stdout: String? = nil
        /// Lines standard error must contain (all of them); empty: standard error must be empty.
        var stderr: [String]
        var testDescription: String { name }
    }

    /// Two records with "text", one with "body" only, one whose "text" is a number, a blank line.
    static let mixed =
        "{\"text\":\"قال الرئيس\",\"site\":\"a\"}\n{\"body\":\"نص\",\"site\":\"b\"}\n\n{\"text\":5}\n{\"text\":\"نعم\",\"site\":\"a\"}\n"
    /// What `clean` writes of it unchanged: the records (it does not write blank lines back).
    static let mixedRecords = mixed.replacingOccurrences(of: "\n\n", with: "\n")

    static let cases: [Case] = [
        Case(
            name: "clean: a wrong --field changes nothing and says so",
            arguments: ["clean", "--jsonl", "--no-templates", "--field", "txt"], input: mixed, status: 0, stdout: mixedRecords,
            stderr: ["nazif clean: warning: 4 of 4 records have no \"txt\" field (--field); they were passed through unchanged"]),
        Case(
            name: "clean: records without the field are counted, a number is no string",
            arguments: ["clean", "--jsonl", "--no-templates"], input: mixed, status: 0,
            stderr: ["nazif clean: warning: 2 of 4 records have no \"text\" field (--field); they were passed through unchanged"]),
        Case(
            name: "clean: every record has the field: no warning",
            arguments: ["clean", "--jsonl", "--no-templates"], input: "{\"text\":\"نعم\"}\n\n{\"text\":\"لا\"}\n", status: 0,
            stdout: "{\"text\":\"نعم\"}\n{\"text\":\"لا\"}\n", stderr: []),
        Case(
            name: "clean: a --group-by field some records lack",
            arguments: ["clean", "--jsonl", "--group-by", "site"], input: mixed, status: 0,
            stderr: ["nazif clean: warning: 1 of 4 records have no \"site\" field (--group-by); they went to the group \"\""]),
        Case(
            name: "clean: a --group-by field no record has",
            arguments: ["clean", "--jsonl", "--group-by", "host"], input: mixed, status: 0,
            stderr: ["nazif clean: warning: 4 of 4 records have no \"host\" field (--group-by); they went to the group \"\""]),
        Case(
            name: "clean --strict: the first record without the field stops the run",
            arguments: ["clean", "--jsonl", "--strict"], input: mixed, status: 65,
            stderr: ["nazif clean: <stdin>:2: no \"text\" field (--field; --strict)"]),
        Case(
            name: "clean --strict --no-templates: same line (second pass only)",
            arguments: ["clean", "--jsonl", "--strict", "--no-templates"], input: mixed, status: 65,
            stderr: ["<stdin>:2: no \"text\" field (--field; --strict)"]),
        Case(
            name: "clean --strict: --group-by is checked too",
            arguments: ["clean", "--jsonl", "--strict", "--group-by", "site"], input: "{\"text\":\"نعم\",\"site\":\"a\"}\n{\"text\":\"لا\"}\n",
            status: 65,
            stderr: ["<stdin>:2: no \"site\" field (--group-by; --strict)"]),
        Case(
            name: "clean --strict: all records sound, no message",
            arguments: ["clean", "--jsonl", "--strict", "--group-by", "site"], input: "{\"text\":\"نعم\",\"site\":\"a\"}\n", status: 0,
            stdout: "{\"text\":\"نعم\",\"site\":\"a\"}\n", stderr: []),
        Case(
            name: "learn: records without the field are not counted",
            arguments: ["learn", "--jsonl", "--group-by", "site", "-o", "/dev/null"], input: mixed, status: 0,
            stderr: [
                "nazif learn: warning: 2 of 4 records have no \"text\" field (--field); they were not counted",
                "nazif learn: warning: 1 of 4 records have no \"site\" field (--group-by); they went to the group \"\"",
            ]),
        Case(
            name: "learn --strict",
            arguments: ["learn", "--jsonl", "--strict", "-o", "/dev/null"], input: mixed, status: 65,
            stderr: ["nazif learn: <stdin>:2: no \"text\" field (--field; --strict)"]),
        Case(
            name: "normalize: a wrong --field",
            arguments: ["normalize", "--jsonl", "--field", "txt"], input: mixed, status: 0, stdout: mixed,
            stderr: ["nazif normalize: warning: 4 of 4 records have no \"txt\" field (--field); they were passed through unchanged"]),
        Case(
            name: "normalize --strict",
            arguments: ["normalize", "--jsonl", "--strict"], input: mixed, status: 65,
            stderr: ["nazif normalize: <stdin>:2: no \"text\" field (--field; --strict)"]),
        Case(
            name: "tokenize --strict counts lines across the blank one",
            arguments: ["tokenize", "--jsonl", "--strict", "--field", "body"], input: "{\"body\":\"نعم\"}\n\n{\"text\":\"لا\"}\n", status: 65,
            stderr: ["nazif tokenize: <stdin>:3: no \"body\" field (--field; --strict)"]),
        Case(
            name: "dedup: records without the field are kept, never compared",
            arguments: ["dedup", "--jsonl"], input: mixed, status: 0, stdout: mixed,
            stderr: ["nazif dedup: warning: 2 of 4 records have no \"text\" field (--field); they were kept, never compared"]),
        Case(
            name: "dedup --strict",
            arguments: ["dedup", "--jsonl", "--strict"], input: mixed, status: 65,
            stderr: ["nazif dedup: <stdin>:2: no \"text\" field (--field; --strict)"]),
        Case(
            name: "dedup signatures --strict",
            arguments: ["dedup", "signatures", "--jsonl", "--strict", "-o", "/dev/null"], input: mixed, status: 65,
            stderr: ["nazif dedup signatures: <stdin>:2: no \"text\" field (--field; --strict)"]),
        Case(
            name: "--strict without --jsonl is a usage error",
            arguments: ["clean", "--strict"], input: "نص\n", status: 64, stderr: ["--strict needs --jsonl"]),
        Case(
            name: "normalize --strict without --jsonl is a usage error",
            arguments: ["normalize", "--strict"], input: "نص\n", status: 64, stderr: ["--strict needs --jsonl"]),
        Case(
            name: "--explain-format without --explain is a usage error",
            arguments: ["clean", "--explain-format", "text"], input: "نص\n", status: 64,
            stderr: ["--explain-format needs --explain (to standard error) or --explain-file FILE"]),
        Case(
            name: "--explain-format with --explain writes the table",
            arguments: ["clean", "--explain", "--explain-format", "text", "--no-templates"], input: "نص\n", status: 0,
            stdout: "نص\n", stderr: ["<stdin>"]),
    ]

    @Test(arguments: cases)
    func fieldWarnings(_ test: Case) throws {
        let result = try NazifProcess.run(test.arguments, stdin: Data(test.input.utf8))
        #expect(result.status == test.status, "\(result.stderr)")
        if let stdout = test.stdout { #expect(result.text == stdout) }
        if test.stderr.isEmpty {
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
        for line in test.stderr { #expect(result.stderr.contains(line), "\(result.stderr)") }
    }

    /// Counts are written with thousands separators.
    @Test func largeCountsAreGrouped() throws {
        let input = String(repeating: "{\"body\":\"نص\"}\n", count: 1_234)
        let result = try NazifProcess.run(["normalize", "--jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("1,234 of 1,234 records have no \"text\" field (--field)"), "\(result.stderr)")
    }

    /// `--strict` leaves no `-o` file (nor its temporary file), for every command that takes it;
    /// an old file of that name keeps its contents.
    @Test(arguments: [
        ["clean", "--jsonl"], ["clean", "--jsonl", "--no-templates"], ["learn", "--jsonl"],
        ["normalize", "--jsonl"], ["tokenize", "--jsonl"], ["dedup", "--jsonl"], ["dedup", "signatures", "--jsonl"],
    ])
    func strictLeavesNoOutputFile(_ command: [String]) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.jsonl")
        // Many sound records first, so that output is written before the bad one.
        let sound = String(repeating: "{\"text\":\"قال الرئيس في المؤتمر\"}\n", count: 20_000)
        try Data((sound + "{\"body\":1}\n").utf8).write(to: input)
        let fresh = directory.appendingPathComponent("fresh.out")
        let result = try NazifProcess.run(command + ["--strict", "-o", fresh.path, input.path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("in.jsonl:20001: no \"text\" field (--field; --strict)"), "\(result.stderr)")
        let old = directory.appendingPathComponent("old.out")
        try Data("old\n".utf8).write(to: old)
        #expect(try NazifProcess.run(command + ["--strict", "-o", old.path, input.path]).status == 65)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == ["in.jsonl", "old.out"], "\(left)")
        #expect(try Data(contentsOf: old) == Data("old\n".utf8))
    }
}
