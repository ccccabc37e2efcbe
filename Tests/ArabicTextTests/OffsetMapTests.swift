import Testing

@testable import ArabicText

/// The map from normalized bytes back to the original's.
@Suite struct OffsetMapTests {
    /// Finds `word` in the normalized text and maps it back: the original bytes there must
    /// normalize to the word.
    @Test(arguments: [
        ("قالَ  أحمد", "احمد", "أحمد"),
        ("\u{200F}كيم جونغ  أون", "اون", "أون"),
        ("ﻻ تقل", "لا", "ﻻ"),
        ("عام ٢٠٢٤م", "2024م", "٢٠٢٤م"),
        ("کوریا الشمالیة", "الشماليه", "الشمالیة"),
        ("مُحَمَّدٌ رسول", "رسول", "رسول"),
        ("مُحَمَّدٌ رسول", "محمد", "مُحَمَّدٌ"),
    ])
    func wordsMapBack(_ source: String, _ word: String, _ original: String) throws {
        let result = ArabicNormalizer(profile: .search).normalizeWithOffsets(source)
        let normalized = Array(result.text.utf8)
        let target = Array(word.utf8)
        let start = try #require(
            (0...(normalized.count - target.count)).first {
                Array(normalized[$0..<$0 + target.count]) == target
            })
        let range = result.offsets.sourceRange(for: start..<start + target.count)
        let sourceBytes = Array(source.utf8)
        #expect(String(decoding: sourceBytes[range], as: UTF8.self) == original)
    }

    /// Every output byte maps inside the source, ranges are monotone, and the whole output maps
    /// to the whole source minus trimmed edges.
    @Test(arguments: NormalizationProfile.allCases)
    func mapsAreMonotoneOnRealText(_ profile: NormalizationProfile) {
        let normalizer = ArabicNormalizer(profile: profile)
        for line in IdempotenceTests.corpus.prefix(1500) {
            let result = normalizer.normalizeWithOffsets(line)
            #expect(result.text == normalizer.normalize(line))
            let count = result.text.utf8.count
            var previous = 0
            for offset in 0..<count {
                let range = result.offsets.sourceRange(for: offset..<offset + 1)
                #expect(range.lowerBound >= previous)
                #expect(range.upperBound <= line.utf8.count)
                #expect(!range.isEmpty)
                previous = range.lowerBound
            }
        }
    }

    @Test func emptyRangesAndEnds() {
        let result = ArabicNormalizer(profile: .display).normalizeWithOffsets("  أ  ")
        #expect(result.text == "أ")
        #expect(result.offsets.sourceRange(for: 0..<2) == 2..<4)
        #expect(result.offsets.sourceRange(for: 2..<2) == 6..<6)
    }
}
