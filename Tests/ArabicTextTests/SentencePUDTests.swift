import Testing

@testable import ArabicText

/// Sentence boundaries on UD Arabic-PUD: the 1,000 sentences joined into paragraphs of eight.
@Suite struct SentencePUDTests {
    static let paragraphs: [(text: String, boundaries: Set<Int>)] = {
        let sentences = Fixtures.rows("pud_orthographic.tsv").map { String($0[1]) }
        var result: [(String, Set<Int>)] = []
        var index = 0
        while index < sentences.count {
            let group = sentences[index..<min(index + 8, sentences.count)]
            var text = ""
            var boundaries = Set<Int>()
            for sentence in group {
                if !text.isEmpty {
                    text += " "
                    boundaries.insert(text.utf8.count)
                }
                text += sentence
            }
            result.append((text, boundaries))
            index += 8
        }
        return result
    }()

    static func score(_ split: (String) -> [Range<Int>]) -> (f1: Double, errors: [String]) {
        var matched = 0, predicted = 0, gold = 0
        var errors: [String] = []
        for paragraph in paragraphs {
            let ours = Set(split(paragraph.text).map(\.lowerBound).filter { $0 > 0 })
            matched += ours.intersection(paragraph.boundaries).count
            predicted += ours.count
            gold += paragraph.boundaries.count
            let bytes = Array(paragraph.text.utf8)
            let context = { (offset: Int) -> String in
                let lower = max(0, offset - 40), upper = min(bytes.count, offset + 30)
                return String(decoding: bytes[lower..<offset], as: UTF8.self) + " ‖ "
                    + String(decoding: bytes[offset..<upper], as: UTF8.self)
            }
            for offset in ours.subtracting(paragraph.boundaries).sorted() {
                errors.append("extra: \(context(offset))")
            }
            for offset in paragraph.boundaries.subtracting(ours).sorted() {
                errors.append("missed: \(context(offset))")
            }
        }
        let precision = Double(matched) / Double(max(predicted, 1))
        let recall = Double(matched) / Double(max(gold, 1))
        return (2 * precision * recall / max(precision + recall, 1e-9), errors)
    }

    @Test func boundaryF1MeetsTheFloor() {
        let (f1, errors) = Self.score { SentenceSplitter.shared.sentences(in: $0) }
        print("PUD sentence boundaries, Nazif: F1 \(f1), \(errors.count) errors")
        for error in errors.prefix(60) { print("  \(error)") }
        #expect(f1 >= 0.99)
        let (raw, _) = Self.score { text in
            var text = text
            return text.withUTF8 { bytes in
                var boundaries: [Int] = []
                SentenceSplitter.shared.pool.withBreaker { breaker in
                    breaker.forEachBoundary(in: bytes) { boundary, _ in boundaries.append(boundary) }
                }
                var ranges: [Range<Int>] = []
                var start = 0
                for boundary in boundaries {
                    ranges.append(start..<boundary)
                    start = boundary
                }
                return ranges
            }
        }
        print("PUD sentence boundaries, ICU's raw rules: F1 \(raw)")
        #expect(f1 > raw)
    }
}
