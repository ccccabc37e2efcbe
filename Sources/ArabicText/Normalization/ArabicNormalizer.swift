/// Normalizes Arabic text on UTF-8: a Unicode form through ICU, then the Arabic folds of its
/// options, in one pass over the bytes. Thread-safe: one instance can serve every thread.
///
/// Lines keep their structure: line breaks are never added or removed, so the output has one line
/// per input line. Ill-formed UTF-8 becomes U+FFFD.
///
/// ```swift
/// let search = ArabicNormalizer(profile: .search)
/// search.normalize("إقرأ أيضاً")      // "اقرا ايضا"
/// search.normalize("کوریا الشمالیة")  // "كوريا الشماليه"
/// ```
///
/// Cost: one pass, O(n) in the input's bytes. The first normalizer for a set of options builds a
/// 512 KiB table (about a millisecond); later ones share it.
public final class ArabicNormalizer: Sendable {
    /// The options this normalizer applies.
    public let options: NormalizationOptions
    let table: FoldTable
    /// Whether the fold loop may use the SIMD block kernel (off only in tests that compare the
    /// loop with and without it).
    let blockKernel: Bool

    /// A normalizer for a named profile.
    ///
    /// ```swift
    /// let key = ArabicNormalizer(profile: .key)
    /// ```
    public convenience init(profile: NormalizationProfile) {
        self.init(options: profile.options)
    }

    /// A normalizer for options set one by one.
    ///
    /// ```swift
    /// let normalizer = ArabicNormalizer(options: NormalizationOptions(tashkeel: .remove))
    /// ```
    public convenience init(options: NormalizationOptions) {
        self.init(options: options, blockKernel: true)
    }

    /// A normalizer that may (`blockKernel: true`) or may not use the SIMD block kernel.
    init(options: NormalizationOptions, blockKernel: Bool) {
        self.options = options
        self.table = FoldTable.shared(for: options)
        self.blockKernel = blockKernel
    }

    /// The normalized form of a string.
    ///
    /// ```swift
    /// ArabicNormalizer(profile: .display).normalize("كيم\u{200F}  جونغ ")   // "كيم جونغ"
    /// ```
    public func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var writer = ByteWriter(capacity: source.count + 16)
            var state = FoldState()
            var recorder = NoOffsets()
            table.run(source, into: &writer, state: &state, recorder: &recorder, blockKernel: blockKernel)
            return writer.toString()
        }
    }

    /// Normalizes UTF-8 bytes, appending the result to `output`. Returns the offset of the
    /// first ill-formed byte sequence (each is written as U+FFFD), or nil when the input was
    /// valid UTF-8 — so a caller needs no separate validation pass.
    ///
    /// - Parameter continuingLine: the bytes continue a line begun in an earlier call (a very
    ///   long line normalized in pieces cut before a space): white space at their start is then a
    ///   space between words, not the start of a line to trim.
    ///
    /// ```swift
    /// var output: [UInt8] = []
    /// let input = Array("أحمد".utf8)
    /// input.withUnsafeBufferPointer { search.normalize(utf8: $0, into: &output) }
    /// ```
    @discardableResult
    public func normalize(
        utf8 source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
        continuingLine: Bool = false
    ) -> Int? {
        var writer = ByteWriter(capacity: source.count + 16)
        var state = FoldState()
        state.atLineStart = !continuingLine
        var recorder = NoOffsets()
        table.run(source, into: &writer, state: &state, recorder: &recorder, blockKernel: blockKernel)
        writer.appendTo(&output)
        return state.firstInvalidOffset
    }

    /// Normalizes UTF-8 bytes and calls `body` with the result, without copying it into an
    /// array (the buffer is valid only inside `body`). For hot loops.
    ///
    /// ```swift
    /// let count = input.withUnsafeBufferPointer { search.withNormalized(utf8: $0) { $0.count } }
    /// ```
    public func withNormalized<Result>(
        utf8 source: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        var writer = ByteWriter(capacity: source.count + 16)
        var state = FoldState()
        var recorder = NoOffsets()
        table.run(source, into: &writer, state: &state, recorder: &recorder, blockKernel: blockKernel)
        return try body(writer.bytes)
    }

    /// Normalizes UTF-8 bytes and calls `body` with the result and the offset of the first
    /// ill-formed sequence (nil when the bytes are valid; the result has U+FFFD there), without
    /// copying the result into an array (the buffer is valid only inside `body`).
    ///
    /// ```swift
    /// let words = search.withNormalizedCheckingUTF8(utf8: bytes) { text, firstInvalid in
    ///     firstInvalid == nil ? text.split(separator: 0x20).count : 0
    /// }
    /// ```
    public func withNormalizedCheckingUTF8<Result>(
        utf8 source: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, Int?) throws -> Result
    ) rethrows -> Result {
        var writer = ByteWriter(capacity: source.count + 16)
        var state = FoldState()
        var recorder = NoOffsets()
        table.run(source, into: &writer, state: &state, recorder: &recorder, blockKernel: blockKernel)
        return try body(writer.bytes, state.firstInvalidOffset)
    }

    /// The normalized form of a string with the map back to the original's bytes.
    ///
    /// ```swift
    /// let result = ArabicNormalizer(profile: .search).normalizeWithOffsets("أحمدُ")
    /// result.text                                    // "احمد"
    /// result.offsets.sourceRange(for: 0..<2)         // 0..<2: "أ"
    /// ```
    public func normalizeWithOffsets(_ text: String) -> NormalizedText {
        var text = text
        return text.withUTF8 { source in
            var writer = ByteWriter(capacity: source.count + 16)
            var state = FoldState()
            var map = OffsetMap()
            table.run(source, into: &writer, state: &state, recorder: &map, blockKernel: blockKernel)
            map.sourceLength = source.count
            map.outputLength = writer.count
            return NormalizedText(text: writer.toString(), offsets: map)
        }
    }
}

/// A normalized text and the map from its bytes back to the original's.
///
/// ```swift
/// let result = ArabicNormalizer(profile: .key).normalizeWithOffsets("Hello، عالم")
/// ```
public struct NormalizedText: Sendable, Hashable {
    /// The normalized text.
    public let text: String
    /// For any byte range of `text`, the byte range of the original it came from.
    public let offsets: OffsetMap
}
