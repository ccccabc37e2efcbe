/// Splits text into words, numbers, punctuation and the rest, with byte offsets, using ICU's word
/// break rules on UTF-8 with the corrections Arabic text needs:
///
/// - web addresses, e-mail addresses, hashtags and mentions stay whole;
/// - a number keeps a percent sign that follows it (`15%`, `١٥٪`), as UD Arabic-PUD writes it;
/// - a run of full stops or of ! ? ؟ is one token (`...`, `؟!`);
/// - a full stop between Arabic letters splits them (`ق.م` is ق . م): Arabic abbreviations are
///   written with separate letters, unlike Latin `U.S.`;
/// - tatweel and tashkeel stay inside their word, and ٫ ٬ inside their number (ICU's rules).
///
/// Thread-safe: share one tokenizer; it keeps a pool of ICU iterators, one per thread in use.
///
/// ```swift
/// let tokens = WordTokenizer.shared.tokens(in: "ارتفع 3.5% في ٢٠٢٤...")
/// tokens.map(\.kind)   // [arabicWord, number, arabicWord, number, punctuation]
/// ```
public final class WordTokenizer: Sendable {
    let pool: ICUBreakerPool

    /// A tokenizer shared by the whole process.
    ///
    /// ```swift
    /// WordTokenizer.shared.tokens(in: "مرحبا")
    /// ```
    public static let shared: WordTokenizer = {
        do { return try WordTokenizer() } catch { fatalError("ICU word break data: \(error)") }
    }()

    /// Creates a tokenizer. Throws when ICU's break rules for the locale cannot be loaded.
    ///
    /// ```swift
    /// let tokenizer = try WordTokenizer(locale: "ar")
    /// ```
    public init(locale: String = "ar") throws(ArabicTextError) {
        do {
            pool = try ICUBreakerPool(kind: .word, locale: locale)
        } catch {
            throw .icu(error)
        }
    }

    /// The tokens of a string.
    ///
    /// ```swift
    /// WordTokenizer.shared.tokens(in: "كيم جونغ أون").count   // 3
    /// ```
    public func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(utf8: $0) }
    }

    /// The tokens of UTF-8 text. Text of many lines is fine: no token spans a line break.
    ///
    /// ```swift
    /// bytes.withUnsafeBufferPointer { WordTokenizer.shared.tokens(utf8: $0) }
    /// ```
    public func tokens(utf8 text: UnsafeBufferPointer<UInt8>) -> [Token] {
        tokensCheckingUTF8(text).tokens
    }

    /// The tokens, and the offset of the first ill-formed UTF-8 sequence (nil when the text is
    /// valid): the fast path proves most chunks valid as it reads them, so callers that must
    /// check their input need no separate pass.
    public func tokensCheckingUTF8(_ text: UnsafeBufferPointer<UInt8>) -> (tokens: [Token], firstInvalid: Int?) {
        guard text.count > 0 else { return ([], nil) }
        var regions = ComplexRegions()
        let segments = self.segments(in: text, complexRegions: &regions)
        var assembler = TokenAssembler(text: text, specials: regions.specials)
        assembler.run(segments)
        return (assembler.tokens, regions.firstInvalid)
    }

    /// ICU's segments of the text, the simple chunks filled in without asking ICU (see
    /// ``SimpleWords``). Consecutive complex chunks go to ICU together.
    func segments(in text: UnsafeBufferPointer<UInt8>, complexRegions: inout ComplexRegions) -> [RawSegment] {
        var segments: [RawSegment] = []
        segments.reserveCapacity(text.count / 5)
        pool.withBreaker { breaker in
            SimpleWords.arabicBlock.withUnsafeBufferPointer { arabicBlock in
                var index = 0
                var regionStart = -1
                var regionEnd = -1
                while index < text.count {
                    // ICU attaches a mark after spaces to the spaces (UAX #29 WB4): a region
                    // handed to ICU starts with the white space before its first chunk.
                    let spaceStart = index
                    while index < text.count && SimpleWords.isASCIISpace(text[index]) { index += 1 }
                    guard index < text.count else { break }
                    let start = index
                    if let chunk = SimpleWords.scan(text, &index, arabicBlock: arabicBlock) {
                        if regionStart >= 0 {
                            complexRegions.add(text, regionStart..<regionEnd)
                            breaker.segments(
                                in: UnsafeBufferPointer(rebasing: text[regionStart..<regionEnd]),
                                into: &segments, shiftedBy: regionStart)
                            regionStart = -1
                        }
                        Self.appendEdgePunctuation(text, start..<chunk.core.lowerBound, to: &segments)
                        let status: Int32
                        switch chunk.kind {
                        case .arabic: status = RawSegment.simpleArabic
                        case .latin: status = RawSegment.simpleLatin
                        case .digits: status = WordRuleStatus.number
                        }
                        segments.append(
                            RawSegment(
                                start: chunk.core.lowerBound, end: chunk.core.upperBound,
                                status: status))
                        Self.appendEdgePunctuation(text, chunk.core.upperBound..<index, to: &segments)
                    } else {
                        if regionStart < 0 { regionStart = spaceStart }
                        regionEnd = index
                    }
                }
                if regionStart >= 0 {
                    complexRegions.add(text, regionStart..<regionEnd)
                    breaker.segments(
                        in: UnsafeBufferPointer(rebasing: text[regionStart..<regionEnd]),
                        into: &segments, shiftedBy: regionStart)
                }
            }
        }
        return segments
    }

    /// One segment per punctuation mark, as ICU gives them at a word's edge.
    @inline(__always)
    static func appendEdgePunctuation(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
        to segments: inout [RawSegment]
    ) {
        var index = range.lowerBound
        while index < range.upperBound {
            let length = SimpleWords.edgePunctuationLength(text, index)
            segments.append(RawSegment(start: index, end: index + length, status: RawSegment.simplePunctuation))
            index += length
        }
    }

    /// ICU's segments alone, without the fast path (for tests that check the two agree).
    func icuSegments(in text: UnsafeBufferPointer<UInt8>) -> [RawSegment] {
        var segments: [RawSegment] = []
        pool.withBreaker { $0.segments(in: text, into: &segments, shiftedBy: 0) }
        return segments
    }

    /// Calls `body` with each token of UTF-8 text in order.
    ///
    /// ```swift
    /// tokenizer.forEachToken(utf8: buffer) { token in count += 1 }
    /// ```
    public func forEachToken(utf8 text: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        for token in tokens(utf8: text) { body(token) }
    }
}

/// What the tokenizer learns from the chunks the fast path could not take: their special spans
/// (URLs, e-mail, hashtags, mentions can only occur there) and whether their UTF-8 is valid.
struct ComplexRegions {
    var specials: [SpecialSpan] = []
    var firstInvalid: Int? = nil

    mutating func add(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let region = UnsafeBufferPointer(rebasing: text[range])
        if firstInvalid == nil, let bad = UTF8Validation.firstInvalidOffset(in: region) {
            firstInvalid = range.lowerBound + bad
        }
        for span in SpecialSpans.find(in: region) {
            specials.append(
                SpecialSpan(
                    range: span.range.lowerBound + range.lowerBound..<span.range.upperBound + range.lowerBound,
                    kind: span.kind))
        }
    }
}

/// One ICU segment: the bytes between two boundaries and the rule status of the boundary at its
/// end (a ``WordRuleStatus``), or one of the fast path's own statuses below.
struct RawSegment {
    var start: Int
    var end: Int
    var status: Int32

    /// A bare Arabic word found by the fast path: a token as it is, no corrections to check.
    static let simpleArabic: Int32 = 299
    /// A bare ASCII word found by the fast path.
    static let simpleLatin: Int32 = 298
    /// A punctuation mark at a word's edge found by the fast path.
    static let simplePunctuation: Int32 = 97
}
