import CLineScan

/// The counts the SIMD kernel (`CLineScan`, plain C with SSE2) makes of a line of the common
/// kind: printable ASCII other than '-', two-byte Arabic (U+0600–06FF, not U+061C), no-break
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

    /// The counts of `text[range]`, or nil when the line holds another character (or the
    /// machine has no SSE2): the caller scans it character by character.
    init?(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let base = text.baseAddress else { return nil }
        var counts = nazif_line_counts()
        // SAFETY: the kernel reads text[range] only (range lies inside text, as the caller's line).
        guard nazif_scan_simple_line(base, text.count, range.lowerBound, range.upperBound, &counts) != 0 else { return nil }
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
