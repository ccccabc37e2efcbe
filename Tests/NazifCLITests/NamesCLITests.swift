import Foundation
import Testing

/// `nazif translit` and `nazif names`, end to end.
@Suite struct NamesCLITests {
    @Test func buckwalterBothWays() throws {
        let forward = try NazifProcess.run(["translit", "--scheme", "buckwalter"], stdin: Data("كِتابٌ 2024\nسطر\n".utf8))
        #expect(forward.status == 0)
        #expect(forward.text == "kitAbN 2024\nsTr\n")
        let back = try NazifProcess.run(["translit", "--scheme", "buckwalter", "--reverse"], stdin: forward.stdout)
        #expect(back.text == "كِتابٌ 2024\nسطر\n")
    }

    /// Every scheme brings the seeds' Arabic back (their Latin words aside).
    @Test(arguments: ["buckwalter", "safebw", "xmlbw", "hsb"])
    func schemesRoundTripArabicText(_ scheme: String) throws {
        let text = try String(contentsOf: NazifProcess.seedFiles[1], encoding: .utf8)
        let arabic = String(text.unicodeScalars.filter { $0.value >= 0x0600 || $0 == " " || $0 == "\n" }.map(Character.init))
        let there = try NazifProcess.run(["translit", "--scheme", scheme], stdin: Data(arabic.utf8))
        let back = try NazifProcess.run(["translit", "--scheme", scheme, "--reverse"], stdin: there.stdout)
        #expect(back.text == arabic)
    }

    @Test func icuSchemesAndErrors() throws {
        let latin = try NazifProcess.run(["translit", "--scheme", "icu:Arabic-Latin"], stdin: Data("بوتين\n".utf8))
        #expect(latin.status == 0 && latin.text == "bwtyn\n")
        let unknown = try NazifProcess.run(["translit", "--scheme", "icu:No-Such"], stdin: Data("x\n".utf8))
        #expect(unknown.status == 64)
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("rules.txt")
        try Data("ب > b;\nت > > t;\n".utf8).write(to: rules)
        let broken = try NazifProcess.run(["translit", "--scheme", "icu:Mine", "--rules", rules.path], stdin: Data("ب\n".utf8))
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("invalid transform rules at line 2, column"), "\(broken.stderr)")
        #expect(try NazifProcess.run(["translit", "--scheme", "morse"], stdin: Data()).status == 64)
    }

    @Test func romanizeKeyAndMatch() throws {
        let names = "كيم جونغ أون\nكيم جونج أون\nبيونج يانج\nفلاديفستوك\nسيرغي شويغو\n"
        let romanized = try NazifProcess.run(["names", "romanize"], stdin: Data(names.utf8))
        #expect(romanized.text == "Kim Jong Un\nKim Jong Un\nPyongyang\nVladivostok\nSergei Shoigu\n")
        let keys = try NazifProcess.run(["names", "key"], stdin: Data(names.utf8)).text.split(separator: "\n")
        #expect(keys.count == 5 && keys[0] == keys[1])
        let pairs = "كيم جونغ أون\tكيم جونج أون\nفولوديمير\tفلاديمير\nحسن\tحسين\nكيم جونغ إيل\tكيم جونغ أون\n"
        let matched = try NazifProcess.run(["names", "match"], stdin: Data(pairs.utf8)).text.split(separator: "\n")
        #expect(matched.map { $0.split(separator: "\t")[0] } == ["same", "different", "different", "different"])
        #expect(matched[0].hasSuffix("\t1.000"))
    }

    @Test func findListsTheSeedNames() throws {
        let result = try NazifProcess.run(["names", "find"] + NazifProcess.seedFiles.map(\.path))
        #expect(result.status == 0)
        let rows = Dictionary(
            uniqueKeysWithValues: result.text.split(separator: "\n").map { row -> (String, String) in
                let fields = row.split(separator: "\t")
                return (String(fields[0]), String(fields[2]))
            })
        #expect(rows["Kim Jong Un"]?.contains("كيم جونغ أون") == true && rows["Kim Jong Un"]?.contains("كيم جونج أون") == true)
        #expect(rows["Pyongyang"]?.split(separator: ";").count == 3)
        for name in ["Vladivostok", "Putin", "Shoigu"] { #expect(rows[name] != nil, "\(name)") }
    }

    /// A million names a second is the floor for `names key`; here only that it streams a big
    /// input correctly (speed is measured by make compare, not asserted).
    @Test func keyStreamsManyNames() throws {
        var input = ""
        for index in 0..<20_000 { input += index % 2 == 0 ? "كيم جونغ أون\n" : "بيونج يانج\n" }
        let result = try NazifProcess.run(["names", "key", "--threads", "2"], stdin: Data(input.utf8))
        let keys = result.text.split(separator: "\n")
        #expect(keys.count == 20_000)
        #expect(Set(keys).count == 2)
    }

    /// Bad UTF-8 in `names find` is reported with its line and byte, as in the other commands;
    /// `--on-error replace` reads on.
    @Test func findReportsInvalidUTF8WithItsLine() throws {
        let input = Data("بوتين في موسكو\nسطر ".utf8) + Data([0xD8, 0x20]) + Data("بوتين\n".utf8)
        let failed = try NazifProcess.run(["names", "find"], stdin: input)
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("<stdin>:2: invalid UTF-8 at byte 34 (byte 8 of the line)"), "\(failed.stderr)")
        let replaced = try NazifProcess.run(["names", "find", "--on-error", "replace"], stdin: input)
        #expect(replaced.status == 0 && replaced.text.hasPrefix("Putin\t2\t"), "\(replaced.text)")
    }

    /// `names key` and `names romanize` keep CRLF line breaks and give a last line without one
    /// none either.
    @Test func lineBreaksAreKept() throws {
        let key = try NazifProcess.run(["names", "key"], stdin: Data("كيم جونج أون\r\nبيونج يانج".utf8))
        #expect(key.text == "GMGNGAN\nBNGANG")
        let romanized = try NazifProcess.run(["names", "romanize"], stdin: Data("بيونج يانج\r\nبوتين".utf8))
        #expect(romanized.text == "Pyongyang\r\nPutin")
    }

    /// `--candidates N`: one line per name, Latin<TAB>score pairs best first, the first the
    /// plain output; dictionary names have one form with score 0.
    @Test func romanizeCandidates() throws {
        let names = "نافالني\nبوتين\nبودولياك\n"
        let plain = try NazifProcess.run(["names", "romanize"], stdin: Data(names.utf8)).text.split(separator: "\n")
        let result = try NazifProcess.run(["names", "romanize", "--candidates", "3"], stdin: Data(names.utf8))
        #expect(result.status == 0)
        let rows = result.text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 3)
        #expect(rows[1] == ["Putin", "0.000"])
        #expect(rows[0].count == 6 && rows[2].count == 6)
        for (row, plainLine) in zip(rows, plain) {
            #expect(row[0] == plainLine)
            let scores = stride(from: 1, to: row.count, by: 2).compactMap { Double(row[$0]) }
            #expect(scores.count == row.count / 2 && scores == scores.sorted(by: >))
        }
        let one = try NazifProcess.run(["names", "romanize", "--candidates", "1"], stdin: Data(names.utf8))
        #expect(one.text.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == plain.map(String.init))
        #expect(try NazifProcess.run(["names", "romanize", "--candidates", "0"], stdin: Data()).status == 64)
    }
}
