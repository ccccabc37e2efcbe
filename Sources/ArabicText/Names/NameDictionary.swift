/// Names in Arabic script with their usual Latin spelling: the public lists Nazif ships
/// (Wikidata name tokens, CC0; google/transliteration, Apache-2.0; GeoNames cities, CC BY 4.0 —
/// see `Sources/ArabicText/Data/names.tsv` for sources and attribution), looked up by exact
/// spelling first and by ``NameKey`` second, so spellings the lists never saw still meet.
///
/// ```swift
/// let dictionary = NameDictionary.builtIn
/// dictionary.latin(for: "بيونج يانج")   // "Pyongyang" (the lists spell it بيونغيانغ)
/// ```
public struct NameDictionary: Sendable {
    /// One entry.
    public struct Entry: Sendable, Hashable {
        /// The Arabic spelling as listed.
        public var arabic: String
        /// The Latin spelling readers expect.
        public var latin: String
        /// How common the pair is (higher wins when spellings collide).
        public var weight: Int
        /// Where the entry comes from: `w` Wikidata person-name tokens, `g` google/transliteration,
        /// `n` GeoNames cities, `c` CLDR countries, `h` Nazif's additions (empty if not given).
        public var source: String = ""
    }

    /// The UTF-8 bytes of a search-normalized spelling, hashed and compared as bytes: Swift's
    /// `String` hashes and compares by canonical equivalence, which cost most of the start-up
    /// (0.5 s for 57 k Arabic entries); the spellings are normalized already, so bytes suffice.
    struct Spelling: Hashable, Sendable {
        var bytes: [UInt8]

        init(_ text: String) { bytes = Array(text.utf8) }
        init(bytes: [UInt8]) { self.bytes = bytes }

        func hash(into hasher: inout Hasher) {
            // SAFETY: withUnsafeBytes lends a buffer over the array's own storage for the call only.
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// Every entry added, in order (the tables below point into it).
    var entries: [Entry] = []
    /// Entry index by exact spelling (search-normalized, single spaces).
    var exact: [Spelling: Int32] = [:]
    /// Entry index by name key (its ASCII letters).
    var byKey: [Spelling: Int32] = [:]
    /// The number of entries read.
    public private(set) var count = 0

    /// The dictionary built into Nazif, parsed on first use.
    public static let builtIn: NameDictionary = NameDictionary(parsing: EmbeddedData.names_tsv)

    /// An empty dictionary.
    public init() {}

    /// Parses `arabic<TAB>latin<TAB>weight[<TAB>source]` lines (`#` comments). Malformed lines
    /// are skipped.
    ///
    /// ```swift
    /// var dictionary = NameDictionary(parsing: "بوتين\tPutin\t100\n")
    /// ```
    public init(parsing text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var lines = 0
            for byte in utf8 where byte == 0x0A { lines += 1 }
            entries.reserveCapacity(lines)
            exact.reserveCapacity(lines)
            byKey.reserveCapacity(lines)
            TabSeparatedLines.forEach(in: utf8) { fields in
                guard fields.count >= 3, !fields[0].isEmpty, !fields[1].isEmpty,
                    let weight = Self.integer(UnsafeBufferPointer(rebasing: utf8[fields[2]]))
                else { return }
                func string(_ range: Range<Int>) -> String {
                    String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self)
                }
                add(
                    Entry(
                        arabic: string(fields[0]), latin: string(fields[1]), weight: weight,
                        source: fields.count > 3 ? string(fields[3]) : ""))
            }
        }
    }

    /// A decimal integer, optionally negative (`Int(_:)` on bytes, without making a String).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 19 else { return nil }
        var value = 0, negative = false
        for (offset, byte) in bytes.enumerated() {
            if offset == 0, byte == 0x2D, bytes.count > 1 { negative = true; continue }
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// Adds an entry; on a collision the heavier entry wins.
    public mutating func add(_ entry: Entry) {
        count += 1
        let spelling = Spelling(Self.spelling(entry.arabic))
        let index = Int32(entries.count)
        entries.append(entry)
        // One probe in the usual case (a new spelling); a lighter newcomer puts the old one back.
        if let old = exact.updateValue(index, forKey: spelling), entries[Int(old)].weight >= entry.weight {
            exact[spelling] = old
        }
        // The spelling is search-normalized already: key it without normalizing again.
        var key: [UInt8] = []
        spelling.bytes.withUnsafeBufferPointer { NameKey.appendKey(ofNormalized: $0, to: &key) }
        guard !key.isEmpty else { return }
        let keySpelling = Spelling(bytes: key)
        if let old = byKey.updateValue(index, forKey: keySpelling), entries[Int(old)].weight >= entry.weight {
            byKey[keySpelling] = old
        }
    }

    /// The Latin spelling of a name (one or several words) if the dictionary knows it, by
    /// spelling or by key.
    ///
    /// ```swift
    /// NameDictionary.builtIn.latin(for: "فلاديفستوك")   // "Vladivostok"
    /// ```
    public func latin(for name: String) -> String? {
        entry(for: name)?.latin
    }

    /// The entry for a name: by spelling, or by key when the listed spelling is a close variant
    /// (the same number of words, phonetic similarity at least `minimumSimilarity`). Keys alone
    /// are too coarse for names the lists never saw: on held-out names only about one key hit
    /// in four is the right name, so the similarity guard keeps the house-style variants
    /// (جونج/جونغ, فلاديفستوك/فلاديفوستوك) and drops the accidental collisions.
    public func entry(for name: String, minimumSimilarity: Double = 0.85) -> Entry? {
        let spelling = Self.spelling(name)
        if let found = exact[Spelling(spelling)] { return entries[Int(found)] }
        let key = NameKey(spelling)
        guard !key.value.isEmpty, let index = byKey[Spelling(key.value)] else { return nil }
        let candidate = entries[Int(index)]
        let listed = Self.spelling(candidate.arabic)
        // Word breaks may differ (بيونغ يانغ is بيونغيانغ), but a phrase must not stand for one
        // of its words (جونغ إيل is not "Goncalo"): the listed spelling has as many words, or
        // one word for a phrase written apart.
        let words = Self.wordCount(spelling), listedWords = Self.wordCount(listed)
        guard listedWords == words || listedWords == 1,
            NameKey.similarity(listed, spelling) >= minimumSimilarity
        else { return nil }
        return candidate
    }

    static func wordCount(_ spelling: String) -> Int {
        spelling.split(separator: " ").count
    }

    /// The entry listed under exactly this spelling (search-normalized), without key matching.
    public func exactEntry(for name: String) -> Entry? {
        exact[Spelling(Self.spelling(name))].map { entries[Int($0)] }
    }

    /// The entries that won their spelling (one per distinct search-normalized spelling).
    var exactEntries: [Entry] { exact.values.map { entries[Int($0)] } }

    /// Search-normalized, words separated by single spaces.
    static func spelling(_ text: String) -> String {
        NameKey.normalizer.normalize(text)
    }
}
