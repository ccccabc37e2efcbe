import Testing

@testable import ArabicText

/// The Swift decoder against its Python reference (`Tools/names/romanizer_reference.py`, which
/// decodes step for step as ``RomanizerModel`` does, in float32): on the first 300 one-word
/// held-out spellings, the same five candidates in the same order, with the same scores.
/// Regenerate the fixture after retraining: `python3 Tools/names/romanizer_reference.py`.
@Suite struct RomanizerAgreementTests {
    /// One fixture row: a word and the reference's n best (Latin, log10 score).
    struct Row: Sendable, CustomTestStringConvertible {
        var arabic: String
        var candidates: [(latin: String, score: Double)]
        var testDescription: String { arabic }
    }

    static let rows: [Row] = Fixtures.rows("romanizer_reference.tsv").map { fields in
        var candidates: [(latin: String, score: Double)] = []
        var index = 1
        while index + 1 < fields.count {
            candidates.append((String(fields[index]), Double(fields[index + 1]) ?? .nan))
            index += 2
        }
        return Row(arabic: String(fields[0]), candidates: candidates)
    }

    @Test func fixtureCoversTheListedWords() {
        #expect(Self.rows.count == 300)
        #expect(Self.rows.allSatisfy { $0.candidates.count == 5 })
    }

    @Test(arguments: rows)
    func swiftDecoderMatchesPythonReference(_ row: Row) {
        let found = RomanizerModel.builtIn.candidates(for: NameDictionary.spelling(row.arabic), count: 5)
        #expect(found.map(\.latin) == row.candidates.map(\.latin))
        for (swift, python) in zip(found, row.candidates) {
            // The fixture rounds scores to 4 decimals.
            #expect(abs(swift.score - python.score) < 0.0002, "\(swift.latin)")
        }
        // One path per history (the pruning without a sort): the same first spelling and score.
        let first = RomanizerModel.builtIn.candidates(for: NameDictionary.spelling(row.arabic), count: 1)
        #expect(first.map(\.latin) == row.candidates.prefix(1).map(\.latin))
        #expect(abs((first.first?.score ?? 0) - (row.candidates.first?.score ?? 0)) < 0.0002)
    }
}
