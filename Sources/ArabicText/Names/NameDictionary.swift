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

    /// Latin by exact spelling (search-normalized, single spaces).
    var exact: [String: Entry] = [:]
    /// Latin by name key.
    var byKey: [NameKey: Entry] = [:]
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
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let weight = Int(fields[2]), !fields[0].isEmpty, !fields[1].isEmpty else { continue }
            add(Entry(arabic: String(fields[0]), latin: String(fields[1]), weight: weight,
                      source: fields.count > 3 ? String(fields[3]) : ""))
        }
    }

    /// Adds an entry; on a collision the heavier entry wins.
    public mutating func add(_ entry: Entry) {
        count += 1
        let spelling = Self.spelling(entry.arabic)
        if exact[spelling].map({ $0.weight < entry.weight }) ?? true { exact[spelling] = entry }
        let key = NameKey(spelling)
        guard !key.value.isEmpty else { return }
        if byKey[key].map({ $0.weight < entry.weight }) ?? true { byKey[key] = entry }
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
        if let found = exact[spelling] { return found }
        let key = NameKey(spelling)
        guard !key.value.isEmpty, let candidate = byKey[key] else { return nil }
        let listed = Self.spelling(candidate.arabic)
        // Word breaks may differ (بيونغ يانغ is بيونغيانغ), but a phrase must not stand for one
        // of its words (جونغ إيل is not "Goncalo"): the listed spelling has as many words, or
        // one word for a phrase written apart.
        let words = Self.wordCount(spelling), listedWords = Self.wordCount(listed)
        guard listedWords == words || listedWords == 1,
              NameKey.similarity(listed, spelling) >= minimumSimilarity else { return nil }
        return candidate
    }

    static func wordCount(_ spelling: String) -> Int {
        spelling.split(separator: " ").count
    }

    /// The entry listed under exactly this spelling (search-normalized), without key matching.
    public func exactEntry(for name: String) -> Entry? { exact[Self.spelling(name)] }

    /// Search-normalized, words separated by single spaces.
    static func spelling(_ text: String) -> String {
        NameKey.normalizer.normalize(text)
    }
}
