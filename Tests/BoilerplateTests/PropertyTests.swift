import NazifTestSupport
import Testing

@testable import Boilerplate

/// Whatever the input, `clean` removes whole lines and nothing else: the output's lines are a
/// subsequence of the input's, byte for byte.
@Suite struct PropertyTests {
    /// Compared as UTF-8 lines split at "\n" ("\r\n" is one Character to Swift).
    /// Lines are compared without their terminators ("\n" or "\r\n").
    static func isSubsequence(_ output: String, of input: String) -> Bool {
        guard !output.isEmpty else { return true }
        func lines(_ text: String) -> [ArraySlice<UInt8>] {
            var result = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { $0.last == 0x0D ? $0.dropLast() : $0 }
            if text.utf8.last == 0x0A { result.removeLast() }
            return result
        }
        let inputLines = lines(input)
        let outputLines = lines(output)
        var index = inputLines.startIndex
        for line in outputLines {
            while index < inputLines.endIndex && !inputLines[index].elementsEqual(line) { index += 1 }
            if index == inputLines.endIndex { return false }
            index += 1
        }
        return true
    }

    static var documents: [String] {
        var documents = (0..<5).map(Seeds.seed)
        documents.append(CNNPageTests.page)
        // Random documents from seed lines, markers and noise, in random order.
        let pool =
            documents.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            + ["إقرأ أيضاً:", "مقالات مشابهة", "• عنوان", "***", "", " ", "أضف تعليق", "المصدر: الوطن"]
        var state: UInt64 = 42
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<(1 + Int(state % 40)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                lines.append(pool[Int((state >> 33) % UInt64(pool.count))])
            }
            documents.append(lines.joined(separator: state & 1 == 0 ? "\n" : "\r\n"))
        }
        return documents
    }

    @Test func outputLinesAreASubsequenceOfInputLines() {
        for document in Self.documents {
            let output = Cleaner().clean(document).cleanedText
            #expect(Self.isSubsequence(output, of: document), "\(document.prefix(80))")
        }
    }

    /// Real news prose and nothing else (UD Arabic-PUD's sentences, two to four to a
    /// paragraph, three to eight paragraphs to a document): nothing may go.
    static var proseDocuments: [String] {
        guard let table = TestFiles.text(TestFiles.repository + "Tests/ArabicTextTests/Fixtures/pud_orthographic.tsv") else { return [] }
        let sentences = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").dropFirst().first }
        var documents: [String] = []
        var state: UInt64 = 7
        var next = 0
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        while next + 32 < sentences.count {
            var paragraphs: [String] = []
            for _ in 0..<(3 + random(6)) {
                let take = 2 + random(3)
                paragraphs.append(sentences[next..<(next + take)].joined(separator: " "))
                next += take
            }
            documents.append(paragraphs.joined(separator: "\n\n") + "\n")
        }
        return documents
    }

    @Test func documentsOfOnlyProseLoseNothing() {
        let documents = Self.proseDocuments
        #expect(documents.count > 40)
        for (number, document) in documents.enumerated() {
            let removals = Cleaner().clean(document).removals
            #expect(removals.isEmpty, "document \(number): \(removals.map { "\($0.line) \($0.rule)" })")
        }
    }

    /// The same prose as a naive scraper may write it: one sentence to a line, twelve lines to a
    /// document (short sentences then stand alone: "سيلعبون يوم السبت, 10 حزيران.").
    @Test func documentsOfOneSentenceALineLoseNothing() {
        let sentences = Self.proseDocuments.joined(separator: " ").split(separator: "\n").flatMap {
            $0.split(separator: ". ").map { $0.hasSuffix(".") ? String($0) : $0 + "." }
        }
        var documents: [String] = []
        var next = 0
        while next + 12 <= sentences.count {
            documents.append(sentences[next..<(next + 12)].joined(separator: "\n") + "\n")
            next += 12
        }
        #expect(documents.count > 40)
        for (number, document) in documents.enumerated() {
            let removals = Cleaner().clean(document).removals
            #expect(removals.isEmpty, "document \(number): \(removals.map { "\($0.line) \($0.rule)" })")
        }
    }

    @Test func cleaningTwiceChangesLittle() {
        // Not idempotent by design (a list's heading gone, its items look different), but
        // cleaning a cleaned seed must keep every line it kept.
        for seed in 0..<5 {
            let once = Cleaner().clean(Seeds.seed(seed)).cleanedText
            let twice = Cleaner().clean(once).cleanedText
            #expect(twice == once)
        }
    }
}

/// The line table's counts agree with what the rules would count walking the line themselves.
@Suite struct LineTableTests {
    /// Calls `body` with each document's bytes, its key text and the lines of its line table.
    static func forEachLine(
        of documents: [String],
        _ body: (_ text: UnsafeBufferPointer<UInt8>, _ keys: UnsafeBufferPointer<UInt8>, _ line: LineInfo) -> Void
    ) {
        for document in documents {
            var text = document
            text.withUTF8 { bytes in
                let key = Cleaner.keyText(ofUTF8: bytes).key
                key.withUnsafeBufferPointer { keys in
                    for line in LineTable(text: bytes, keys: keys).lines { body(bytes, keys, line) }
                }
            }
        }
    }

    /// Lines built to hit the SIMD kernel's edges: lengths around 16 and 32 bytes, a letter
    /// split across two blocks, a lead byte at the end, U+061C, teh marbuta before a letter at
    /// a block's edge, long words across blocks, punctuation last, spaces at both ends.
    static let edgeLines: [String] = {
        let letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
        var lines: [String] = []
        for length in [7, 8, 15, 16, 17, 31, 32, 33] {
            let word = String(letters.prefix(length))
            lines += [
                word, word + ".", " " + word + " ", word + " ة" + word, word + "ةب", "ة" + word + "ىا",
                String(repeating: "a", count: length * 2 + 1) + " " + word + "؟", word + " | " + word + " @x",
                word + "، " + word + "؛ " + word + "!?", word + "\u{061C}" + word, "* " + word + ":",
                word + " \"" + word + ".\"", String(repeating: " ", count: length) + word,
                word + "ک" + word + " ی ۔", "ةک" + word + "۔", word + "ى" + "ی",
                "\u{A0}" + word + "\u{A0}\u{A0}" + word + ".\u{A0}", "“" + word + "”", "• " + word + "…",
                "\u{A0}• " + word + " ‘" + word + "’.", word + " – " + word, word + "\u{200C}" + word,
                word + "«" + word + "»", word + "©", word + "\u{2000}" + word, "ة“" + word, word + "“",
            ]
        }
        // Words of 15 to 17 bytes at every offset of a 32-byte block, between spaces.
        for offset in 0...33 {
            for length in 15...17 {
                let before = String("a b cd efg hijk lmnopqrstuvwxyz abcdefgh".prefix(offset))
                lines.append(before + " " + String(repeating: "x", count: length) + " ab")
            }
        }
        return lines
    }()

    /// The SIMD kernels, at 16 bytes (SSE2) and at 32 (AVX2, where the processor has it), give
    /// what the character-by-character scan gives, on every line and its key.
    @Test(arguments: [SimpleLineCounts.Width.sse2, .avx2])
    func simpleLineScanMatchesTheFullScan(width: SimpleLineCounts.Width) {
        guard width != .avx2 || SimpleLineCounts.hasAVX2 else { return }
        var documents = PropertyTests.documents + [Self.edgeLines.joined(separator: "\n")]
        if let articles = SaudiNewsNetTests.articles { documents += articles.prefix(2000).map(\.content) }
        var compared = 0
        Self.forEachLine(of: documents) { bytes, keys, line in
            var fast = LineInfo(range: line.range, keyRange: line.keyRange)
            var full = fast
            LineTable.measure(&fast, text: bytes, keys: keys, simpleScan: width)
            LineTable.measure(&full, text: bytes, keys: keys, simpleScan: nil)
            #expect(fast == full, "\(String(decoding: UnsafeBufferPointer(rebasing: bytes[line.range]), as: UTF8.self))")
            let key = UnsafeBufferPointer(rebasing: keys[line.keyRange])
            #expect(KeyByteCounts(keys, line.keyRange, width: width) == KeyByteCounts(countingEachByteOf: key))
            compared += 1
        }
        #expect(compared > 1000)
    }

    /// Under 128 bytes a LineInfo is copied inline; over it, by a call to memcpy per copy.
    @Test func lineInfoStaysSmall() {
        #expect(MemoryLayout<LineInfo>.size <= 128, "\(MemoryLayout<LineInfo>.size) bytes")
    }

    @Test func longWordCountsMatchAWalkOverTheWords() {
        let extra = [
            String(repeating: "ب", count: 8), String(repeating: "ب", count: 7) + "a", "  " + String(repeating: "x", count: 16) + "  ",
            String(repeating: "x", count: 15), "\t" + String(repeating: "x", count: 16), "a b",
        ]
        Self.forEachLine(of: PropertyTests.documents + [(extra + Self.edgeLines).joined(separator: "\n")]) { bytes, _, line in
            var long = 0
            LineTable.forEachWord(in: bytes, line.range) { if $0.count >= 16 { long += 1 } }
            #expect(line.longWords == long, "\(String(decoding: UnsafeBufferPointer(rebasing: bytes[line.range]), as: UTF8.self))")
        }
    }
}

/// Key text and line hashes handed to the cleaner give the verdict it reaches on its own; a
/// list of hashes that does not match the key text is not used.
@Suite struct HandedOverKeysTests {
    @Test func handedOverKeysAndHashesGiveTheSameVerdict() {
        let documents = PropertyTests.documents
        var table = RepetitionTable()
        for document in documents { table.add(lineHashes: RepetitionTable.lineHashes(of: document), group: "") }
        let cleaner = Cleaner(table: table)
        for document in documents {
            var text = document
            text.withUTF8 { bytes in
                let expected = cleaner.decide(utf8: bytes)
                let key = Cleaner.keyText(ofUTF8: bytes).key
                let hashes = key.withUnsafeBufferPointer { RepetitionTable.lineHashes(ofKeyText: $0) }
                for handed in [hashes, Array(hashes.dropLast()), hashes + [7]] {
                    let verdict = key.withUnsafeBufferPointer { keys in
                        handed.withUnsafeBufferPointer { cleaner.decide(utf8: bytes, keyText: keys, lineHashes: $0) }
                    }
                    #expect(verdict.removals == expected.removals && verdict.keptSpans == expected.keptSpans)
                }
            }
        }
    }
}
