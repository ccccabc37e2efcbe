import Testing

@testable import ArabicText

/// The Buckwalter family against CAMeL Tools' own output, and ICU transforms.
@Suite struct TransliterationTests {
    struct Pair: CustomStringConvertible, Sendable {
        let file: String
        let input: String
        let expected: String
        var description: String { "\(file): \(input.prefix(30))" }
    }

    static let schemes: [(String, TransliterationScheme)] = [
        ("bw", .buckwalter), ("safebw", .safeBuckwalter), ("xmlbw", .xmlBuckwalter), ("hsb", .hsb),
    ]

    /// Every fixture row: CAMeL's output for that input, in both directions.
    static let pairs: [Pair] = schemes.flatMap { code, _ in
        ["ar2\(code)", "\(code)2ar", "edge_ar2\(code)", "edge_\(code)2ar"].flatMap { file in
            Fixtures.read("camel/\(file).tsv").split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.isEmpty }
                .compactMap { line -> Pair? in
                    let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                    guard fields.count == 2 else { return nil }
                    return Pair(file: file, input: String(fields[0]), expected: String(fields[1]))
                }
        }
    }

    @Test func fixturesAreThere() {
        #expect(Self.pairs.count > 700)
    }

    @Test(arguments: pairs)
    func matchesCAMeLByteForByte(_ pair: Pair) {
        let code = pair.file.replacingOccurrences("edge_", "")
        let reverse = code.hasSuffix("2ar")
        let schemeCode = reverse ? String(code.dropLast(3)) : String(code.dropFirst(3))
        let scheme = Self.schemes.first { $0.0 == schemeCode }!.1
        let output = scheme.transliterate(pair.input, reverse: reverse)
        // Compare code points: Swift's == would treat NFC and NFD spellings as equal.
        #expect(Array(output.unicodeScalars) == Array(pair.expected.unicodeScalars))
    }

    /// Arabic text comes back unchanged through every scheme (Latin words with the schemes'
    /// letters do not, as in CAMeL: the schemes are not escapes).
    @Test(arguments: TransliterationScheme.allCases)
    func arabicRoundTrips(_ scheme: TransliterationScheme) {
        let lines = Fixtures.read("tashkeela_sample.txt").split(separator: "\n").prefix(600)
        var failures = 0
        for line in lines {
            let arabicOnly = String(line.unicodeScalars.filter { $0.value >= 0x0600 || $0 == " " || ("0"..."9").contains($0) })
            let back = scheme.transliterate(scheme.transliterate(arabicOnly), reverse: true)
            if Array(back.unicodeScalars) != Array(arabicOnly.unicodeScalars) { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test func safeBuckwalterRoundTripsTashkeelaWhole() {
        // The one scheme whose letters avoid the punctuation Tashkeela uses: whole lines come back.
        for line in Fixtures.read("tashkeela_sample.txt").split(separator: "\n").prefix(300) {
            let text = String(line)
            let back = TransliterationScheme.safeBuckwalter.transliterate(
                TransliterationScheme.safeBuckwalter.transliterate(text), reverse: true)
            #expect(Array(back.unicodeScalars) == Array(text.unicodeScalars))
        }
    }

    @Test func icuTransforms() throws {
        let latin = try Transliterator.cached(id: "Arabic-Latin")
        #expect(latin.transliterate("بوتين") == "bwtyn")
        let ascii = try Transliterator(id: "Any-Latin; Latin-ASCII")
        let asciiOutput = ascii.transliterate("كيم")
        #expect(asciiOutput.unicodeScalars.allSatisfy { $0.isASCII })
        let custom = try Transliterator(id: "Nazif-Test", rules: "ب > b; ت > t;")
        #expect(custom.transliterate("بت") == "bt")
        #expect(Transliterator.availableIDs.contains("Arabic-Latin"))
    }

    @Test func unknownTransformsAreReported() {
        #expect(throws: ArabicTextError.self) { _ = try Transliterator(id: "No-Such-Transform") as Transliterator }
    }

    /// Bad rules name the line and column ICU points at (ICU itself gives an offset into the
    /// whole text, in UTF-16 units).
    @Test(arguments: [
        ("ب > b;\nت > [;\n", 2, "U_MALFORMED_SET"),
        ("a > b;\nc > d;\n$x > y;\n", 3, "U_UNDEFINED_VARIABLE"),
        ("a > b;\n\nxyz > {;\n", 3, "U_MALFORMED_RULE"),
    ])
    func badRulesAreReportedWithTheirLine(rules: String, line: Int, reason: String) {
        do {
            _ = try Transliterator(id: "Broken", rules: rules)
            Issue.record("compiled")
        } catch let error {
            #expect(error.code == .invalidRules, "\(error)")
            #expect(error.line == line)
            #expect((error.column ?? 0) >= 1)
            #expect(error.icuStatus == reason)
        }
    }

    @Test(arguments: [
        ("a > b;\nc > [;", 0, 10, 2, 4),
        ("ab\ncd", 0, 0, 1, 1),
        ("ab\ncd", 5, 2, 5, 3),  // ICU gave a line: the offset is in it
        ("ab", -1, -1, 0, 0),
        ("😀 > x;\n[", 0, 8, 2, 1),  // the emoji is two UTF-16 units
    ])
    func parseErrorPositions(rules: String, line: Int, offset: Int, expectedLine: Int, expectedColumn: Int) {
        let position = Transliterator.position(in: rules, line: line, offset: offset)
        #expect(position.line == expectedLine && position.column == expectedColumn)
    }

    /// One transliterator used from many threads at once gives the same answers.
    @Test func transformsAreSafeAcrossThreads() async throws {
        let latin = try Transliterator.cached(id: "Arabic-Latin")
        let expected = latin.transliterate("كيم جونغ أون")
        await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 { group.addTask { latin.transliterate("كيم جونغ أون") } }
            for await result in group { #expect(result == expected) }
        }
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
