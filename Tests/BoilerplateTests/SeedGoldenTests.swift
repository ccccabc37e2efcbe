import Testing

@testable import Boilerplate

/// The five seed articles against their goldens in seeds/expected: the cleaned text byte for
/// byte and the rule that removed each line.
@Suite struct SeedGoldenTests {
    @Test(arguments: 0..<5)
    func cleanedTextMatchesGolden(_ seed: Int) throws {
        // The goldens are `nazif clean` output, which ends every document with a line break;
        // the library ends the cleaned text the way the document ended.
        var expected = try #require(Seeds.expected(seed))
        let source = Seeds.seed(seed)
        if !source.hasSuffix("\n") && expected.hasSuffix("\n") { expected.removeLast() }
        let result = Cleaner().clean(source)
        #expect(result.cleanedText == expected)
    }

    @Test(arguments: 0..<5)
    func removalsMatchGolden(_ seed: Int) throws {
        let name = Seeds.names[seed].prefix(3)
        let golden = try #require(Seeds.read(Seeds.repository + "seeds/expected/\(name).removed.tsv"))
        let expected = String(decoding: golden, as: UTF8.self).split(separator: "\n").map { row in
            let fields = row.split(separator: "\t")
            return "\(fields[0]) \(fields[1])"
        }
        let result = Cleaner().clean(Seeds.seed(seed))
        #expect(result.removals.map { "\($0.line) \($0.rule)" } == expected)
    }

    /// What the issue lists as boilerplate in the seeds, rule by rule.
    @Test func eachSeedLosesWhatItShould() {
        func rules(_ seed: Int) -> [Int: String] {
            Dictionary(uniqueKeysWithValues: Cleaner().clean(Seeds.seed(seed)).removals.map { ($0.line, $0.rule) })
        }
        let seed0 = rules(0), seed1 = rules(1), seed2 = rules(2), seed3 = rules(3), seed4 = rules(4)
        #expect(seed0[25] == "marker.source" && seed0[27] == "marker.tags" && seed0[29] == "marker.read-also")
        #expect(seed0[39] != nil && seed0[58] != nil)  // glued headlines and the related list go with the read-also block
        #expect(seed1[36] == "marker.tags" && seed1[38] == "marker.read-also" && seed1[50] != nil && seed1[65] != nil)
        #expect(seed2[57] == "promo" && seed2[59] == "marker.comment" && seed2.count == 2)
        #expect(seed3[1] == "header.site" && seed3[5] == "marker.share" && seed3[6] == "marker.widget" && seed3[9] == "byline")
        #expect(
            seed4[5] == "duplicate.paragraph" && seed4[25] == "marker.share" && seed4[27] == "marker.comment"
                && seed4[29] == "marker.comment")
    }

    /// Titles, subheadings and every article paragraph stay.
    @Test func articleLinesStay() {
        let mustStay: [(Int, [Int])] = [
            (0, [1, 3, 5, 7, 9, 13, 15, 19, 23]), (1, [1, 3, 4, 8, 9, 22, 24, 32]),
            (2, [1, 3, 17, 19, 31, 35, 37, 39, 45, 55]), (3, [3, 7, 11, 15, 21, 22, 32, 38]),
            (4, [1, 3, 7, 23]),
        ]
        for (seed, lines) in mustStay {
            let removed = Set(Cleaner().clean(Seeds.seed(seed)).removals.map(\.line))
            for line in lines { #expect(!removed.contains(line), "seed \(seed) line \(line) was removed") }
        }
    }
}

/// The CNN Arabic page of newspaper4k's fixtures: menus, comment policy, most-read list and
/// footer go; the six article lines stay.
@Suite struct CNNPageTests {
    static let page = String(decoding: Seeds.read(Seeds.repository + "Tests/BoilerplateTests/Fixtures/cnn_page_fulltext.txt")!, as: UTF8.self)

    @Test func onlyTheArticleStays() {
        let result = Cleaner().clean(Self.page)
        let lines = Self.page.split(separator: "\n", omittingEmptySubsequences: false)
        let article = lines[21...26].joined(separator: "\n") + "\n"
        #expect(result.cleanedText == article)
    }

    @Test func everyKeptLineIsInTheGold() {
        let gold = String(decoding: Seeds.read(Seeds.repository + "Tests/BoilerplateTests/Fixtures/cnn_gold_main_text.txt")!, as: UTF8.self)
        let normalizedGold = gold.filter { !$0.isWhitespace }
        for line in Cleaner().clean(Self.page).cleanedText.split(separator: "\n") {
            // Page line 22 holds two gold paragraphs glued together: compare without white space.
            let compact = line.filter { !$0.isWhitespace }
            #expect(normalizedGold.contains(compact.prefix(200)), "\(line.prefix(60))")
        }
    }
}
