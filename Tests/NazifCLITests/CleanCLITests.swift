import Foundation
import Testing

/// End-to-end tests of `nazif clean`, `learn` and `merge` on the seeds and on JSON Lines.
@Suite struct CleanCLITests {
    static let seedNames = ["000", "001", "002", "003", "004"]

    static func golden(_ seed: String, _ kind: String) throws -> Data {
        try Data(contentsOf: NazifProcess.repository.appendingPathComponent("seeds/expected/\(seed).\(kind)"))
    }

    static func seedFile(_ seed: String) -> URL {
        NazifProcess.seedFiles.first { $0.lastPathComponent.hasPrefix(seed) }!
    }

    @Test(arguments: seedNames)
    func cleanMatchesGolden(_ seed: String) throws {
        let result = try NazifProcess.run(["clean", Self.seedFile(seed).path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try Self.golden(seed, "clean.txt")))
    }

    /// Every seed's explanation lists the golden rules, line by line.
    @Test(arguments: seedNames)
    func explanationNamesTheRules(_ seed: String) throws {
        let result = try NazifProcess.run(["clean", "--explain", "-o", "/dev/null", Self.seedFile(seed).path])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as! [String: Any]
        let removed = object["removed"] as! [[String: Any]]
        let rows = removed.map { "\($0["line"]!)\t\($0["rule"]!)" }.joined(separator: "\n") + "\n"
        #expect(rows == String(decoding: try Self.golden(seed, "removed.tsv"), as: UTF8.self))
        let text = try Data(contentsOf: Self.seedFile(seed))
        for row in removed {
            let start = row["start"] as! Int, end = row["end"] as! Int
            #expect(end <= text.count && start <= end)
            #expect(!(row["detail"] as! String).isEmpty)
        }
        // /dev/null is still a device.
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    /// All five seeds at once: the same as one by one (no line repeats in three of them).
    @Test func severalFilesAreSeveralDocuments() throws {
        let result = try NazifProcess.run(["clean"] + NazifProcess.seedFiles.map(\.path))
        #expect(result.status == 0)
        let expected = try Self.seedNames.map { try Self.golden($0, "clean.txt") }.reduce(Data(), +)
        #expect(result.stdout == expected)
    }

    /// Output lines are a subsequence of input lines (the cleaner only removes whole lines).
    @Test func outputIsASubsequenceOfTheInput() throws {
        for file in NazifProcess.seedFiles {
            let input = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            let output = try NazifProcess.run(["clean", file.path]).text.components(separatedBy: "\n").dropLast()
            var index = 0
            for line in output {
                while index < input.count && input[index] != line { index += 1 }
                #expect(index < input.count, "\(line.prefix(40)) is not an input line in order")
                index += 1
            }
        }
    }

    // MARK: - JSON Lines

    static func jsonl(_ records: [[String: Any]]) throws -> Data {
        var data = Data()
        for record in records {
            data.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
            data.append(0x0A)
        }
        return data
    }

    /// Only the field changes; every other byte of every record stays, order and escapes included.
    @Test func jsonlChangesOnlyTheField() throws {
        var input = Data()
        for (index, seed) in Self.seedNames.enumerated() {
            let text = try String(contentsOf: Self.seedFile(seed), encoding: .utf8)
            let escaped = String(decoding: try JSONSerialization.data(withJSONObject: [text], options: []), as: UTF8.self)
                .dropFirst().dropLast()
            // Hand-written JSON: field order, spacing and a \u escape elsewhere must survive.
            input.append(
                Data(
                    "{\"url\": \"https://site\(index).example/a\", \"text\":\(escaped), \"meta\": {\"n\": [1, 2.5e3, null, true]}, \"title\": \"\\u0643\\u064a\\u0645\"}\n"
                        .utf8))
        }
        let result = try NazifProcess.run(["clean", "--jsonl", "--field", "text"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let inputLines = String(decoding: input, as: UTF8.self).split(separator: "\n")
        let outputLines = result.text.split(separator: "\n")
        #expect(outputLines.count == 5)
        for (index, (before, after)) in zip(inputLines, outputLines).enumerated() {
            // Same bytes outside the text field.
            #expect(before.hasPrefix("{\"url\": \"https://site\(index).example/a\", \"text\":"))
            #expect(after.hasPrefix("{\"url\": \"https://site\(index).example/a\", \"text\":"))
            #expect(after.hasSuffix(", \"meta\": {\"n\": [1, 2.5e3, null, true]}, \"title\": \"\\u0643\\u064a\\u0645\"}"))
            let object = try JSONSerialization.jsonObject(with: Data(after.utf8)) as! [String: Any]
            // The field is the cleaned article (without the final line break the file lacked).
            var golden = String(decoding: try Self.golden(Self.seedNames[index], "clean.txt"), as: UTF8.self)
            let original = try String(contentsOf: Self.seedFile(Self.seedNames[index]), encoding: .utf8)
            if !original.hasSuffix("\n") && golden.hasSuffix("\n") { golden.removeLast() }
            #expect(object["text"] as? String == golden)
        }
    }

    @Test func recordsWithoutTheFieldPassThrough() throws {
        let input = Data("{\"id\": 7, \"body\": \"x\"}\n{\"id\": 8, \"text\": null}\n".utf8)
        let result = try NazifProcess.run(["clean", "--jsonl"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == input)
    }

    @Test func malformedJSONExits65WithTheLine() throws {
        let input = Data("{\"text\": \"a\"}\n{\"text\": \"b\"\n{\"text\": \"c\"}\n".utf8)
        let result = try NazifProcess.run(["clean", "--jsonl", "--no-templates"], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2: malformed JSON"), "\(result.stderr)")
        let skipped = try NazifProcess.run(["clean", "--jsonl", "--on-error", "skip"], stdin: input)
        #expect(skipped.status == 0)
        #expect(skipped.text == "{\"text\": \"a\"}\n{\"text\": \"c\"}\n")
        #expect(skipped.stderr.contains("skipped 1 bad record"))
    }

    /// Strings as the scanner must read them: escapes (an escaped quote, a backslash before the
    /// closing quote, \u with surrogates), control characters (refused where they stand),
    /// unterminated strings and bad escapes, with the byte each error is reported at.
    @Test(arguments: [
        (#"{"text":"a\"b"}"#, ""), (#"{"text":"a\\"}"#, ""), (#"{"text":"قال \\\\\"نعم\\ ثم ذهب"}"#, ""),
        (#"{"text":"x\uD83D\uDE00y قال\n\"زيد\""}"#, ""), (#"{"a":"\"","text":"ب\"ت\\"}"#, ""),
        ("{\"text\":\"abcdefgh\u{01}ijkl\"}", "no control characters inside a string at byte 17"),
        ("{\"text\":\"ab\\\"cdefghijklmnopq\u{02}\"}", "no control characters inside a string at byte 28"),
        ("{\"text\":\"é\u{1F}\"}", "no control characters inside a string at byte 11"),
        ("{\"text\":\"abc\",\"x\":\"d\te\"}", "no control characters inside a string at byte 20"),
        (#"{"text":"ab"#, "the line ends early, expected '\"' to close the string at byte 11"),
        (#"{"text":"\""#, "the line ends early, expected '\"' to close the string at byte 11"),
        (#"{"text":"abcdefghijklmnop\"#, "expected an escape after '\\' at byte 25"),
        (#"{"text":"a\x"}"#, "expected a valid escape"), (#"{"text":"a\u12G4"}"#, "expected four hex digits after '\\u' at byte 11"),
    ])
    func jsonStringsAreScannedExactly(line: String, error: String) throws {
        let result = try NazifProcess.run(["clean", "--jsonl", "--no-templates"], stdin: Data((line + "\n").utf8))
        if error.isEmpty {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.text == line + "\n")
        } else {
            #expect(result.status == 65)
            #expect(result.stderr.contains(error), "\(result.stderr)")
        }
    }

    /// The field is decoded while it is scanned: \u escapes, surrogate pairs, lone surrogates
    /// (U+FFFD) and the short escapes come out as they would from any JSON reader, and are
    /// written back escaped once a line of the record is removed.
    @Test(arguments: [
        (#"\u0642\u0627\u0644 \ud83d\ude00 x"#, "قال 😀 x"), (#"a \ud83d b"#, "a \u{FFFD} b"),
        (#"a \ude00 b"#, "a \u{FFFD} b"), (#"a \ud83d\u0041 b"#, "a \u{FFFD}A b"),
        (#"\"q\" \\ \/ \t"#, #"\"q\" \\ / \t"#), (#"\u00e9\u20AC"#, "é€"),
    ])
    func escapesAreDecoded(escaped: String, written: String) throws {
        let marker = #"\n\u0627\u0644\u0645\u0635\u062f\u0631: \u0627\u0644\u0648\u0637\u0646"#  // "المصدر: الوطن"
        let input = Data(("{\"text\":\"" + escaped + marker + "\"}\n").utf8)
        let result = try NazifProcess.run(["clean", "--jsonl", "--no-templates"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "{\"text\":\"" + written + "\"}\n")
    }

    @Test func invalidUTF8InARecord() throws {
        var input = Data("{\"text\": \"ok\"}\n{\"text\": \"bad ".utf8)
        input.append(0xFF)
        input.append(Data("\"}\n".utf8))
        let failing = try NazifProcess.run(["clean", "--jsonl"], stdin: input)
        #expect(failing.status == 65)
        #expect(failing.stderr.contains(":2: invalid UTF-8 at byte 29"), "\(failing.stderr)")
        let replaced = try NazifProcess.run(["clean", "--jsonl", "--on-error", "replace"], stdin: input)
        #expect(replaced.status == 0)
        #expect(replaced.text == "{\"text\": \"ok\"}\n{\"text\": \"bad \u{FFFD}\"}\n")
    }

    /// A site footer repeated in three of five records goes; one repeated in two stays.
    @Test func templatesAcrossRecordsOfOneSite() throws {
        let topics = ["الاقتصاد", "الرياضة", "السياسة", "الصحة", "التعليم"]
        let footer = "يمكنكم متابعة الكاتب عبر صفحته الشخصية في الموقع"
        let column = "هذه فقرة من مقال رأي نشر مرتين في الموقع نفسه بتاريخين مختلفين كما يحدث أحيانا."
        var records: [[String: Any]] = []
        for (index, topic) in topics.enumerated() {
            var text = "مقال عن \(topic) مختلف تماما عن غيره من المقالات في هذا الموقع.\n"
            if index < 3 { text += footer + "\n" }
            if index < 2 { text += column + "\n" }
            records.append(["url": "https://www.okaz.com.sa/\(index)", "text": text])
        }
        let result = try NazifProcess.run(["clean", "--jsonl", "--explain"], stdin: try Self.jsonl(records))
        #expect(result.status == 0)
        #expect(!result.text.contains("يمكنكم متابعة"))
        #expect(result.text.components(separatedBy: "مقال رأي").count == 3)
        #expect(result.stderr.contains("\"rule\":\"template.site\",\"detail\":\"in 3 of 5 documents of okaz.com.sa\""))
    }

    /// The group of a record without --group-by is its URL's host: lowercased, "www." and any
    /// user, port, path, query or fragment dropped.
    @Test(arguments: [
        ("https://www.okaz.com.sa/1", "okaz.com.sa"), ("HTTP://WWW.Example.COM:8080/x", "example.com"),
        ("http://user@news.example/a?b", "news.example"), ("site.example/path", "site.example"),
        ("https://ar.wikipedia.org#x", "ar.wikipedia.org"), ("https://wwwx.example/", "wwwx.example"),
    ])
    func groupIsTheURLHost(url: String, host: String) throws {
        let footer = "يمكنكم متابعة الكاتب عبر صفحته الشخصية في الموقع"
        let topics = ["الاقتصاد", "الرياضة", "السياسة"]
        let records: [[String: Any]] = topics.map { ["url": url, "text": "مقال عن \($0) مختلف تماما عن غيره.\n\(footer)\n"] }
        let result = try NazifProcess.run(["clean", "--jsonl", "--explain"], stdin: try Self.jsonl(records))
        #expect(result.status == 0)
        #expect(result.stderr.contains("\"detail\":\"in 3 of 3 documents of \(host)\""), "\(result.stderr)")
    }

    // MARK: - learn, merge, --table

    @Test func learnMergeAndCleanWithATable() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeds = NazifProcess.seedFiles.map(\.path)
        let all = directory.appendingPathComponent("all.nzt").path
        let first = directory.appendingPathComponent("a.nzt").path
        let second = directory.appendingPathComponent("b.nzt").path
        let merged = directory.appendingPathComponent("merged.nzt").path
        #expect(try NazifProcess.run(["learn", "-o", all] + seeds).status == 0)
        #expect(try NazifProcess.run(["learn", "-o", first] + Array(seeds.prefix(2))).status == 0)
        #expect(try NazifProcess.run(["learn", "-o", second] + Array(seeds.dropFirst(2))).status == 0)
        let merging = try NazifProcess.run(["merge", first, second, "-o", merged])
        #expect(merging.status == 0, "\(merging.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: all)))
        let withTable = try NazifProcess.run(["clean", "--table", merged] + seeds)
        let twoPasses = try NazifProcess.run(["clean"] + seeds)
        #expect(withTable.status == 0 && withTable.stdout == twoPasses.stdout)
    }

    /// Without --table, clean's first pass keeps each batch's key text for the second (a spool
    /// file): the output must be the one a table learned apart gives, across several batches,
    /// with a batch holding a malformed record (skipped) and one with invalid UTF-8 (repaired),
    /// and also when no spool file can be made.
    @Test func twoPassesGiveWhatALearnedTableGives() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var input = Data()
        for copy in 0..<120 {
            for seed in Self.seedNames {
                let text = try String(contentsOf: Self.seedFile(seed), encoding: .utf8)
                input.append(
                    try Self.jsonl([
                        [
                            "id": "\(copy)-\(seed)", "url": "https://s\(copy % 3).example/\(copy)",
                            "text": "نسخة \(copy)\n" + text,
                        ]
                    ]))
            }
            if copy == 40 { input.append(Data("{\"text\": \"غير مكتمل\n".utf8)) }
            if copy == 90 { input.append(Data(Array("{\"text\":\"نص ".utf8) + [0xFF, 0xFE] + Array(" بايتات خاطئة\"}\n".utf8))) }
        }
        #expect(input.count > 3 << 20, "the input must span several batches")
        let inputFile = directory.appendingPathComponent("in.jsonl")
        try input.write(to: inputFile)
        let table = directory.appendingPathComponent("t.nzt").path
        let options = ["--jsonl", "--on-error", "replace"]
        #expect(try NazifProcess.run(["learn", "-o", table] + options + [inputFile.path]).status == 0)
        let withTable = try NazifProcess.run(["clean", "--table", table, "--explain"] + options + [inputFile.path])
        let twoPasses = try NazifProcess.run(["clean", "--explain"] + options + [inputFile.path])
        let noSpool = try NazifProcess.run(
            ["clean", "--explain"] + options + [inputFile.path],
            environment: ["TMPDIR": "/no/such/directory"])
        // A spool capped after its first batches: the rest is computed again.
        let capped = try NazifProcess.run(
            ["clean", "--explain"] + options + [inputFile.path],
            environment: ["NAZIF_KEY_SPOOL_LIMIT": "600000"])
        #expect(
            withTable.status == 0 && twoPasses.status == 0 && noSpool.status == 0 && capped.status == 0,
            "\(twoPasses.stderr.prefix(300))")
        #expect(!withTable.stdout.isEmpty && withTable.stderr.utf8.count > 1 << 20)
        #expect(twoPasses.stdout == withTable.stdout && noSpool.stdout == withTable.stdout && capped.stdout == withTable.stdout)
        #expect(twoPasses.stderr == withTable.stderr && noSpool.stderr == withTable.stderr && capped.stderr == withTable.stderr)
        #expect(twoPasses.stderr.contains("template.site"))
    }

    @Test func corruptOrForeignTablesAreRefused() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("t.nzt")
        #expect(try NazifProcess.run(["learn", "-o", table.path, Self.seedFile("000").path]).status == 0)
        var bytes = try Data(contentsOf: table)
        bytes[bytes.count / 2] ^= 0x55
        let corrupt = directory.appendingPathComponent("corrupt.nzt")
        try bytes.write(to: corrupt)
        let refused = try NazifProcess.run(["clean", "--table", corrupt.path, Self.seedFile("000").path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("corrupt table"), "\(refused.stderr)")
        let foreign = try NazifProcess.run(["merge", Self.seedFile("000").path, "-o", directory.appendingPathComponent("m").path])
        #expect(foreign.status == 65)
        #expect(foreign.stderr.contains("not a Nazif repetition table"))
        let missing = try NazifProcess.run(["clean", "--table", "/no/such.nzt", Self.seedFile("000").path])
        #expect(missing.status == 66)
    }

    /// Output does not depend on the number of threads.
    @Test func threadsDoNotChangeTheOutput() throws {
        var records: [[String: Any]] = []
        for copy in 0..<60 {
            for seed in Self.seedNames {
                let text = try String(contentsOf: Self.seedFile(seed), encoding: .utf8)
                records.append(["id": "\(copy)-\(seed)", "url": "https://s\(copy % 4).example/x", "text": "نسخة \(copy)\n" + text])
            }
        }
        let input = try Self.jsonl(records)
        let one = try NazifProcess.run(["clean", "--jsonl", "--threads", "1", "--explain"], stdin: input)
        let two = try NazifProcess.run(["clean", "--jsonl", "--threads", "2", "--explain"], stdin: input)
        let three = try NazifProcess.run(["clean", "--jsonl", "--threads", "3", "--explain"], stdin: input)
        #expect(one.status == 0 && !one.stdout.isEmpty)
        #expect(one.stdout == two.stdout && one.stdout == three.stdout)
        #expect(one.stderr == two.stderr && one.stderr == three.stderr)
    }

    @Test func linesModeTreatsEachLineAsADocument() throws {
        let input = Data("مقال أول عن الاقتصاد.\nأضف تعليق\nمقال ثان عن الرياضة.\n".utf8)
        let result = try NazifProcess.run(["clean", "--lines"], stdin: input)
        #expect(result.text == "مقال أول عن الاقتصاد.\nمقال ثان عن الرياضة.\n")
    }

    @Test func normalizeOption() throws {
        let result = try NazifProcess.run(["clean", "--normalize", "search"], stdin: Data("إقرأ هذا النص الطويل.\nأضف تعليق\n".utf8))
        #expect(result.text == "اقرا هذا النص الطويل.\n")
    }

    @Test func statsReportPerRuleTotals() throws {
        let result = try NazifProcess.run(["clean", "--stats", "-o", "/dev/null"] + NazifProcess.seedFiles.map(\.path))
        #expect(result.status == 0)
        #expect(result.stderr.contains("documents: 5"))
        #expect(result.stderr.contains("marker.read-also"))
    }

    @Test func badLexiconSaysWhere() throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lexicon = directory.appendingPathComponent("lexicon.tsv")
        try Data("# mine\nline\texact\twidget\n".utf8).write(to: lexicon)
        let result = try NazifProcess.run(["clean", "--lexicon", lexicon.path], stdin: Data("x\n".utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains("lexicon.tsv: line 2"), "\(result.stderr)")
    }

    @Test(arguments: [
        ["clean", "--min-count", "0"], ["clean", "--jsonl", "--lines"], ["clean", "--group-by", "x"],
        ["learn"], ["merge"], ["clean", "--table", "t", "--no-templates"],
    ])
    func badUsageExits64(_ arguments: [String]) throws {
        #expect(try NazifProcess.run(arguments, stdin: Data()).status == 64)
    }
}

/// A `--field` that no record has changes nothing, and says so.
@Suite struct MissingFieldTests {
    @Test(arguments: [(#"{"body":"نص"}"#, 1), (#"{"text":"نص"}"#, 0), (#"{"text":3}"#, 1)])
    func recordsWithoutTheFieldAreCounted(line: String, warned: Int) throws {
        let result = try NazifProcess.run(["clean", "--jsonl", "--no-templates"], stdin: Data((line + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == line + "\n")
        #expect(result.stderr.contains("\(warned) of 1 records have no \"text\" field (--field)") == (warned > 0), "\(result.stderr)")
    }
}
