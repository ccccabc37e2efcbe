import Testing

@testable import ArabicText

/// The normalization profiles, case by case. Rows are numbered; a regression adds a row.
@Suite struct ProfileTests {
    struct Case: CustomStringConvertible, Sendable {
        let number: Int
        let profile: NormalizationProfile
        let input: String
        let expected: String
        var description: String { "#\(number) \(profile): \(input.debugDescription)" }
    }

    static let cases: [Case] = [
        // Marker spellings meet under key.
        Case(number: 1, profile: .key, input: "إقرأ أيضاً:", expected: "اقرا ايضا"),
        Case(number: 2, profile: .key, input: "اقرأ ايضا", expected: "اقرا ايضا"),
        Case(number: 3, profile: .key, input: "اقرأ أيضًا", expected: "اقرا ايضا"),
        // Persian letters fold; teh marbuta and alef maksura too.
        Case(number: 4, profile: .search, input: "کوریا الشمالیة", expected: "كوريا الشماليه"),
        Case(number: 5, profile: .search, input: "بیونغ یانغ", expected: "بيونغ يانغ"),
        Case(number: 6, profile: .search, input: "على مستوى", expected: "علي مستوي"),
        Case(number: 7, profile: .display, input: "على مستوى", expected: "على مستوى"),
        // Tashkeel, tatweel, superscript alef, Quranic marks.
        Case(number: 8, profile: .search, input: "قتـــل", expected: "قتل"),
        Case(number: 9, profile: .search, input: "بِسْمِ اللَّهِ الرَّحْمَٰنِ", expected: "بسم الله الرحمن"),
        Case(number: 10, profile: .display, input: "بِسْمِ", expected: "بِسْمِ"),
        Case(number: 11, profile: .search, input: "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ", expected: "ذلك الكتب لا ريب فيه"),
        // Presentation forms and ligatures expand under NFKC.
        Case(number: 12, profile: .search, input: "ﻻ ﷲ", expected: "لا الله"),
        Case(number: 13, profile: .display, input: "ﻻ", expected: "ﻻ"),
        // Digits.
        Case(number: 14, profile: .search, input: "عام ٢٠٢٤ و۱۴۰۳", expected: "عام 2024 و1403"),
        Case(number: 15, profile: .key, input: "الساعة 18:49 في ٤ أبريل", expected: "الساعه 00 00 في 0 ابريل"),
        Case(number: 16, profile: .display, input: "٢٠٢٤", expected: "٢٠٢٤"),
        // Bidi and format controls go in every profile; ZWNJ only in search and key.
        Case(number: 17, profile: .display, input: "\u{200F}كيم\u{200E} \u{061C}جونغ\u{FEFF}", expected: "كيم جونغ"),
        Case(number: 18, profile: .display, input: "می\u{200C}خواهم", expected: "می\u{200C}خواهم"),
        Case(number: 19, profile: .search, input: "می\u{200C}خواهم", expected: "ميخواهم"),
        // Unicode spaces, runs of spaces and tabs, ends of lines.
        Case(number: 20, profile: .display, input: " \u{00A0}كيم\u{2003}\t جونغ  ", expected: "كيم جونغ"),
        Case(number: 21, profile: .display, input: "سطر  أول \n\t سطر ثان\u{202F}\n", expected: "سطر أول\nسطر ثان\n"),
        Case(number: 22, profile: .search, input: "a\r\nb  \r\n", expected: "a\r\nb\r\n"),
        // Line structure is kept: empty lines stay.
        Case(number: 23, profile: .search, input: "\n\n  \nأ\n", expected: "\n\n\nا\n"),
        // Key: punctuation and symbols become spaces, other scripts lowercase.
        Case(number: 24, profile: .key, input: "CNN «عاجل»: Kim!", expected: "cnn عاجل kim"),
        Case(number: 25, profile: .key, input: "روسيا،أوكرانيا", expected: "روسيا اوكرانيا"),
        Case(number: 26, profile: .key, input: "© 2024 | الموقع الرسمي 🇸🇦", expected: "0000 الموقع الرسمي"),
        // Hamza: composed sequences meet their precomposed letters; carriers are kept.
        Case(number: 27, profile: .search, input: "ا\u{0654}حمد", expected: "احمد"),
        Case(number: 28, profile: .search, input: "مسؤول و\u{0654}", expected: "مسؤول ؤ"),
        Case(number: 29, profile: .display, input: "ا\u{0653}", expected: "آ"),
        // A control between a letter and a mark does not stop composition.
        Case(number: 30, profile: .display, input: "ا\u{200E}\u{0653}", expected: "آ"),
        // Marks out of canonical order are reordered (display keeps them).
        Case(number: 31, profile: .display, input: "ب\u{0651}\u{064E}", expected: "ب\u{064E}\u{0651}"),
        // A Persian yeh before hamza above: folding makes ئ, and the result is stable.
        Case(number: 32, profile: .search, input: "ی\u{0654}", expected: "ي"),
        // Ill-formed UTF-8 cannot come through String; see the byte tests.
        Case(number: 33, profile: .search, input: "", expected: ""),
        Case(number: 34, profile: .key, input: "   ", expected: ""),
        // Superscript and full-width digits under key and search.
        Case(number: 35, profile: .search, input: "٣٪ و²", expected: "3٪ و2"),
        Case(number: 36, profile: .key, input: "Ｋｉｍ １２", expected: "kim 00"),
    ]

    @Test(arguments: cases)
    func profileCase(_ testCase: Case) {
        let result = ArabicNormalizer(profile: testCase.profile).normalize(testCase.input)
        #expect(
            Array(result.unicodeScalars) == Array(testCase.expected.unicodeScalars),
            "got \(result.debugDescription)")
    }

    @Test(arguments: NormalizationProfile.allCases)
    func optionsCanBeChangedOneByOne(_ profile: NormalizationProfile) {
        var options = profile.options
        options.tehMarbuta = .keep
        options.alefMaksura = .keep
        let result = ArabicNormalizer(options: options).normalize("مدرسةٌ على")
        #expect(result.unicodeScalars.contains("ة"))
        #expect(result.hasSuffix("على"))
    }

    @Test func hamzaCarriersFoldWhenAsked() {
        var options = NormalizationProfile.search.options
        options.hamzaCarriers = .bare
        #expect(ArabicNormalizer(options: options).normalize("مسؤول رئيس") == "مسوول رييس")
    }

    @Test func identityOptionsChangeNothing() {
        let text = "  أَحمد\u{200F}\t٢٠٢٤ ﻻ  \n"
        #expect(
            Array(ArabicNormalizer(options: .identity).normalize(text).unicodeScalars)
                == Array(text.unicodeScalars))
    }

    /// Ill-formed UTF-8 becomes U+FFFD, and the first bad offset is reported.
    @Test(arguments: [
        ([0x61, 0xFF, 0x62] as [UInt8], [0x61, 0xEF, 0xBF, 0xBD, 0x62] as [UInt8], 1),
        ([0xD8] as [UInt8], [0xEF, 0xBF, 0xBD] as [UInt8], 0),
        ([0xD8, 0xA7, 0xE0, 0x80] as [UInt8], [0xD8, 0xA7, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD] as [UInt8], 2),
        ([0xED, 0xA0, 0x80] as [UInt8], [0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD] as [UInt8], 0),
    ])
    func illFormedBytes(_ input: [UInt8], _ expected: [UInt8], _ firstBad: Int) {
        var output: [UInt8] = []
        let reported = input.withUnsafeBufferPointer {
            ArabicNormalizer(profile: .display).normalize(utf8: $0, into: &output)
        }
        #expect(output == expected)
        #expect(reported == firstBad)
        #expect(input.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == firstBad)
        let repaired = input.withUnsafeBufferPointer { UTF8Validation.repaired($0) }
        #expect(repaired.bytes == expected)
    }
}

/// The validator agrees with the standard library's UTF-8 parser on random bytes drawn from
/// the bytes that matter (ASCII, leads of every length, continuations, the overlong and
/// surrogate edges, bytes that never occur).
@Suite struct UTF8ValidationPropertyTests {
    static let alphabet: [UInt8] = [
        0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xA7, 0xBF, 0xC0, 0xC1,
        0xC2, 0xD8, 0xD9, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    static func reference(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test func agreesWithTheStandardLibrary() {
        var state: UInt64 = 0xBADC0DE
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var disagreements = 0, invalid = 0
        for _ in 0..<50_000 {
            // Long ASCII runs too, so the eight-byte path is crossed at every alignment.
            let bytes = (0..<(next() % 24)).map { _ in next() % 3 == 0 ? 0x61 : Self.alphabet[next() % Self.alphabet.count] }
            let expected = Self.reference(bytes)
            if expected != nil { invalid += 1 }
            if bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) != expected { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(invalid > 1000 && invalid < 49_000)
    }
}
