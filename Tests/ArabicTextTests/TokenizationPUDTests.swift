import Testing

@testable import ArabicText

/// Orthographic-word agreement with UD Arabic-PUD (1,000 news sentences, CC BY-SA 3.0; the gold
/// is derived by Fixtures/make_pud_fixture.py).
@Suite struct TokenizationPUDTests {
    struct Score: CustomStringConvertible {
        var matched = 0, predicted = 0, gold = 0
        var precision: Double { Double(matched) / Double(max(predicted, 1)) }
        var recall: Double { Double(matched) / Double(max(gold, 1)) }
        var f1: Double { 2 * precision * recall / max(precision + recall, 1e-9) }
        var description: String {
            "P \(precision) R \(recall) F1 \(f1) (\(matched)/\(predicted) predicted, \(gold) gold)"
        }
    }

    /// The gold tokens as byte ranges of the text: each token found in order, spaces skipped.
    static func goldRanges(text: Substring, tokens: [Substring]) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var position = 0
        var ranges: [Range<Int>] = []
        for token in tokens {
            while position < bytes.count && bytes[position] == 0x20 { position += 1 }
            let length = token.utf8.count
            ranges.append(position..<position + length)
            position += length
        }
        return ranges
    }

    static func score(_ tokenize: (String) -> [Range<Int>]) -> (Score, [String]) {
        var score = Score()
        var errors: [String] = []
        for row in Fixtures.rows("pud_orthographic.tsv") {
            let text = row[1]
            let gold = Set(goldRanges(text: text, tokens: row[2].split(separator: " ")))
            let predicted = tokenize(String(text))
            let matched = predicted.filter { gold.contains($0) }.count
            score.matched += matched
            score.predicted += predicted.count
            score.gold += gold.count
            if matched != gold.count || matched != predicted.count {
                let bytes = Array(text.utf8)
                let show = { (r: Range<Int>) in String(decoding: bytes[r], as: UTF8.self) }
                let missing = gold.subtracting(predicted).sorted { $0.lowerBound < $1.lowerBound }
                let extra = Set(predicted).subtracting(gold).sorted { $0.lowerBound < $1.lowerBound }
                errors.append("\(row[0]) gold-only \(missing.map(show)) ours-only \(extra.map(show))")
            }
        }
        return (score, errors)
    }

    @Test func orthographicF1MeetsTheFloor() {
        let (score, errors) = Self.score { text in
            WordTokenizer.shared.tokens(in: text).map(\.range)
        }
        print("PUD orthographic tokens, Nazif: \(score)")
        for error in errors.prefix(40) { print("  \(error)") }
        #expect(score.f1 >= 0.997, "\(score)")
        // The corrections must beat ICU's raw word rules (0.9958 here).
        let (raw, _) = Self.score { text in
            var text = text
            return text.withUTF8 { bytes in
                WordTokenizer.shared.icuSegments(in: bytes).filter { segment in
                    !(segment.start..<segment.end).allSatisfy { SimpleWords.isASCIISpace(bytes[$0]) }
                }.map { $0.start..<$0.end }
            }
        }
        print("PUD orthographic tokens, ICU's raw word rules: \(raw)")
        #expect(score.f1 > raw.f1)
    }
}
