import ArabicText

/// A count stored in 32 bits (clamped), read and written as an Int: with its counts in 32
/// bits a LineInfo is 104 bytes, copied with a few vector moves rather than a call to memcpy
/// (the rules copy it line by line).
@propertyWrapper
struct Count32: Equatable {
    private var stored: Int32

    init(wrappedValue: Int) { stored = Int32(clamping: wrappedValue) }

    var wrappedValue: Int {
        get { Int(stored) }
        set { stored = Int32(clamping: newValue) }
    }
}

/// What the rules know about one line, computed in one pass over its bytes and its key.
struct LineInfo: Equatable {
    /// The line's bytes in the document, without its line break (and without a CR before it).
    var range: Range<Int>
    /// The line with its line break ("\n" or "\r\n"; none for a last line without one).
    var span: Range<Int> = 0..<0
    /// The line's key (profile `key`) in ``LineTable/keys``.
    var keyRange: Range<Int>
    var keyHash: UInt64 = 0
    /// Only white space and invisible characters.
    var isBlank = true
    /// Words of the key.
    @Count32 var wordCount = 0
    /// Space-separated tokens of the line as written ("U.S." is one, its key "u s" two words).
    @Count32 var tokenCount = 0
    /// Arabic letters in the key.
    @Count32 var arabicLetters = 0
    /// Characters of the key.
    @Count32 var keyCharacters = 0
    /// '|' characters.
    @Count32 var pipes = 0
    /// Sentence punctuation inside the line (. ! ? ؟ ، ؛ , ;) not counting the last character.
    @Count32 var innerPunctuation = 0
    /// Sentence ends inside the line (. ! ? ؟) not counting the last character.
    @Count32 var innerSentenceEnds = 0
    /// The last visible character ends a sentence (. ! ? ؟ … ۔, optionally before a closing
    /// quote or bracket).
    var endsSentence = false
    /// The last visible character is a colon.
    var endsWithColon = false
    /// The last visible character (before closing quotes) is ? ؟ or !: a headline may end so.
    var endsWithQuestion = false
    /// The first visible character is a bullet (• · ▪ ◦ ● ► - * – —).
    var isBulleted = false
    /// The first visible character is '*'.
    var startsWithAsterisk = false
    /// A © sign.
    var hasCopyright = false
    /// An '@'.
    var hasAt = false
    /// A spaced dash (" - ", " – ", " — ").
    var hasSpacedDash = false
    /// A dash of any spacing between Arabic words ("أحمد البشيري-الباحة", "فلان -عين اليوم").
    var hasArabicDash = false
    /// Letters right after a teh marbuta or alef maksura, which only end words ("مسيرةزيلينسكي").
    @Count32 var gluedFinalLetters = 0
    /// Runs of 16 bytes or more between spaces (as written): words long enough to hold two.
    @Count32 var longWords = 0

    /// Prose: a paragraph of the article, not a title, list item or widget.
    var isProse: Bool { wordCount >= 12 && (endsSentence || innerPunctuation >= 2) || wordCount >= 30 }
    /// A sentence: eight words or more ending with sentence punctuation, or prose.
    var isSentence: Bool { wordCount >= 8 && endsSentence || isProse }
    /// Short and without sentence punctuation at its end: a title, a headline, a list item.
    var isHeadlineLike: Bool { !isBlank && wordCount <= 25 && !endsSentence }
}

/// A document split into lines, with each line's key and features. The keys of the whole
/// document come from one call to the key normalizer (it keeps line structure), so the per-line
/// work is byte scans over ranges: no String or Array per line.
///
/// The table borrows the text and the key text: it lives only as long as the call that made it
/// (``Cleaner/decide(_:group:)-(DocumentView,_)``), which keeps both alive.
struct LineTable {
    let text: UnsafeBufferPointer<UInt8>
    var lines: [LineInfo] = []
    /// The document's key text (profile `key`), line for line.
    let keys: UnsafeBufferPointer<UInt8>
    /// Where the text stops being valid UTF-8 (the keys saw U+FFFD there), if it does.
    let firstInvalidOffset: Int?

    /// The lines of a borrowed document. Its line hashes, when given, are used if their number
    /// matches the key text's non-empty lines; otherwise they are computed. A key text with
    /// fewer lines than the text (a broken precondition, caught by ``DocumentView``'s debug
    /// check) gives the missing lines empty keys rather than an invalid range.
    init(_ document: DocumentView) {
        let text = document.text
        let keys = document.keyText
        self.text = text
        self.keys = keys
        self.firstInvalidOffset = document.firstInvalidOffset
        // Room for lines of 32 bytes on average (up to 4,096 lines): growing an array of
        // LineInfo from empty copied it over and over (2% of `clean`).
        lines.reserveCapacity(min(text.count / 32, 4096) + 1)
        var lineStart = 0
        var keyStart = 0
        // No line after a final line break; no line at all in an empty text.
        while lineStart < text.count {
            let lineEnd = Self.nextLineBreak(text, from: lineStart)
            let keyEnd = Self.nextLineBreak(keys, from: keyStart)
            var contentEnd = lineEnd
            if contentEnd > lineStart && text[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var keyContentEnd = keyEnd
            if keyContentEnd > keyStart && keys[keyContentEnd - 1] == 0x0D { keyContentEnd -= 1 }
            var info = LineInfo(range: lineStart..<contentEnd, keyRange: keyStart..<keyContentEnd)
            info.span = lineStart..<min(lineEnd + 1, text.count)
            Self.measure(&info, text: text, keys: keys)
            lines.append(info)
            lineStart = lineEnd + 1
            keyStart = min(keyEnd + 1, keys.count)
        }
        // Each line's key hash: handed over (one per line with a non-empty key), or computed.
        let nonEmpty = lines.reduce(0) { $0 + ($1.keyRange.isEmpty ? 0 : 1) }
        let handed = document.lineHashes.flatMap { $0.count == nonEmpty ? $0 : nil }
        var next = 0
        for index in lines.indices {
            let keyRange = lines[index].keyRange
            if let handed, !keyRange.isEmpty {
                lines[index].keyHash = handed[next]
                next += 1
            } else {
                lines[index].keyHash = KeyHash.lineHash(UnsafeBufferPointer(rebasing: keys[keyRange]))
            }
        }
    }

    /// The lines of a text and its key text (borrowed), line hashes computed.
    init(text: UnsafeBufferPointer<UInt8>, keys: UnsafeBufferPointer<UInt8>, firstInvalidOffset: Int? = nil) {
        self.init(DocumentView(text: text, keyText: keys, lineHashes: nil, firstInvalidOffset: firstInvalidOffset))
    }

    /// The offset of the next "\n" at or after `start`, or the end.
    @inline(__always)
    static func nextLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        CLibrary.firstIndex(of: 0x0A, in: bytes, from: start)
    }

    /// Calls `body` with the range of each word of `bytes[range]` (runs of bytes between
    /// spaces; empty runs skipped).
    ///
    /// ```swift
    /// LineTable.forEachWord(in: key) { word in hashes.insert(KeyHash.hash(UnsafeBufferPointer(rebasing: key[word]))) }
    /// ```
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>? = nil, _ body: (Range<Int>) -> Void) {
        let range = range ?? 0..<bytes.count
        guard let base = bytes.baseAddress else { return }
        var start = range.lowerBound
        while start < range.upperBound {
            let end =
                CLibrary.firstByte(0x20, in: base + start, count: range.upperBound - start)
                .map { $0 - UnsafeRawPointer(base) } ?? range.upperBound
            if end > start { body(start..<end) }
            start = end + 1
        }
    }

    /// The key bytes of a line (indexed from zero).
    func key(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: keys[lines[index].keyRange]) }

    // MARK: - Features

    /// - Parameter simpleScan: the SIMD kernel's width for lines of the common kind; nil scans
    ///   every line one character at a time (tests compare
    ///   the two).
    static func measure(
        _ info: inout LineInfo, text: UnsafeBufferPointer<UInt8>,
        keys: UnsafeBufferPointer<UInt8>, simpleScan: SimpleLineCounts.Width? = .best
    ) {
        let counts = KeyByteCounts(keys, info.keyRange, width: simpleScan ?? .best)
        info.wordCount = info.keyRange.isEmpty ? 0 : counts.spaces + 1
        info.arabicLetters = counts.arabicLeads
        info.keyCharacters = info.keyRange.count - counts.continuations

        // The line as written: sixteen bytes at a time when it holds only printable ASCII and
        // Arabic letters and marks (most lines), else one pass, counters in locals.
        if let width = simpleScan, info.range.count >= 16, measureSimpleLine(&info, text: text, width: width) { return }
        var index = info.range.lowerBound
        let end = info.range.upperBound
        var state = ScanState()
        var lastSpace = index - 1
        var longWords = 0
        while index < end {
            let byte = text[index]
            // A run of Arabic letters (U+0621–064A) takes the shortest way: only the letter
            // before each one matters (a teh marbuta or alef maksura before a letter is a glue).
            if byte >= 0xD8 && byte <= 0xD9 && index + 1 < end {
                var scalar = 0x0600 | UInt32(byte & 0x03) << 6 | UInt32(text[index + 1] & 0x3F)
                if scalar >= 0x0621 && scalar <= 0x064A {
                    if state.previousIsSpace { state.tokens += 1 }
                    state.previousIsSpace = false
                    if state.firstVisible == nil { state.firstVisible = scalar }
                    if state.previous == 0x0629 || state.previous == 0x0649 { state.gluedFinalLetters += 1 }
                    var beforeLast = state.lastVisible
                    index += 2
                    while index + 1 < end {
                        let lead = text[index]
                        guard lead == 0xD8 || lead == 0xD9 else { break }
                        let next = 0x0600 | UInt32(lead & 0x03) << 6 | UInt32(text[index + 1] & 0x3F)
                        guard next >= 0x0621 && next <= 0x064A else { break }
                        if scalar == 0x0629 || scalar == 0x0649 { state.gluedFinalLetters += 1 }
                        beforeLast = scalar
                        scalar = next
                        index += 2
                    }
                    state.beforeLastVisible = beforeLast
                    state.lastVisible = scalar
                    state.previous = scalar
                    continue
                }
            }
            if byte == 0x20 {
                state.previousIsSpace = true
                state.previous = 0x20
                if index - lastSpace > 16 { longWords += 1 }
                lastSpace = index
                index += 1
                continue
            }
            var scalar = UInt32(byte)
            var length = 1
            if byte >= 0x80 { (scalar, length) = decode(text, index, end) }
            if isInvisible(scalar) {
                state.previousIsSpace = true
            } else {
                state.visible(scalar, &info, text: text, at: index, length: length, end: end)
            }
            state.previous = scalar
            index += length
        }
        if end - lastSpace > 16 { longWords += 1 }
        info.longWords = longWords
        info.tokenCount = state.tokens
        info.gluedFinalLetters = state.gluedFinalLetters
        setEnds(
            &info, first: state.firstVisible, last: state.lastVisible, beforeLast: state.beforeLastVisible,
            punctuation: state.punctuation, sentenceEnds: state.sentenceEnds)
    }

    /// The features read off the line's first and last visible characters, and its punctuation
    /// counts less the last character's: shared by the character scan and the kernel's path.
    static func setEnds(
        _ info: inout LineInfo, first: UInt32?, last: UInt32, beforeLast: UInt32,
        punctuation: Int, sentenceEnds: Int
    ) {
        info.isBlank = first == nil
        info.innerPunctuation = punctuation - (isSentencePunctuation(last) ? 1 : 0)
        info.innerSentenceEnds = sentenceEnds - (isSentenceEnd(last) ? 1 : 0)
        let ending = isClosingMark(last) ? beforeLast : last
        info.endsSentence = isSentenceEnd(ending) || ending == 0x2026 || ending == 0x06D4
        info.endsWithColon = last == 0x3A
        info.endsWithQuestion = ending == 0x3F || ending == 0x061F || ending == 0x21
        if let first {
            switch first {
            case 0x2022, 0xB7, 0x25AA, 0x25E6, 0x25CF, 0x25BA, 0x2D, 0x2013, 0x2014, 0x2A, 0x25A0:
                info.isBulleted = true
            default:
                break
            }
            info.startsWithAsterisk = first == 0x2A
        }
    }

    /// . ! ? ؟ — counted as sentence ends inside a line.
    @inline(__always)
    static func isSentenceEnd(_ scalar: UInt32) -> Bool {
        scalar == 0x2E || scalar == 0x21 || scalar == 0x3F || scalar == 0x061F
    }

    /// Sentence ends and , ; ، ؛ — counted as punctuation inside a line.
    @inline(__always)
    static func isSentencePunctuation(_ scalar: UInt32) -> Bool {
        isSentenceEnd(scalar) || scalar == 0x060C || scalar == 0x061B || scalar == 0x2C || scalar == 0x3B
    }

    /// The text features of a line of printable ASCII (no '-'), two-byte Arabic (U+0600–06FF,
    /// no U+061C), no-break spaces, quotes, bullets and ellipses,
    /// from the SIMD kernel's counts and the characters at its two ends; false, changing
    /// nothing, for any other line. The same values as the character-by-character scan (tests
    /// compare them on every line of the seeds and the evaluation data): in such a line the only
    /// invisible character is the space, and there are no dashes, © or three-byte characters.
    static func measureSimpleLine(
        _ info: inout LineInfo, text: UnsafeBufferPointer<UInt8>,
        width: SimpleLineCounts.Width = .best
    ) -> Bool {
        guard let counts = SimpleLineCounts(text, info.range, width: width) else { return false }
        info.tokenCount = counts.tokens
        info.pipes = counts.pipes
        info.hasAt = counts.hasAt
        info.gluedFinalLetters = counts.gluedFinalLetters
        info.longWords = counts.longWords
        guard counts.hasVisible else {
            setEnds(&info, first: nil, last: 0, beforeLast: 0, punctuation: 0, sentenceEnds: 0)
            return true
        }
        // The characters at the ends (one to three bytes), spaces and no-break spaces skipped.
        func character(endingAt end: Int) -> (scalar: UInt32, start: Int) {
            guard text[end - 1] & 0xC0 == 0x80 else { return (UInt32(text[end - 1]), end - 1) }
            if text[end - 2] & 0xC0 == 0x80 {
                return (
                    UInt32(text[end - 3] & 0x0F) << 12 | UInt32(text[end - 2] & 0x3F) << 6
                        | UInt32(text[end - 1] & 0x3F), end - 3
                )
            }
            return (UInt32(text[end - 2] & 0x1F) << 6 | UInt32(text[end - 1] & 0x3F), end - 2)
        }
        let lower = info.range.lowerBound
        func skipInvisibleBackward(_ end: inout Int) {
            while end > lower {
                if text[end - 1] == 0x20 {
                    end -= 1
                } else if end - 2 >= lower && text[end - 1] == 0xA0 && text[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    return
                }
            }
        }
        var end = info.range.upperBound
        skipInvisibleBackward(&end)
        let (last, lastStart) = character(endingAt: end)
        var beforeLast: UInt32 = 0
        end = lastStart
        skipInvisibleBackward(&end)
        if end > lower { beforeLast = character(endingAt: end).scalar }
        var start = lower
        while text[start] == 0x20 || text[start] == 0xC2 { start += text[start] == 0x20 ? 1 : 2 }
        let first = text[start] < 0x80 ? UInt32(text[start]) : decode(text, start, info.range.upperBound).0
        setEnds(
            &info, first: first, last: last, beforeLast: beforeLast,
            punctuation: counts.punctuation, sentenceEnds: counts.sentenceEnds)
        return true
    }

    /// What the scan of a line carries from one character to the next.
    struct ScanState {
        var previous: UInt32 = 0
        var previousIsSpace = true
        var tokens = 0
        var gluedFinalLetters = 0
        var firstVisible: UInt32? = nil
        var lastVisible: UInt32 = 0
        var beforeLastVisible: UInt32 = 0
        var punctuation = 0
        var sentenceEnds = 0

        /// A visible character other than an Arabic letter.
        @inline(__always)
        mutating func visible(
            _ scalar: UInt32, _ info: inout LineInfo, text: UnsafeBufferPointer<UInt8>,
            at index: Int, length: Int, end: Int
        ) {
            if previousIsSpace { tokens += 1 }
            previousIsSpace = false
            if firstVisible == nil { firstVisible = scalar }
            beforeLastVisible = lastVisible
            lastVisible = scalar
            switch scalar {
            case 0x7C: info.pipes += 1
            case 0xA9: info.hasCopyright = true
            case 0x40: info.hasAt = true
            case 0x2D, 0x2013, 0x2014:
                var next: UInt32 = 0
                if index + length < end {
                    let following = text[index + length]
                    next = following < 0x80 ? UInt32(following) : LineTable.decode(text, index + length, end).0
                }
                if previous == 0x20 && next == 0x20 { info.hasSpacedDash = true }
                let arabicOrSpace = { (value: UInt32) in value == 0x20 || (0x0621...0x064A).contains(value) }
                if arabicOrSpace(previous) && arabicOrSpace(next) && (previous != 0x20 || next != 0x20 || info.hasSpacedDash) {
                    info.hasArabicDash = true
                }
            default:
                break
            }
            if LineTable.isSentencePunctuation(scalar) { punctuation += 1 }
            if LineTable.isSentenceEnd(scalar) { sentenceEnds += 1 }
        }
    }

    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (UInt32, Int) {
        let lead = text[index]
        if lead >= 0xC2 && lead <= 0xDF && index + 1 < end {
            return ((UInt32(lead) & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F), 2)
        }
        if lead >= 0xE0 && lead <= 0xEF && index + 2 < end {
            return (
                (UInt32(lead) & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6
                    | UInt32(text[index + 2] & 0x3F), 3
            )
        }
        if lead >= 0xF0 && index + 3 < end {
            return (
                (UInt32(lead) & 0x07) << 18 | UInt32(text[index + 1] & 0x3F) << 12
                    | UInt32(text[index + 2] & 0x3F) << 6 | UInt32(text[index + 3] & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }

    /// Closing quotes and brackets, looked through when asking how a line ends.
    @inline(__always)
    static func isClosingMark(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x201D, 0x2019: return true
        default: return false
        }
    }

    /// White space and invisible format characters: a line of only these is blank.
    @inline(__always)
    static func isInvisible(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0xAD, 0x061C, 0x180E, 0x1680,
            0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F, 0x3000, 0xFEFF:
            return true
        default:
            return scalar < 0x20
        }
    }
}
