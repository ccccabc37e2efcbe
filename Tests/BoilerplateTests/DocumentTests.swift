import Testing

@testable import Boilerplate

/// `Document`: the prepared form handed to the table and the cleaner gives the same answers as
/// the byte entry points, and its parts always belong to its text.
@Suite struct DocumentTests {
    /// The seeds and edge cases: CRLF, digits, no final line break, blank lines, an empty text,
    /// only line breaks, a last line whose key is empty.
    static let texts: [String] =
        Seeds.names.indices.map { Seeds.seed($0) } + [
            "عام ٢٠٢٤\r\nإقرأ أيضاً\r\n\r\n(165) رمز\n",
            "سطر بلا فاصل في آخره",
            "",
            "\n\n\n",
            "نص المقال.\n***",
            "  \u{200F}\n\u{00A0}\nسطر\n",
        ]

    @Test(arguments: texts)
    func decidesAsTheByteEntryPointDoes(text: String) {
        let document = Document(text)
        let cleaner = Cleaner()
        var copy = text
        let expected = copy.withUTF8 { cleaner.decide(utf8: $0) }
        let verdict = cleaner.decide(document)
        #expect(verdict.removals == expected.removals)
        #expect(verdict.keptSpans == expected.keptSpans)
        #expect(verdict.lineCount == expected.lineCount)
        #expect(
            String(decoding: verdict.cleanedBytes(of: document, terminate: false), as: UTF8.self)
                == cleaner.clean(text).cleanedText)
    }

    @Test(arguments: texts)
    func partsBelongToTheText(text: String) {
        let document = Document(text)
        #expect(document.text == Array(text.utf8))
        #expect(Document.lineBreaks(in: document.keyText) == Document.lineBreaks(in: document.text))
        let (key, firstInvalid) = document.text.withUnsafeBufferPointer { Cleaner.keyText(ofUTF8: $0) }
        #expect(document.keyText == key)
        #expect(document.firstInvalidOffset == firstInvalid)
        #expect(document.lineHashes == RepetitionTable.lineHashes(of: text))
        #expect(document.distinctLineHashes == RepetitionTable.distinctSorted(document.lineHashes))
    }

    /// Counting documents counts what the hashes of their texts count.
    @Test func tableCountsDocumentsAsTheirHashes() {
        var byDocument = RepetitionTable(), byHashes = RepetitionTable()
        for (index, text) in Self.texts.enumerated() {
            let group = index % 2 == 0 ? "a" : "b"
            byDocument.add(Document(text), group: group)
            byHashes.add(lineHashes: RepetitionTable.lineHashes(of: text), group: group)
        }
        #expect(byDocument.serialized() == byHashes.serialized())
    }

    /// Ill-formed UTF-8 stays in the text and is reported where it starts.
    @Test(arguments: [([0x61, 0xFF, 0x0A], 1), ([0xD8, 0xA7, 0xD8], 2), ([0x0A, 0xC0, 0x80], 1), ([0x61, 0x0A], nil)] as [([UInt8], Int?)])
    func illFormedTextIsReported(bytes: [UInt8], firstInvalid: Int?) {
        let document = Document(utf8: bytes)
        #expect(document.text == bytes)
        #expect(document.firstInvalidOffset == firstInvalid)
        #expect(document.isValidUTF8 == (firstInvalid == nil))
        #expect(Cleaner().decide(document).firstInvalidOffset == firstInvalid)
    }

    /// The fingerprint that guards the spool tells texts apart that differ in one byte, in
    /// length, or only past the four-lane blocks, and is the same for the same bytes.
    @Test(arguments: [
        ("", "a"), ("abc", "abd"), (String(repeating: "ب", count: 40), String(repeating: "ب", count: 40) + " "),
        (String(repeating: "x", count: 64) + "1", String(repeating: "x", count: 64) + "2"),
        ("1" + String(repeating: "x", count: 64), "2" + String(repeating: "x", count: 64)),
        (String(repeating: "ab", count: 100), String(repeating: "ba", count: 100)),
    ])
    func fingerprintTellsTextsApart(left: String, right: String) {
        let a = Array(left.utf8), b = Array(right.utf8)
        let fa = a.withUnsafeBufferPointer { Document.fingerprint(of: $0) }
        let fb = b.withUnsafeBufferPointer { Document.fingerprint(of: $0) }
        #expect(fa != fb)
        #expect(fa == Array(left.utf8).withUnsafeBufferPointer { Document.fingerprint(of: $0) })
    }
}
