/// Splits text into sentences with ICU's sentence rules, corrected for Arabic text.
///
/// Thread-safe: share one splitter.
///
/// ```swift
/// let sentences = SentenceSplitter.shared.sentences(in: "وصل كيم. ثم غادر؟ نعم")
/// // ["وصل كيم. ", "ثم غادر؟ ", "نعم"] as byte ranges
/// ```
public final class SentenceSplitter: Sendable {
    let pool: ICUBreakerPool

    /// A splitter shared by the whole process.
    ///
    /// ```swift
    /// SentenceSplitter.shared.sentences(in: text)
    /// ```
    public static let shared: SentenceSplitter = {
        do { return try SentenceSplitter() } catch { fatalError("ICU sentence break data: \(error)") }
    }()

    /// Creates a splitter. Throws when ICU's rules for the locale cannot be loaded.
    ///
    /// ```swift
    /// let splitter = try SentenceSplitter(locale: "ar")
    /// ```
    public init(locale: String = "ar") throws(ArabicTextError) {
        do {
            pool = try ICUBreakerPool(kind: .sentence, locale: locale)
        } catch {
            throw .icu(error)
        }
    }

    /// The byte ranges of the sentences of a string, trailing white space included.
    ///
    /// ```swift
    /// SentenceSplitter.shared.sentences(in: "أ. ب.").count   // 2
    /// ```
    public func sentences(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { sentences(utf8: $0) }
    }

    /// The byte ranges of the sentences of UTF-8 text, trailing white space included.
    ///
    /// ```swift
    /// bytes.withUnsafeBufferPointer { SentenceSplitter.shared.sentences(utf8: $0) }
    /// ```
    public func sentences(utf8 text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        forEachSentence(utf8: text) { result.append($0) }
        return result
    }

    /// Calls `body` with the byte range of each sentence in order.
    ///
    /// ```swift
    /// splitter.forEachSentence(utf8: buffer) { range in print(range) }
    /// ```
    public func forEachSentence(
        utf8 text: UnsafeBufferPointer<UInt8>,
        _ body: (Range<Int>) -> Void
    ) {
        guard text.count > 0 else { return }
        var boundaries: [Int] = []
        pool.withBreaker { breaker in
            breaker.forEachBoundary(in: text) { boundary, _ in boundaries.append(boundary) }
        }
        SentenceCorrections(text: text).apply(to: &boundaries)
        var start = 0
        for boundary in boundaries where boundary > start {
            body(start..<boundary)
            start = boundary
        }
        if start < text.count { body(start..<text.count) }
    }
}

/// The corrections to ICU's sentence boundaries for Arabic text:
/// - no break after a single Arabic letter and a full stop: initials and abbreviations
///   (د. for doctor, ق. م. for BC, أحمد ز. أمين);
/// - no break after an ellipsis inside a line ("ما تفعله... في الواقع");
/// - no break inside a quotation that closes on the same line within a few sentences
///   («… ذهبت. ثم عدت …»);
/// - a break after the Arabic semicolon ؛ followed by a space, as after ؟ and the full stops.
struct SentenceCorrections {
    let text: UnsafeBufferPointer<UInt8>

    /// The longest quotation, in bytes, inside which breaks are suppressed; a quote mark with no
    /// partner within this distance is taken as stray.
    static let maximumQuotation = 600

    func apply(to boundaries: inout [Int]) {
        let quotations = quotedSpans()
        var quotationIndex = 0
        var corrected: [Int] = []
        corrected.reserveCapacity(boundaries.count)
        var semicolons = semicolonBoundaries()[...]
        for boundary in boundaries {
            while let next = semicolons.first, next < boundary {
                corrected.append(next)
                semicolons.removeFirst()
            }
            if semicolons.first == boundary { semicolons.removeFirst() }
            while quotationIndex < quotations.count && quotations[quotationIndex].upperBound <= boundary {
                quotationIndex += 1
            }
            if boundary < text.count,
                shouldSuppress(
                    boundary,
                    insideQuotation: quotationIndex < quotations.count
                        && quotations[quotationIndex].lowerBound < boundary)
            {
                continue
            }
            corrected.append(boundary)
        }
        corrected.append(contentsOf: semicolons)
        boundaries = corrected
    }

    private func shouldSuppress(_ boundary: Int, insideQuotation: Bool) -> Bool {
        // Walk back over the white space before the boundary; a line break there always stands.
        var end = boundary
        while end > 0 {
            let byte = text[end - 1]
            if byte == 0x0A || byte == 0x0D { return false }
            if byte != 0x20 && byte != 0x09 { break }
            end -= 1
        }
        if insideQuotation { return true }
        guard end > 0 else { return false }
        if text[end - 1] == UInt8(ascii: ".") {
            if end >= 2 && text[end - 2] == UInt8(ascii: ".") { return true }  // ".." "..."
            return isSingleArabicLetterWord(endingAt: end - 1)
        }
        // U+2026 HORIZONTAL ELLIPSIS
        if end >= 3 && text[end - 3] == 0xE2 && text[end - 2] == 0x80 && text[end - 1] == 0xA6 {
            return true
        }
        return false
    }

    /// Whether the word ending at `end` is one Arabic letter, perhaps with tatweel (د ق م هـ).
    private func isSingleArabicLetterWord(endingAt end: Int) -> Bool {
        var start = end
        var letters = 0
        while start >= 2 {
            let lead = text[start - 2], trail = text[start - 1]
            guard lead == 0xD8 || lead == 0xD9, trail & 0xC0 == 0x80 else { break }
            let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(trail & 0x3F)
            if scalar != 0x0640 { letters += 1 }
            start -= 2
        }
        guard letters == 1 else { return false }
        return start == 0 || text[start - 1] == 0x20 || text[start - 1] == 0x09
            || text[start - 1] == UInt8(ascii: "(") || text[start - 1] == UInt8(ascii: ".")
    }

    /// Offsets just after "؛ " (the Arabic semicolon and its white space).
    private func semicolonBoundaries() -> [Int] {
        var result: [Int] = []
        var index = 0
        while index + 2 < text.count {
            if text[index] == 0xD8 && text[index + 1] == 0x9B {
                var end = index + 2
                while end < text.count && (text[end] == 0x20 || text[end] == 0x09) { end += 1 }
                if end > index + 2 && end < text.count && text[end] != 0x0A { result.append(end) }
                index = end
                continue
            }
            index += 1
        }
        return result
    }

    /// Quoted stretches «…», “…” and "…" that close on the same line.
    private func quotedSpans() -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        var openGuillemet = -1, openCurly = -1, openStraight = -1
        while index < text.count {
            let byte = text[index]
            if byte == 0x0A {
                openGuillemet = -1; openCurly = -1; openStraight = -1
            } else if byte == UInt8(ascii: "\"") {
                if openStraight >= 0 && index - openStraight <= Self.maximumQuotation {
                    spans.append(openStraight..<index)
                    openStraight = -1
                } else {
                    openStraight = index
                }
            } else if byte == 0xC2 && index + 1 < text.count {
                if text[index + 1] == 0xAB { openGuillemet = index }  // «
                if text[index + 1] == 0xBB, openGuillemet >= 0 {  // »
                    if index - openGuillemet <= Self.maximumQuotation { spans.append(openGuillemet..<index) }
                    openGuillemet = -1
                }
            } else if byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80 {
                if text[index + 2] == 0x9C { openCurly = index }  // “
                if text[index + 2] == 0x9D, openCurly >= 0 {  // ”
                    if index - openCurly <= Self.maximumQuotation { spans.append(openCurly..<index) }
                    openCurly = -1
                }
            }
            index += 1
        }
        return spans.sorted { $0.lowerBound < $1.lowerBound }
    }
}
