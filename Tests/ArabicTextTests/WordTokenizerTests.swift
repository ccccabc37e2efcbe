import Testing

@testable import ArabicText

/// The word tokenizer, case by case, and its fast path against ICU alone.
@Suite struct WordTokenizerTests {
    struct Case: CustomStringConvertible, Sendable {
        let number: Int
        let input: String
        let expected: [(String, TokenKind)]
        var description: String { "#\(number) \(input.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(number: 1, input: "كيم جونغ أون", expected: [("كيم", .arabicWord), ("جونغ", .arabicWord), ("أون", .arabicWord)]),
        Case(
            number: 2, input: "قال: \"نعم\".",
            expected: [
                ("قال", .arabicWord), (":", .punctuation), ("\"", .punctuation),
                ("نعم", .arabicWord), ("\"", .punctuation), (".", .punctuation),
            ]),
        // Percent signs stay with their number; Arabic-Indic digits and separators stay whole
        // (a conjunction glued to a number makes a number, as ICU says).
        Case(
            number: 3, input: "ارتفع 3.5% و١٢٫٥٪ و١٬٠٠٠",
            expected: [
                ("ارتفع", .arabicWord), ("3.5%", .number),
                ("و١٢٫٥٪", .number), ("و١٬٠٠٠", .number),
            ]),
        Case(number: 4, input: "15,000 و 2020", expected: [("15,000", .number), ("و", .arabicWord), ("2020", .number)]),
        // Runs of terminal punctuation are one token.
        Case(
            number: 5, input: "ماذا؟! حقاً...", expected: [("ماذا", .arabicWord), ("؟!", .punctuation), ("حقاً", .arabicWord), ("...", .punctuation)]),
        // Tashkeel and tatweel stay inside the word.
        Case(number: 6, input: "بِسْمِ قتـــل", expected: [("بِسْمِ", .arabicWord), ("قتـــل", .arabicWord)]),
        // Web addresses, e-mail, hashtags, mentions.
        Case(
            number: 7, input: "زوروا https://example.com/a?b=1. أو www.cnn.com",
            expected: [("زوروا", .arabicWord), ("https://example.com/a?b=1", .url), (".", .punctuation), ("أو", .arabicWord), ("www.cnn.com", .url)]),
        Case(
            number: 8, input: "راسلنا على info@saudi.gov.sa الآن",
            expected: [("راسلنا", .arabicWord), ("على", .arabicWord), ("info@saudi.gov.sa", .email), ("الآن", .arabicWord)]),
        Case(number: 9, input: "#كوريا_الشمالية @nazif_ar", expected: [("#كوريا_الشمالية", .hashtag), ("@nazif_ar", .mention)]),
        // Abbreviations with dots split into letters; Latin ones stay.
        Case(
            number: 10, input: "عام 49 ق.م و U.S.",
            expected: [
                ("عام", .arabicWord), ("49", .number), ("ق", .arabicWord), (".", .punctuation),
                ("م", .arabicWord), ("و", .arabicWord), ("U.S", .latinWord), (".", .punctuation),
            ]),
        // Times of day.
        Case(number: 11, input: "الساعة 18:49 مساء", expected: [("الساعة", .arabicWord), ("18:49", .number), ("مساء", .arabicWord)]),
        // The article written apart before a number.
        Case(number: 12, input: "الـ96", expected: [("الـ", .arabicWord), ("96", .number)]),
        // Latin words, symbols and emoji.
        Case(
            number: 13, input: "جرب The Telegraph 🙂 $5",
            expected: [
                ("جرب", .arabicWord), ("The", .latinWord), ("Telegraph", .latinWord),
                ("🙂", .symbol), ("$", .symbol), ("5", .number),
            ]),
        // Quotes and parentheses at a word's edges.
        Case(
            number: 14, input: "«بندقية» (صور)،",
            expected: [
                ("«", .punctuation), ("بندقية", .arabicWord), ("»", .punctuation),
                ("(", .punctuation), ("صور", .arabicWord), (")", .punctuation), ("،", .punctuation),
            ]),
        // Invisible controls are not tokens; Cyrillic is another script.
        Case(number: 15, input: "\u{200F}كيم\u{200E} Путин", expected: [("كيم\u{200E}", .arabicWord), ("Путин", .otherWord)]),
        Case(number: 16, input: "", expected: []),
        Case(number: 17, input: "  \n\t ", expected: []),
    ]

    @Test(arguments: cases)
    func tokenCase(_ testCase: Case) {
        let tokens = WordTokenizer.shared.tokens(in: testCase.input)
        let got = tokens.map { (String($0.text(in: testCase.input)), $0.kind) }
        #expect(got.map(\.0) == testCase.expected.map(\.0))
        #expect(got.map(\.1) == testCase.expected.map(\.1))
    }

    /// Offsets are byte offsets into the text, tokens in order and never overlapping.
    @Test func offsetsAreOrderedBytes() {
        let text = RandomArabic.lines(count: 300, seed: 7).joined(separator: "\n")
        let tokens = WordTokenizer.shared.tokens(in: text)
        var previousEnd = 0
        for token in tokens {
            #expect(token.range.lowerBound >= previousEnd)
            #expect(token.range.upperBound <= text.utf8.count)
            #expect(!token.range.isEmpty)
            previousEnd = token.range.upperBound
        }
    }

    /// The fast path gives exactly the tokens ICU's segments give, on every fixture text.
    @Test func fastPathAgreesWithICU() {
        var texts = Fixtures.rows("pud_orthographic.tsv").map { String($0[1]) }
        texts += IdempotenceTests.corpus
        texts += RandomArabic.lines(count: 2000, seed: 99)
        texts += RandomPunctuated.lines(count: 4000, seed: 3)
        var disagreements = 0
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                let fast = WordTokenizer.shared.tokens(utf8: bytes)
                var assembler = TokenAssembler(text: bytes, specials: SpecialSpans.find(in: bytes))
                assembler.run(WordTokenizer.shared.icuSegments(in: bytes))
                if fast != assembler.tokens {
                    disagreements += 1
                    if disagreements <= 5 {
                        Issue.record(
                            """
                            \(String(decoding: bytes, as: UTF8.self).debugDescription)
                             fast \(fast.map { String(decoding: bytes[$0.range], as: UTF8.self) })
                             icu  \(assembler.tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) })
                            """)
                    }
                }
            }
        }
        #expect(disagreements == 0)
    }

    @Test func checkingVariantReportsTheFirstBadByte() {
        let bytes: [UInt8] = Array("كيم ".utf8) + [0xFF] + Array(" أون".utf8)
        let (tokens, bad) = bytes.withUnsafeBufferPointer { WordTokenizer.shared.tokensCheckingUTF8($0) }
        #expect(bad == 7)
        #expect(tokens.count == 3)
    }
}

/// Random words with punctuation glued on, the shapes the fast path takes and refuses.
enum RandomPunctuated {
    static let words = [
        "كيم", "جونغ", "بِسْمِ", "قتـل", "Kim", "2020", "١٢", "ال3", "U.S", "ق.م", "6:30", "15%",
        "الواي-فاي", "http://x.co", "a@b.co", "#وسم", "@kim", "َكيم", "don't", "ـ11", "…",
    ]
    static let marks = [
        ".", ",", ":", ";", "!", "?", "\"", "'", "(", ")", "[", "]", "-", "%", "،", "؛", "؟",
        "«", "»", "“", "”", "…", "...", "", "", "", "\u{200F}", "٪", "/", "ـ", "َ",
    ]

    static func lines(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            (0..<(1 + next(6))).map { _ in
                marks[next(marks.count)] + marks[next(marks.count)] + words[next(words.count)]
                    + marks[next(marks.count)] + marks[next(marks.count)]
            }.joined(separator: next(4) == 0 ? "  " : " ")
        }
    }
}
