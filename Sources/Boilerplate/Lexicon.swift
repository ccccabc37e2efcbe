import ArabicText

/// The marker phrases of boilerplate: "المصدر:", "اقرأ أيضاً", "مقالات مشابهة", widget lines,
/// and the cue words of advertising copy. Loaded from a versioned data file (see
/// `Sources/Boilerplate/Data/lexicon.tsv` for the format); users add their own.
///
/// ```swift
/// var lexicon = Lexicon.default
/// lexicon.add(try Lexicon(parsing: "line\texact\twidget\tاشترك بقناتنا\n"))
/// ```
public struct Lexicon: Sendable {
    /// How far a marker's effect reaches.
    public enum Scope: String, Sendable, CaseIterable {
        /// The line only.
        case line
        /// The line and the list that follows it.
        case list
        /// The line and the rest of the document.
        case rest
        /// Not a marker: a word counted by a rule (rule "promo").
        case cue
    }

    /// How a phrase must stand on its line to count.
    public enum Match: String, Sendable, CaseIterable {
        /// The whole line is the phrase.
        case exact
        /// The phrase followed by a colon, or alone.
        case label
        /// Alone: the scope applies. With text after it: the line only.
        case heading
        /// The line starts with the phrase.
        case start
        /// (Cues) the phrase is a word of the line.
        case word
    }

    /// One entry of the lexicon.
    public struct Entry: Sendable, Hashable {
        public var scope: Scope
        public var match: Match
        /// The rule name reported, without the "marker." prefix.
        public let rule: String
        /// The phrase as written in the lexicon.
        public var phrase: String
        /// The phrase's key form: what lines are compared with.
        public var key: [UInt8]
        /// The number of words of the key.
        public var wordCount: Int
        /// The name removals report: "marker." and ``rule``, made once here rather than for
        /// every line a marker removes.
        let reportedRule: String

        init(scope: Scope, match: Match, rule: String, phrase: String, key: [UInt8], wordCount: Int) {
            self.scope = scope
            self.match = match
            self.rule = rule
            self.phrase = phrase
            self.key = key
            self.wordCount = wordCount
            reportedRule = "marker." + rule
        }
    }

    /// A lexicon line that cannot be parsed, by its former name.
    @available(*, deprecated, renamed: "BoilerplateError")
    public typealias ParseError = BoilerplateError

    /// The entries, in file order.
    public private(set) var entries: [Entry] = []
    /// Marker entries (not cues), bucketed by the first two bytes of their key: a flat array
    /// of 65,536 buckets, so looking a line up costs no hashing. Each candidate carries the
    /// first eight bytes of its key, so a line that starts otherwise is passed over without
    /// touching the entry (most Arabic lines start with ا, like dozens of markers).
    private(set) var buckets: [[MarkerCandidate]] = Array(repeating: [], count: 1 << 16)

    /// A marker entry in its bucket: its index and the first eight bytes of its key.
    struct MarkerCandidate: Sendable {
        let entry: Int
        /// The key's first eight bytes (fewer for a shorter key), little-endian.
        let head: UInt64
        /// The bytes of `head` that count.
        let headMask: UInt64

        init(entry: Int, key: [UInt8]) {
            self.entry = entry
            (head, headMask) = key.withUnsafeBufferPointer { Self.head($0) }
        }

        /// The first eight bytes of `bytes` (fewer when it is shorter) and their mask.
        @inline(__always)
        static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            let length = min(bytes.count, 8)
            if length == 8, let base = bytes.baseAddress {
                // SAFETY: an unaligned load of the first eight bytes, inside the buffer.
                return (UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).littleEndian, ~0)
            }
            var value: UInt64 = 0
            for index in 0..<length { value |= UInt64(bytes[index]) << UInt64(8 * index) }
            return (value, length == 0 ? 0 : ~0 >> UInt64(64 - 8 * length))
        }

        /// Whether a line whose key starts with `lineHead` (``head(_:)`` of its key) can start
        /// with this entry's key.
        @inline(__always)
        func mayStart(_ lineHead: UInt64) -> Bool { lineHead & headMask == head }
    }
    /// Cue words by rule: the hashes of their keys.
    private(set) var cues: [String: Set<UInt64>] = [:]
    /// Cue words by rule: their first two bytes, to skip hashing words that cannot be cues.
    private(set) var cueStarts: [String: CueStarts] = [:]

    /// Word starts (up to four bytes: two Arabic letters) of cue words, hashed into a
    /// 65,536-bit map: a word whose start is not in it cannot be a cue, so most words are
    /// ruled out without hashing them whole.
    struct CueStarts: Sendable {
        var bits = [UInt64](repeating: 0, count: 1024)

        /// The bucket of the word starting at `start` in `bytes` (ending at a space or the end):
        /// its first four bytes at most, packed first byte highest. The promotion rule's kernel
        /// (``forEachCandidate(in:_:)``) computes the same in C, four bytes at a time; this is
        /// the plain version, used to build the map and to test the kernel.
        static func bucket(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
            var packed: UInt32 = 0
            var index = start
            while index < bytes.count && index < start + 4 && bytes[index] != 0x20 {
                packed = packed << 8 | UInt32(bytes[index])
                index += 1
            }
            return Int((packed &* 0x9E37_79B1) >> 16)
        }

        mutating func insert(word: [UInt8]) {
            let bucket = word.withUnsafeBufferPointer { Self.bucket($0, 0) }
            bits[bucket >> 6] |= 1 << UInt64(bucket & 63)
        }

        /// Whether the word starting at `start` in `bytes` has its bucket set: one word at a
        /// time, the reference ``forEachCandidate(in:_:)``'s kernel is tested against.
        func contains(_ bytes: UnsafeBufferPointer<UInt8>, wordAt start: Int) -> Bool {
            let bucket = Self.bucket(bytes, start)
            return bits[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
        }
    }

    /// The lexicon that ships with Nazif (Arabic news sites and common English widgets).
    /// The text of the built-in lexicon (``default``), with the header that documents the
    /// format: the starting point for a lexicon of your own (`nazif clean --print-lexicon`).
    ///
    /// ```swift
    /// let mine = try Lexicon(parsing: Lexicon.defaultSource + "line\tlabel\tsource\tنقلا عن\n")
    /// ```
    public static var defaultSource: String { EmbeddedData.lexicon_tsv }

    public static let `default`: Lexicon = {
        do {
            return try Lexicon(parsing: EmbeddedData.lexicon_tsv)
        } catch {
            fatalError("the built-in lexicon does not parse: \(error)")
        }
    }()

    /// An empty lexicon.
    public init() {}

    /// Parses lexicon text (the format of `lexicon.tsv`: `scope<TAB>match<TAB>rule<TAB>phrase`,
    /// `#` comments, blank lines ignored).
    ///
    /// ```swift
    /// let extra = try Lexicon(parsing: "line\tstart\tpromo\tحمل تطبيقنا\n")
    /// ```
    public init(parsing text: String) throws(BoilerplateError) {
        let key = ArabicNormalizer(profile: .key)
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on it too, or a CRLF file is one long line.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw .lexiconSyntax(line: lineNumber, "expected 4 tab-separated fields (scope, match, rule, phrase), found \(fields.count)")
            }
            guard let scope = Scope(rawValue: String(fields[0])) else {
                throw .lexiconSyntax(line: lineNumber, "unknown scope '\(fields[0])' (line, list, rest, cue)")
            }
            guard let match = Match(rawValue: String(fields[1])) else {
                throw .lexiconSyntax(line: lineNumber, "unknown match '\(fields[1])' (exact, label, heading, start, word)")
            }
            guard (scope == .cue) == (match == .word) else {
                throw .lexiconSyntax(line: lineNumber, "cues take match 'word', and only cues do")
            }
            let rule = String(fields[2])
            guard !rule.isEmpty, rule.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw .lexiconSyntax(line: lineNumber, "rule names are ASCII letters, digits and '-': '\(rule)'")
            }
            let phrase = String(fields[3])
            let normalized = Array(key.normalize(phrase).utf8)
            guard !normalized.isEmpty else {
                throw .lexiconSyntax(line: lineNumber, "the phrase '\(phrase)' is empty once normalized")
            }
            add(
                Entry(
                    scope: scope, match: match, rule: rule, phrase: phrase, key: normalized,
                    wordCount: normalized.split(separator: 0x20).count))
        }
    }

    /// Adds one entry.
    ///
    /// ```swift
    /// lexicon.add(entry)
    /// ```
    public mutating func add(_ entry: Entry) {
        entries.append(entry)
        if entry.scope == .cue {
            cues[entry.rule, default: []].insert(entry.key.withUnsafeBufferPointer { KeyHash.hash($0) })
            cueStarts[entry.rule, default: CueStarts()].insert(word: entry.key)
        } else {
            buckets[Int(Self.bucket(entry.key))].append(MarkerCandidate(entry: entries.count - 1, key: entry.key))
        }
    }

    /// Adds every entry of another lexicon (a user's file on top of the default one).
    ///
    /// ```swift
    /// var lexicon = Lexicon.default
    /// lexicon.add(try Lexicon(parsing: userText))
    /// ```
    public mutating func add(_ other: Lexicon) {
        for entry in other.entries { add(entry) }
    }

    static func bucket(_ key: some Collection<UInt8>) -> UInt16 {
        var iterator = key.makeIterator()
        let first = UInt16(iterator.next() ?? 0)
        let second = UInt16(iterator.next() ?? 0)
        return first << 8 | second
    }
}
