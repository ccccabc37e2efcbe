import Foundation
import Testing

/// End-to-end tests of plain text cut into documents (form feeds, `--doc-separator`) and of the
/// bound on one document's size: the built binary on the seeds.
@Suite struct DocumentSeparationCLITests {
    /// The seeds, each ending with a line break (a separator line must be a line of its own).
    static func seedTexts() throws -> [String] {
        try NazifProcess.seedFiles.map {
            let text = try String(contentsOf: $0, encoding: .utf8)
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }

    static func write(_ text: String, name: String) throws -> URL {
        let url = try NazifProcess.temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Separators between the seeds: the output is each seed's own cleaned text, with the
    /// separator written back between them (the seeds share no lines, so no template forms).
    @Test(arguments: [
        (["clean"], "\u{0C}\n"), (["clean", "--doc-separator", "=== مقال ==="], "=== مقال ===\n"),
        (["clean"], "\u{0C}"),
    ])
    func separatedSeedsAreCleanedOneByOne(_ arguments: [String], _ separator: String) throws {
        let seeds = try Self.seedTexts()
        #expect(seeds.count == 5)
        let file = try Self.write(seeds.joined(separator: separator), name: "seeds.txt")
        let result = try NazifProcess.run(arguments + [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        var expected = ""
        for (index, seed) in seeds.enumerated() {
            let one = try NazifProcess.run(["clean"], stdin: Data(seed.utf8))
            if index > 0 { expected += separator }
            expected += one.text
        }
        #expect(result.text == expected)
    }

    /// A file of many documents is read a few MiB at a time, in flat memory: over 4 MiB of
    /// distinct documents give the same cleaned texts as the same documents in one JSON Lines
    /// run, the same with one thread or two, and `--explain` numbers documents and lines on
    /// across the batches.
    @Test func manyDocumentsStreamAcrossBatches() throws {
        let seeds = try Self.seedTexts()
        var documents: [String] = []
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
        for copy in 0..<150 {
            // Each copy's lines carry their own word, so no line repeats across documents.
            let tag = String([letters[copy % letters.count], letters[(copy / letters.count) % letters.count], "ا", "ن"])
            for seed in seeds {
                documents.append(
                    seed.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.isEmpty ? "" : $0 + " " + tag }.joined(separator: "\n"))
            }
        }
        let plain = documents.joined(separator: "\u{0C}\n")
        #expect(plain.utf8.count > 4 << 20)
        let directory = try NazifProcess.temporaryDirectory()
        let plainFile = directory.appendingPathComponent("many.txt")
        try Data(plain.utf8).write(to: plainFile)
        let jsonlFile = directory.appendingPathComponent("many.jsonl")
        var jsonl = Data()
        for document in documents {
            jsonl.append(try JSONSerialization.data(withJSONObject: ["text": document]))
            jsonl.append(0x0A)
        }
        try jsonl.write(to: jsonlFile)

        let explain = directory.appendingPathComponent("explain.jsonl")
        let two = try NazifProcess.run(["clean", "--threads", "2", "--explain-file", explain.path, plainFile.path])
        #expect(two.status == 0, "\(two.stderr)")
        let one = try NazifProcess.run(["clean", "--threads", "1", plainFile.path])
        #expect(one.stdout == two.stdout)
        let records = try NazifProcess.run(["clean", "--jsonl", jsonlFile.path])
        #expect(records.status == 0, "\(records.stderr)")
        let cleaned = try records.text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["text"] as? String ?? "?"
        }
        #expect(cleaned.count == documents.count)
        #expect(two.text == cleaned.joined(separator: "\u{0C}\n"))
        #expect(two.text.utf8.count > plain.utf8.count / 4, "the documents were not emptied")

        // Explanations: one record per document that lost a line, numbered 1… in order, each
        // starting on the line where its document starts in the file.
        var starts: [Int] = [1]
        var line = 1
        for document in documents.dropLast() {
            line += document.utf8.filter { $0 == 0x0A }.count + 1
            starts.append(line)
        }
        let explained = try String(contentsOf: explain, encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(explained.count > documents.count / 2)
        var previous = 0
        for record in explained {
            let number = try #require(record["document"] as? Int)
            #expect(number > previous)
            previous = number
            #expect(record["line"] as? Int == starts[number - 1], "document \(number)")
        }
        #expect(previous > documents.count - 5)
    }

    /// A document over the bounds is refused with exit 65, a message naming the bound and how
    /// to cut the input, and no partial output file.
    @Test(arguments: [
        (["--max-document-size", "1"], 2, "over 1 MiB (--max-document-size)"),
        (["--max-document-lines", "40"], 1, "over 40 lines (--max-document-lines)"),
    ])
    func oversizedDocumentsAreRefused(_ options: [String], copies: Int, message: String) throws {
        let seeds = try Self.seedTexts()
        // One document: the seeds run together `copies` × 40 times (about 1.3 MB a copy).
        let text = String(repeating: seeds.joined(), count: 40 * copies)
        let file = try Self.write(text, name: "one.txt")
        let output = file.deletingLastPathComponent().appendingPathComponent("out.txt")
        let result = try NazifProcess.run(["clean"] + options + ["-o", output.path, file.path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("one.txt: the document is \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("--doc-separator"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// With `--lines` and `--jsonl` a document is a line: one over the bound is refused with its
    /// line number, after reading about the bound (a short line before it is fine).
    @Test(arguments: [["--lines"], ["--jsonl"]])
    func overlongLinesAreRefused(_ options: [String]) throws {
        let long = String(repeating: "كلمة ", count: 250_000)  // 2.5 MB, one line
        let text = options == ["--jsonl"] ? "{\"text\":\"سطر\"}\n{\"text\":\"\(long)\"}\n" : "سطر\n\(long)\n"
        let file = try Self.write(text, name: "long.txt")
        let result = try NazifProcess.run(["clean", "--max-document-size", "1"] + options + [file.path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("long.txt: line 2 is over 1 MiB (--max-document-size)"), "\(result.stderr)")
        let within = try NazifProcess.run(["clean", "--max-document-size", "3"] + options + [file.path])
        #expect(within.status == 0, "\(within.stderr)")
    }

    @Test(arguments: [["--max-document-size", "0"], ["--max-document-size", "2000000"], ["--max-document-lines", "0"]])
    func badBoundsAreUsageErrors(_ options: [String]) throws {
        let result = try NazifProcess.run(["clean"] + options, stdin: Data("نص\n".utf8))
        #expect(result.status == 64, "\(result.stderr)")
    }
}
