import Testing

@testable import Boilerplate

@Suite struct LexiconTests {
    @Test func defaultLexiconLoads() {
        let lexicon = Lexicon.default
        #expect(lexicon.entries.count > 100)
        #expect(lexicon.entries.contains { $0.rule == "read-also" && $0.scope == .rest })
        #expect(lexicon.cues["promo"]?.isEmpty == false)
    }

    /// Spellings of one marker have one key.
    @Test(arguments: ["إقرأ أيضاً", "اقرأ ايضا", "اقرأ أيضًا", "اقرأ أيضا", "إقرأ أيـضاً"])
    func markerSpellingsMeet(_ spelling: String) {
        let result = Cleaner().clean("نص قبل العنوان ينتهي هنا.\n\(spelling):\nمقال آخر هنا.\n")
        #expect(result.removals.first?.rule == "marker.read-also")
        #expect(result.removals.count == 2)
    }

    @Test(arguments: [
        ("line\texact\n", 1, "expected 4 tab-separated fields"),
        ("# comment\nlines\texact\tx\tكلمة\n", 2, "unknown scope"),
        ("line\tsometimes\tx\tكلمة\n", 1, "unknown match"),
        ("cue\texact\tpromo\tكلمة\n", 1, "cues take match 'word'"),
        ("line\texact\tbad rule\tكلمة\n", 1, "rule names"),
        ("\n\nline\texact\tx\t!!!\n", 3, "empty once normalized"),
    ])
    func malformedLexiconsSayWhere(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try Lexicon(parsing: text)
            Issue.record("parsed")
        } catch {
            #expect(error.code == .lexiconSyntax)
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description == "line \(line): \(error.message)")
        }
    }

    /// The kernel that finds the words that may be promotion cues finds exactly the words whose
    /// start is in the map, one at a time, on every key line of the seeds and the evaluation
    /// data, and on lines made to end inside a word's first four bytes.
    @Test func cueCandidatesAreTheWordsWhoseStartIsInTheMap() {
        let starts = Lexicon.default.cueStarts["promo"]!
        var documents = PropertyTests.documents + [LineTableTests.edgeLines.joined(separator: "\n")]
        if let articles = SaudiNewsNetTests.articles { documents += articles.prefix(500).map(\.content) }
        // Cue words, alone, at the ends, doubled, cut short, padded past sixteen bytes.
        let cues = ["جرب", "مجانا", "استمتع", "عرضنا", "دولارات"]
        var cueLines: [String] = []
        for cue in cues {
            let padding = String(repeating: "ب ", count: 9)
            cueLines += [cue, "x " + cue, cue + " y", String(cue.prefix(1)), padding + cue + cue, "  " + cue + "   " + cue + " "]
        }
        documents.append(cueLines.joined(separator: "\n"))
        var candidates = 0
        func compare(_ key: UnsafeBufferPointer<UInt8>) {
            var expected: [Range<Int>] = []
            LineTable.forEachWord(in: key) { word in
                if starts.contains(key, wordAt: word.lowerBound) { expected.append(word) }
            }
            var found: [Range<Int>] = []
            starts.forEachCandidate(in: key) { found.append($0) }
            #expect(found == expected, "\(String(decoding: key, as: UTF8.self))")
            candidates += found.count
        }
        // Each line's key, and each document's whole key text (line breaks inside words).
        LineTableTests.forEachLine(of: documents) { _, keys, line in compare(UnsafeBufferPointer(rebasing: keys[line.keyRange])) }
        for document in documents {
            var text = document
            text.withUTF8 { bytes in Cleaner.keyText(ofUTF8: bytes).key.withUnsafeBufferPointer { compare($0) } }
        }
        #expect(candidates > 100)
    }

    @Test func userEntriesAddToTheDefault() throws {
        var options = CleanerOptions()
        options.lexicon.add(try Lexicon(parsing: "line\texact\twidget\tاشترك بقناتنا على يوتيوب\n"))
        let result = Cleaner(options: options).clean("نص المقال هنا وهو طويل بما يكفي.\nاشترك بقناتنا على يوتيوب\n")
        #expect(result.removals.map(\.rule) == ["marker.widget"])
    }

    /// A lexicon saved with Windows line ends reads as the same entries.
    @Test func crlfLineEndsReadAsLines() throws {
        let lexicon = try Lexicon(parsing: "line\tstart\tp\tحمل تطبيقنا\r\nline\tstart\tq\tتابعونا\r\n")
        #expect(lexicon.entries.map(\.reportedRule) == ["marker.p", "marker.q"])
    }
}
