import Foundation
import Testing

/// End-to-end tests of `normalize --jsonl --field` and `tokenize --jsonl --field`: the built
/// binary on the seeds wrapped as JSON Lines records. The field's new value must equal what the
/// plain-text command gives on the same text (the goldens in seeds/expected), and every other
/// byte of the record must stay as it was.
@Suite struct JSONFieldCLITests {
    static let seedNames = ["000", "001", "002", "003", "004"]

    /// A seed as one record, with fields before and after the text and irregular spacing.
    static func record(_ seed: String, field: String = "text") throws -> (line: Data, text: String) {
        let file = NazifProcess.seedFiles.first { $0.lastPathComponent.hasPrefix(seed) }!
        let text = try String(contentsOf: file, encoding: .utf8)
        let encoded = try JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])
        var line = Data("{\"id\": \"\(seed)\",  \"\(field)\":".utf8)
        line.append(encoded)
        line.append(Data(" , \"url\":\"https://example.com/\(seed)\", \"n\": [1, {\"text\": 2}]}".utf8))
        return (line, text)
    }

    /// The record's bytes before and after the value of its first top-level "text" field.
    static func around(_ line: Data) -> (before: Data, after: Data)? {
        guard let key = line.range(of: Data("\"text\":".utf8)) else { return nil }
        var index = key.upperBound
        guard index < line.endIndex, line[index] == UInt8(ascii: "\"") || line[index] == UInt8(ascii: "[") else { return nil }
        // Skip the value: a string, or an array of flat objects whose strings may hold brackets.
        var depth = 0, inString = false, escaped = false
        repeat {
            let byte = line[index]
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
            }
            index += 1
        } while index < line.endIndex && (inString || depth > 0)
        return (line[..<key.upperBound], line[index...])
    }

    static func field(of output: Data) throws -> Any? {
        let object = try JSONSerialization.jsonObject(with: output) as? [String: Any]
        return object?["text"]
    }

    @Test(arguments: seedNames)
    func normalizeFieldMatchesGoldenAndKeepsOtherBytes(_ seed: String) throws {
        let (line, _) = try Self.record(seed)
        let result = try NazifProcess.run(["normalize", "--profile", "search", "--jsonl"], stdin: line + Data([0x0A]))
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(
            contentsOf: NazifProcess.repository
                .appendingPathComponent("seeds/expected/\(seed).search.txt"), encoding: .utf8)
        #expect(try Self.field(of: result.stdout) as? String == golden)
        let before = try #require(Self.around(line)), after = try #require(Self.around(result.stdout))
        #expect(before.before == after.before)
        #expect(before.after + Data([0x0A]) == after.after)
    }

    @Test(arguments: seedNames)
    func tokenizeFieldMatchesGolden(_ seed: String) throws {
        let (line, _) = try Self.record(seed)
        let result = try NazifProcess.run(["tokenize", "--jsonl"], stdin: line)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(
            contentsOf: NazifProcess.repository
                .appendingPathComponent("seeds/expected/\(seed).tokens.txt"), encoding: .utf8)
        #expect(try Self.field(of: result.stdout) as? String == golden)
        let before = try #require(Self.around(line)), after = try #require(Self.around(result.stdout))
        #expect(before.before == after.before && before.after == after.after)
    }

    /// The array form: the same tokens and offsets as `tokenize --format jsonl` on the seed file,
    /// and each token is the slice start..<end of the field's UTF-8 bytes.
    @Test(arguments: [(seed: "000", sentences: false), (seed: "003", sentences: false), (seed: "001", sentences: true)])
    func tokenizeFieldAsArrayHasOffsetsIntoTheField(_ seed: String, sentences: Bool) throws {
        let (line, text) = try Self.record(seed)
        let extra = sentences ? ["--sentences"] : []
        let result = try NazifProcess.run(["tokenize", "--jsonl", "--format", "jsonl"] + extra, stdin: line)
        #expect(result.status == 0, "\(result.stderr)")
        let tokens = try #require(try Self.field(of: result.stdout) as? [[String: Any]])
        let file = NazifProcess.seedFiles.first { $0.lastPathComponent.hasPrefix(seed) }!
        let plain = try NazifProcess.run(["tokenize", "--format", "jsonl"] + extra + [file.path])
        let plainTokens = try plain.stdout.split(separator: 0x0A).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
        #expect(tokens.count == plainTokens.count && !tokens.isEmpty)
        let bytes = Array(text.utf8)
        for (token, reference) in zip(tokens, plainTokens) {
            let start = token["start"] as! Int, end = token["end"] as! Int
            #expect(start == reference["start"] as! Int && end == reference["end"] as! Int)
            #expect(token["kind"] as! String == reference["kind"] as! String)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == token["token"] as! String)
        }
    }

    struct BadInputCase: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let input: String
        let status: Int32
        let stdout: String?
        let stderr: String

        var testDescription: String { name }
    }

    static let badInputCases: [BadInputCase] = [
        BadInputCase(
            name: "malformed record fails with its line and byte",
            arguments: ["normalize", "--jsonl"], input: "{\"text\":\"أ\"}\n{\"text\":bad}\n",
            status: 65, stdout: nil, stderr: "<stdin>:2: malformed JSON: expected a value"),
        BadInputCase(
            name: "malformed record written unchanged with replace",
            arguments: ["normalize", "--jsonl", "--on-error", "replace"], input: "{\"text\":\"أ\"}\n{\"text\":bad}\n",
            status: 0, stdout: "{\"text\":\"ا\"}\n{\"text\":bad}\n", stderr: "1 malformed JSON record(s) written unchanged"),
        BadInputCase(
            name: "records without the field pass through with a warning",
            arguments: ["tokenize", "--jsonl", "--field", "body"], input: "{\"text\":\"قال: نعم\"}\n{\"body\":5}\n\n",
            status: 0, stdout: "{\"text\":\"قال: نعم\"}\n{\"body\":5}\n\n",
            stderr: "2 of 2 records have no \"body\" field (--field); they were passed through unchanged"),
        BadInputCase(
            name: "the first of two fields of the same name",
            arguments: ["normalize", "--jsonl"], input: "{\"text\":\"أ\",\"text\":\"إ\"}\n",
            status: 0, stdout: "{\"text\":\"ا\",\"text\":\"إ\"}\n", stderr: ""),
        BadInputCase(
            name: "invalid UTF-8 in a record fails",
            arguments: ["normalize", "--jsonl"], input: "{\"text\":\"ok\"}\n{\"text\":\"a\u{FFFD}\"}\n",
            status: 65, stdout: nil, stderr: "<stdin>:2: invalid UTF-8 at byte 24"),
        BadInputCase(
            name: "a lone surrogate escape is counted",
            arguments: ["normalize", "--jsonl"], input: "{\"text\":\"\\ud800x\"}\n",
            status: 0, stdout: "{\"text\":\"\u{FFFD}x\"}\n", stderr: "read 1 lone surrogate escape(s)"),
        BadInputCase(
            name: "tsv output with --jsonl is a usage error",
            arguments: ["tokenize", "--jsonl", "--format", "tsv"], input: "{\"text\":\"a\"}\n",
            status: 64, stdout: nil, stderr: "--format tsv cannot be used with --jsonl"),
    ]

    @Test(arguments: badInputCases)
    func badInput(_ test: BadInputCase) throws {
        var input = Data(test.input.utf8)
        // The U+FFFD in the table stands for a lone 0xFF byte (invalid UTF-8).
        if let range = input.range(of: Data("\u{FFFD}".utf8)), test.name.contains("invalid UTF-8") {
            input.replaceSubrange(range, with: [0xFF])
        }
        let result = try NazifProcess.run(test.arguments, stdin: input)
        #expect(result.status == test.status, "\(result.stderr)")
        if let stdout = test.stdout { #expect(String(decoding: result.stdout, as: UTF8.self) == stdout) }
        #expect(test.stderr.isEmpty ? result.stderr.isEmpty : result.stderr.contains(test.stderr), "\(result.stderr)")
    }

    /// Records span many chunks; the output does not depend on the thread count.
    @Test(arguments: [["normalize", "--jsonl"], ["tokenize", "--jsonl", "--format", "jsonl"]])
    func outputIsTheSameOnOneOrTwoThreads(_ command: [String]) throws {
        var input = Data()
        var copy = 0
        while input.count < 2_000_000 {
            for seed in Self.seedNames {
                input.append(try Self.record(seed).line)
                input.append(Data("\n".utf8))
            }
            copy += 1
        }
        let one = try NazifProcess.run(command + ["--threads", "1"], stdin: input)
        let two = try NazifProcess.run(command + ["--threads", "2"], stdin: input)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout && !one.stdout.isEmpty)
        #expect(one.stdout.filter { $0 == 0x0A }.count == input.filter { $0 == 0x0A }.count)
    }
}
