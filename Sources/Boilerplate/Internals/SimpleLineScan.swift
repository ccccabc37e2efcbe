import CLineScan

/// The counts the SIMD kernel (`CLineScan`, plain C with AVX2 or SSE2) makes of a line of the
/// common kind: printable ASCII other than '-', two-byte Arabic (U+0600–06FF, not U+061C), no-break
/// spaces, quotes, the bullet and the ellipsis. Everything C is fenced here.
struct SimpleLineCounts {
    /// Runs of visible characters.
    var tokens: Int
    /// . ! ? , ; ، ؛ ؟
    var punctuation: Int
    /// . ! ? ؟
    var sentenceEnds: Int
    var pipes: Int
    var gluedFinalLetters: Int
    var longWords: Int
    var hasAt: Bool
    var hasVisible: Bool

    /// The vector width the kernel works at.
    enum Width {
        /// 32 bytes (AVX2) where the processor has it, else 16.
        case best
        /// 16 bytes (SSE2).
        case sse2
        /// 32 bytes (AVX2); every line is refused without it.
        case avx2
    }

    /// Whether the processor runs the 32-byte kernel.
    static var hasAVX2: Bool { nazif_has_avx2() != 0 }

    /// The counts of `text[range]`, or nil when the line holds another character (or the
    /// machine has no SSE2): the caller scans it character by character.
    init?(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, width: Width = .best) {
        guard let base = text.baseAddress else { return nil }
        var counts = nazif_line_counts()
        // SAFETY: the kernel reads inside text[0..<text.count] only (range lies inside text, as
        // the caller's line; a tail block may read past the line, not past the text).
        let found =
            switch width {
            case .best: nazif_scan_simple_line(base, text.count, range.lowerBound, range.upperBound, &counts)
            case .sse2: nazif_scan_simple_line_width(base, text.count, range.lowerBound, range.upperBound, &counts, 16)
            case .avx2: nazif_scan_simple_line_width(base, text.count, range.lowerBound, range.upperBound, &counts, 32)
            }
        guard found != 0 else { return nil }
        tokens = Int(counts.tokens)
        punctuation = Int(counts.punctuation)
        sentenceEnds = Int(counts.sentenceEnds)
        pipes = Int(counts.pipes)
        gluedFinalLetters = Int(counts.gluedFinalLetters)
        longWords = Int(counts.longWords)
        hasAt = counts.hasAt != 0
        hasVisible = counts.hasVisible != 0
    }
}

/// The byte counts of a line's key, from the SIMD kernel (`CLineScan`; one byte at a time on a
/// processor without SSE2): eight bytes at a time in Swift they were 5% of `clean`.
struct KeyByteCounts: Equatable {
    /// 0x20 bytes: the key profile leaves single spaces between words, so words are spaces + 1.
    var spaces = 0
    /// Lead bytes D8...DB: the Arabic letters of a key.
    var arabicLeads = 0
    /// UTF-8 continuation bytes: characters are bytes minus these.
    var continuations = 0

    /// The counts of `keys[range]`; `width` picks the kernel (tests compare them).
    init(_ keys: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, width: SimpleLineCounts.Width = .best) {
        guard let base = keys.baseAddress, !range.isEmpty else { return }
        var counts = nazif_key_counts()
        // SAFETY: the kernel reads inside keys[0..<keys.count] only (range lies inside keys; a
        // tail block may read past the line, not past the keys).
        switch width {
        case .best: nazif_count_key_bytes(base, keys.count, range.lowerBound, range.upperBound, &counts)
        case .sse2: nazif_count_key_bytes_width(base, keys.count, range.lowerBound, range.upperBound, &counts, 16)
        case .avx2: nazif_count_key_bytes_width(base, keys.count, range.lowerBound, range.upperBound, &counts, 32)
        }
        spaces = Int(counts.spaces)
        arabicLeads = Int(counts.arabicLeads)
        continuations = Int(counts.continuations)
    }

    /// The counts made one byte at a time (the reference the kernel is tested against).
    init(countingEachByteOf key: UnsafeBufferPointer<UInt8>) {
        for byte in key {
            spaces += byte == 0x20 ? 1 : 0
            arabicLeads += byte & 0xFC == 0xD8 ? 1 : 0
            continuations += byte & 0xC0 == 0x80 ? 1 : 0
        }
    }
}
