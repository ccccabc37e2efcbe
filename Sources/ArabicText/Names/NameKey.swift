/// A phonetic key for Arabic-script names, under which the house-style spellings of one name
/// are equal and different names stay apart.
///
/// The key folds what house styles vary on: ج غ ك ق گ for a foreign /g/ (جونغ = جونج), the
/// long vowels و ي written or not inside a name (فلاديفوستوك = فلاديفستوك), ة/ه, ى/ي, hamza
/// forms, Persian letters (بیونغ یانغ), emphatic and plain pairs (ط/ت, ص/س, ض/د, ظ/ذ/ز),
/// doubled letters, and word breaks (بيونغ يانغ = بيونغيانغ). It keeps the consonants and
/// every alef, so Volodymyr (فولوديمير → FLDMR) and Vladimir (فلاديمير → FLADMR), Kim Jong Il
/// and Kim Jong Un, North and South Korea stay different.
///
/// ```swift
/// NameKey("كيم جونغ أون") == NameKey("كيم جونج أون")    // true
/// NameKey("بيونغ يانغ") == NameKey("بیونغیانغ")           // true
/// NameKey("فولوديمير") == NameKey("فلاديمير")             // false
/// NameKey.similarity("فلاديفوستوك", "فلاديفستوك")          // 0.909
/// ```
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    /// The key: upper-case ASCII letters, one per consonant class or alef.
    public let value: String

    /// The key of a name in Arabic script (other characters are ignored).
    public init(_ name: String) {
        var name = name
        value = name.withUTF8 { bytes in
            var normalized: [UInt8] = []
            Self.normalizer.normalize(utf8: bytes, into: &normalized)
            var key: [UInt8] = []
            normalized.withUnsafeBufferPointer { Self.appendKey(ofNormalized: $0, to: &key) }
            return String(decoding: key, as: UTF8.self)
        }
    }

    public var description: String { value }

    static let normalizer = ArabicNormalizer(profile: .search)

    /// The key of a name already normalized with the `search` profile, appended as ASCII.
    /// (For many names at once: normalize them together, one per line, then key each line.)
    ///
    /// ```swift
    /// NameKey.appendKey(ofNormalized: line, to: &keys)
    /// ```
    public static func appendKey(ofNormalized name: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        var previous: UInt8 = 0
        var first = true
        var index = 0
        while index < name.count {
            guard let (scalar, found) = arabicLetter(name, at: index) else {
                index += 1
                continue
            }
            index += 2
            var letter = found
            if letter == vowel {
                let isWaw = scalar == 0x0648 || scalar == 0x0624
                if first {
                    // و ي starting a name are consonants (يوسف, وليد).
                    letter = isWaw ? UInt8(ascii: "W") : UInt8(ascii: "Y")
                } else if endsWord(name, index) {
                    // Ending a word they are the vowel that tells Sergio from Sergei.
                    letter = isWaw ? UInt8(ascii: "U") : UInt8(ascii: "I")
                } else {
                    // Inside a name they come and go with house styles (فلاديفوستوك, فلاديفستوك).
                    letter = 0
                }
            }
            if letter != 0 { first = false }
            guard letter != 0, letter != previous else { continue }
            key.append(letter)
            previous = letter
        }
    }

    /// The Arabic-block character (two UTF-8 bytes, D8–DB lead) starting at `index` of a
    /// normalized name, with its consonant class (0 for none), or nil for any other byte.
    @inline(__always)
    static func arabicLetter(_ name: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Int, letter: UInt8)? {
        let byte = name[index]
        guard byte >= 0xD8 && byte <= 0xDB, index + 1 < name.count else { return nil }
        let scalar = 0x0600 | Int(byte & 0x03) << 6 | Int(name[index + 1] & 0x3F)
        return (scalar, scalar < 0x0700 ? consonantClass[scalar - 0x0600] : 0)
    }

    /// Whether no Arabic letter follows `index` before the next space or the end.
    @inline(__always)
    static func endsWord(_ name: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var position = index
        while position < name.count {
            let byte = name[position]
            if byte == 0x20 || byte == 0x0A { return true }
            if let (_, letter) = arabicLetter(name, at: position) {
                if letter != 0 { return false }
                position += 2
            } else {
                position += 1
            }
        }
        return true
    }

    /// Whether two spellings are one name, as `nazif names match` decides: the same letters
    /// (by the key's consonant classes, ج/غ/ق/ك for g, Persian letters and hamza forms folded,
    /// word breaks ignored) in the same order, and between two of them the long vowels (ا و ي) of
    /// one spelling are some of the other's, in order: a long vowel may be written or not, but
    /// not replaced by another. So زرداري = زارداري and فلاديفستوك = فلاديفوستوك, while فولوديمير
    /// (u, u) ≠ فلاديمير (a) and كيم جونغ إيل ≠ كيم جونغ أون. Measured on real spelling variants and
    /// near-miss names (`Tools/names/eval_match.py`, README). A vowel written or not is also all
    /// that tells some names apart (حسن / حسين, محمد / محمود): when the dictionary lists both
    /// spellings under different Latin names, they are two names.
    ///
    /// ```swift
    /// NameKey.isSameName("فلاديفوستوك", "فلاديفستوك")   // true
    /// NameKey.isSameName("فولوديمير", "فلاديمير")       // false
    /// ```
    public static func isSameName(_ first: String, _ second: String) -> Bool {
        // Two common spellings the dictionary lists under different Latin names are two names,
        // however close their letters (حسن Hassan / حسين Hussein, محمد Mohamed / محمود Mahmoud).
        // Rare entries may be one name's two Latin spellings (ليولين Llewellin / ليويلين Llewellyn).
        let dictionary = NameDictionary.builtIn
        if let one = dictionary.exactEntry(for: first), let other = dictionary.exactEntry(for: second),
            min(one.weight, other.weight) >= commonNameWeight, latinLetters(one.latin) != latinLetters(other.latin)
        {
            return false
        }
        return sameLetters(matchLetters(first), matchLetters(second))
    }

    /// The dictionary weight (``NameDictionary/Entry/weight``: how strongly the public lists
    /// attest the spelling) from which a name counts as common.
    static let commonNameWeight = 50

    /// A Latin name's letters in lower case, without spaces, hyphens and apostrophes ("Kim Jong-un"
    /// and "Kim Jong Un" meet).
    static func latinLetters(_ latin: String) -> String {
        String(latin.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
    }

    /// ``isSameName(_:_:)`` and ``similarity(_:_:)`` at once.
    ///
    /// ```swift
    /// NameKey.match("كيم جونغ إيل", "كيم جونغ أون")   // (same: false, similarity: 0.8)
    /// ```
    public static func match(_ first: String, _ second: String) -> (same: Bool, similarity: Double) {
        (isSameName(first, second), similarity(first, second))
    }

    /// A name's letters for ``isSameName(_:_:)``: consonant classes as upper-case ASCII, long
    /// vowels as `a` (every alef), `u` (و ؤ) and `i` (ي ئ ى), except that و ي starting the name
    /// are the consonants W and Y (يانغ inside بيونغ يانغ is a vowel, as in بيونغيانغ); a vowel repeated at once is kept once. Word breaks are dropped.
    static func matchLetters(_ name: String) -> [UInt8] {
        var name = name
        return name.withUTF8 { bytes in
            var normalized: [UInt8] = []
            normalizer.normalize(utf8: bytes, into: &normalized)
            var out: [UInt8] = []
            var first = true
            var index = 0
            // SAFETY: the buffer is the array's storage, read only within this closure.
            normalized.withUnsafeBufferPointer { normalized in
                while index < normalized.count {
                    guard let (scalar, found) = arabicLetter(normalized, at: index) else {
                        index += 1
                        continue
                    }
                    index += 2
                    var letter = found
                    if letter == vowel {
                        let isWaw = scalar == 0x0648 || scalar == 0x0624
                        letter = UInt8(ascii: first ? (isWaw ? "W" : "Y") : (isWaw ? "u" : "i"))
                    } else if letter == UInt8(ascii: "A") {
                        letter = UInt8(ascii: "a")
                    }
                    guard letter != 0 else { continue }
                    first = false
                    if isLongVowel(letter) && out.last == letter { continue }
                    out.append(letter)
                }
            }
            return out
        }
    }

    @inline(__always)
    static func isLongVowel(_ letter: UInt8) -> Bool {
        letter == UInt8(ascii: "a") || letter == UInt8(ascii: "u") || letter == UInt8(ascii: "i")
    }

    /// The same consonants in order, between each two (and at either end) the vowels of one side
    /// a subsequence of the other side's, and the last vowel the same when both end in one.
    static func sameLetters(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        var i = 0
        var j = 0
        while true {
            let gapA = i
            let gapB = j
            while i < a.count && isLongVowel(a[i]) { i += 1 }
            while j < b.count && isLongVowel(b[j]) { j += 1 }
            guard isSubsequence(a[gapA..<i], of: b[gapB..<j]) || isSubsequence(b[gapB..<j], of: a[gapA..<i]) else {
                return false
            }
            if i == a.count || j == b.count {
                // Ending the name, a vowel against another tells Sergio (سيرجيو) from Sergei (سيرجي).
                guard i == a.count && j == b.count else { return false }
                return gapA == i || gapB == j || a[i - 1] == b[j - 1]
            }
            guard a[i] == b[j] else { return false }
            i += 1
            j += 1
        }
    }

    static func isSubsequence(_ short: ArraySlice<UInt8>, of long: ArraySlice<UInt8>) -> Bool {
        var rest = long.startIndex
        for letter in short {
            guard let found = long[rest...].firstIndex(of: letter) else { return false }
            rest = found + 1
        }
        return true
    }

    /// How much two names sound alike, from 0 to 1: one minus the edit distance between their
    /// phonetic spellings (vowels kept) over the longer one. Equal keys score high; near misses
    /// (a letter more or less) score between.
    ///
    /// ```swift
    /// NameKey.similarity("جيك سوليفان", "جيك سوليفن")   // 0.9
    /// ```
    public static func similarity(_ first: String, _ second: String) -> Double {
        let a = phonetic(first), b = phonetic(second)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return 1 - Double(editDistance(a, b)) / Double(max(a.count, b.count))
    }

    /// The letters as their classes, vowels kept (A, U, I), word breaks dropped.
    static func phonetic(_ name: String) -> [UInt8] {
        var name = name
        return name.withUTF8 { bytes in
            var normalized: [UInt8] = []
            normalizer.normalize(utf8: bytes, into: &normalized)
            var out: [UInt8] = []
            var index = 0
            while index + 1 < normalized.count {
                let byte = normalized[index]
                guard byte >= 0xD8 && byte <= 0xDB else { index += 1; continue }
                let scalar = 0x0600 | Int(byte & 0x03) << 6 | Int(normalized[index + 1] & 0x3F)
                index += 2
                var letter = scalar < 0x0700 ? consonantClass[scalar - 0x0600] : 0
                if letter == vowel { letter = scalar == 0x0648 || scalar == 0x0624 ? UInt8(ascii: "U") : UInt8(ascii: "I") }
                if letter != 0 && letter != out.last { out.append(letter) }
            }
            return out
        }
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Marks a letter as a long vowel (و ي ؤ ئ): kept only at the start of a name.
    static let vowel: UInt8 = 1

    /// For U+0600–06FF: the class letter (ASCII), `vowel`, or 0 for characters the key ignores.
    static let consonantClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        func set(_ letters: String, _ value: Character) {
            for scalar in letters.unicodeScalars { table[Int(scalar.value) - 0x0600] = value.asciiValue! }
        }
        set("اأإآٱ", "A")
        set("ب", "B"); set("پ", "B")
        set("تطثة", "T")  // ة after search folding is ه; kept here for raw input
        set("جغقكگ", "G")
        set("حهۀە", "H")
        set("خ", "X")
        set("دض", "D")
        set("ذزظژ", "Z")
        set("ر", "R")
        set("سص", "S")
        set("ش", "C")
        set("ع", "E")
        set("فڤ", "F")
        set("ل", "L")
        set("م", "M")
        set("ن", "N")
        for scalar in "وؤيئىی".unicodeScalars { table[Int(scalar.value) - 0x0600] = vowel }
        return table
    }()
}
