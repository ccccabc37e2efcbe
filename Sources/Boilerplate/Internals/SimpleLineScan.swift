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
        let found = switch width {
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
