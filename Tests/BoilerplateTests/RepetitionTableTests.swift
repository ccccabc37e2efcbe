import Testing

@testable import Boilerplate

extension KeyHash {
    static func lineHashOf(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { lineHash($0) }
    }
}

@Suite struct RepetitionTableTests {
    static func table(_ documents: [(String, String)]) -> RepetitionTable {
        var table = RepetitionTable()
        for (group, text) in documents { table.add(lineHashes: RepetitionTable.lineHashes(of: text), group: group) }
        return table
    }

    @Test func countsDocumentsNotOccurrences() throws {
        let table = Self.table([("a", "سطر\nسطر\nآخر\n"), ("a", "سطر\n"), ("b", "سطر\n")])
        let group = try #require(table.group(named: "a"))
        #expect(group.documents == 2)
        #expect(table.count(of: KeyHash.lineHashOf("سطر"), in: group) == 2)
        #expect(table.count(of: KeyHash.lineHashOf("اخر"), in: group) == 1)
        #expect(table.group(named: "b")?.documents == 1)
    }

    /// SMS codes and dates differ only in digits: one key.
    @Test func linesDifferingInDigitsShareAKey() {
        #expect(RepetitionTable.lineHashes(of: "تبدأ بالرمز (165) ثم مسافة") == RepetitionTable.lineHashes(of: "تبدأ بالرمز (3) ثم مسافة"))
        #expect(RepetitionTable.lineHashes(of: "عام ٢٠٢٤") == RepetitionTable.lineHashes(of: "عام 1999"))
    }

    /// A line's hash is the hash of its key with each run of zeros written once (the value
    /// stored in table files: it must not change).
    @Test(arguments: ["", "0", "00", "000 0", "ا0", "0ب", "عام 0000 و00 و0", "00ا00ب00", "بلا ارقام", "0 0 00 000 0000"])
    func lineHashCollapsesRunsOfZeros(key: String) {
        var collapsed: [UInt8] = []
        for byte in key.utf8 where !(byte == 0x30 && collapsed.last == 0x30) { collapsed.append(byte) }
        #expect(KeyHash.lineHashOf(key) == collapsed.withUnsafeBufferPointer { KeyHash.hash($0) })
    }

    /// The hash stored in table files: these values must never change (they were computed
    /// with the byte-by-byte tail of the first version; the tail is now read in one load).
    @Test(
        arguments: [
            ("", 0x1C55_27ED_9F8D_8422), ("a", 0x8E6A_C42C_E3DE_7B8B), ("سطر", 0x2030_8B17_7B0C_E54B),
            ("0123456789abcdef!", 0x7A94_7033_0678_BD5A), ("كيم جونغ اون", 0xDA88_7752_D41F_974D),
            ("abcdefgh", 0xB149_B0E1_3969_7843),
        ] as [(String, UInt64)])
    func hashValuesAreStable(text: String, value: UInt64) {
        #expect(KeyHash.hash(text) == value)
    }

    /// Substring search on keys, anchored on an inner byte of the needle.
    @Test(arguments: [
        ("الحقوق محفوظه", "جميع الحقوق محفوظه 0000", true), ("الحقوق محفوظه", "الحقوق محفوظه", true),
        ("الحقوق محفوظه", "الحقوق محفوظ", false), ("الحقوق محفوظه", "حقوق محفوظه للموقع", false),
        ("sms", "ارسل sms", true), ("sms", "sm", false), ("0000", "رقم 000", false), ("0000", "00000", true),
        ("اخر تحديث", "ااخر تحديث", true), ("ا", "ب ا", true), (" ", "اا", false), ("", "اي شيء", true),
    ])
    func containsSequenceFindsTheNeedle(needle: String, haystack: String, expected: Bool) {
        #expect(Array(haystack.utf8).containsSequence(Array(needle.utf8)) == expected)
        #expect(Array(haystack.utf8)[...].containsSequence(Array(needle.utf8)) == expected)
    }

    /// A worker prepares the hashes (sorted, each once); the table counts them the same way.
    @Test(arguments: [[UInt64](), [5], [3, 1, 3, 2, 1], [9, 8, 7, 7, 7], [1, 2, 3]])
    func preparedHashesCountTheSame(hashes: [UInt64]) {
        let prepared = RepetitionTable.distinctSorted(hashes)
        #expect(prepared == Array(Set(hashes)).sorted())
        var raw = RepetitionTable(), ready = RepetitionTable()
        raw.add(lineHashes: hashes, group: "g")
        ready.add(lineHashes: prepared, group: "g")
        #expect(raw.serialized() == ready.serialized())
    }

    /// The key text handed to the cleaner is the one it would compute, and its line hashes
    /// are the ones counted from the text (seeds and a document with digits and CRLF).
    @Test(arguments: Seeds.names.indices.map { Seeds.seed($0) } + ["عام ٢٠٢٤\r\nإقرأ أيضاً\r\n\r\n(165) رمز\n"])
    func givenKeyTextDecidesTheSame(document: String) {
        var text = document
        text.withUTF8 { bytes in
            let (key, firstInvalid) = Cleaner.keyText(ofUTF8: bytes)
            #expect(firstInvalid == nil)
            #expect(
                key.withUnsafeBufferPointer { RepetitionTable.lineHashes(ofKeyText: $0) }
                    == RepetitionTable.lineHashes(ofUTF8: bytes))
            let cleaner = Cleaner()
            let computed = cleaner.decide(utf8: bytes)
            let given = key.withUnsafeBufferPointer { cleaner.decide(utf8: bytes, keyText: $0) }
            #expect(given.removals == computed.removals)
            #expect(given.keptSpans == computed.keptSpans)
        }
    }

    @Test func fileRoundTrips() throws {
        let table = Self.table([("okaz.com.sa", "سطر\nآخر\n"), ("okaz.com.sa", "سطر\n"), ("", "ثالث\n")])
        let bytes = table.serialized()
        let back = try RepetitionTable(serialized: bytes)
        #expect(back.serialized() == bytes)
        #expect(back.group(named: "okaz.com.sa")?.documents == 2)
        #expect(back.count(of: KeyHash.lineHashOf("سطر"), in: back.group(named: "okaz.com.sa")!) == 2)
        // 12 bytes per distinct line and group, plus headers.
        #expect(bytes.count == 24 + (4 + 11 + 16 + 2 * 12) + (4 + 0 + 16 + 12) + 8)
    }

    @Test func mergingAddsUp() throws {
        let a = [("s", "سطر\nآخر\n"), ("s", "سطر\n")], b = [("s", "سطر\n"), ("t", "سطر\n")]
        var merged = Self.table(a)
        merged.merge(Self.table(b))
        #expect(merged.serialized() == Self.table(a + b).serialized())
    }

    @Test func corruptFilesAreRefused() {
        let good = Self.table([("s", "سطر\n")]).serialized()
        func refuse(_ bytes: [UInt8], _ expected: BoilerplateError) {
            #expect(throws: expected) { _ = try RepetitionTable(serialized: bytes) }
        }
        refuse(Array("hello world, not a table at all".utf8), .notATable)
        refuse([], .notATable)
        var flipped = good
        flipped[30] ^= 0xFF
        refuse(flipped, .checksumMismatch)
        refuse(Array(good.prefix(20)), .truncated)
        var version = good
        version[8] = 9
        refuse(version, .unsupportedVersion(9))
    }

    /// A line in three or more documents of its site is template; in two it is not.
    @Test func templatesNeedThreeDocuments() {
        let footer = "يمكنكم متابعة الكاتب عبر صفحته الشخصية في الموقع"
        let topics = ["الاقتصاد", "الرياضة", "السياسة", "الصحة", "التعليم"]
        func documents(_ withFooter: Int) -> [String] {
            (0..<5).map { index in
                "مقال عن \(topics[index]) مختلف تماما عن غيره من المقالات.\n" + (index < withFooter ? footer + "\n" : "")
            }
        }
        for (count, removed) in [(2, false), (3, true), (5, true)] {
            let texts = documents(count)
            let table = Self.table(texts.map { ("site", $0) })
            let cleaner = Cleaner(table: table)
            let result = cleaner.clean(texts[0], group: "site")
            #expect(result.removals.contains { $0.rule == "template.site" } == removed, "footer in \(count) documents")
        }
    }
}
