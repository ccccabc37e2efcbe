import ArabicText

/// Removes boilerplate from scraped Arabic articles, line by line, and says why.
///
/// A document is UTF-8 text of lines (paragraphs). Every line is kept byte for byte or removed
/// whole, by the first rule that matches it:
/// markers of the lexicon (with their scope), separators, site headers, timestamps, menus and
/// link rows, copyright and contact footers, bylines, keyword spam, glued headlines, headline
/// lists after the article, advertising copy, repeated paragraphs, and — with a
/// ``RepetitionTable`` — lines that repeat in many documents of the same site. Blank lines go
/// when they no longer separate kept lines.
///
/// Thread-safe: share one cleaner between threads.
///
/// ```swift
/// let cleaner = Cleaner()
/// let result = cleaner.clean("نص المقال.\n\nالمصدر: الوطن\n")
/// result.cleanedText            // "نص المقال.\n"
/// result.removals[0].rule       // "marker.source"
/// ```
public final class Cleaner: Sendable {
    /// The options in force.
    public let options: CleanerOptions
    /// The repetition table consulted by the cross-document rule, if any.
    public let table: RepetitionTable?
    /// The `key` profile, shared by every cleaner and by repetition tables.
    static let keyNormalizer = ArabicNormalizer(profile: .key)

    /// Creates a cleaner.
    ///
    /// ```swift
    /// let cleaner = Cleaner(options: CleanerOptions(), table: try RepetitionTable(contentsOf: bytes))
    /// ```
    public init(options: CleanerOptions = CleanerOptions(), table: RepetitionTable? = nil) {
        self.options = options
        self.table = table
    }

    /// Cleans a document given as a string.
    ///
    /// ```swift
    /// cleaner.clean(article, group: "aawsat.com").cleanedText
    /// ```
    public func clean(_ text: String, group: String = "") -> CleanedDocument {
        var text = text
        return text.withUTF8 { bytes in
            let verdict = decide(utf8: bytes, group: group)
            return CleanedDocument(removals: verdict.removals, lineCount: verdict.lineCount,
                                   cleanedText: String(decoding: verdict.cleanedBytes(of: bytes, terminate: false), as: UTF8.self))
        }
    }

    /// Decides which lines of a UTF-8 document go. The bytes are not copied; use
    /// ``DocumentVerdict/cleanedBytes(of:terminate:)`` or ``DocumentVerdict/keptSpans`` to write
    /// the rest.
    ///
    /// ```swift
    /// let verdict = bytes.withUnsafeBufferPointer { cleaner.decide(utf8: $0, group: "") }
    /// ```
    public func decide(utf8 text: UnsafeBufferPointer<UInt8>, group: String = "") -> DocumentVerdict {
        decide(utf8: text, group: group, keyText: nil)
    }

    /// Decides as ``decide(utf8:group:)`` does, given the document's key text when the caller
    /// computed it already (``keyText(ofUTF8:)``, for example while counting a repetition
    /// table), so that it is not computed twice. It must be exactly that function's result for
    /// these bytes, which must be valid UTF-8; nil computes it.
    ///
    /// ```swift
    /// let (key, _) = Cleaner.keyText(ofUTF8: bytes)
    /// let verdict = key.withUnsafeBufferPointer { cleaner.decide(utf8: bytes, keyText: $0) }
    /// ```
    public func decide(utf8 text: UnsafeBufferPointer<UInt8>, group: String = "",
                       keyText: UnsafeBufferPointer<UInt8>?) -> DocumentVerdict {
        decide(utf8: text, group: group, keyText: keyText, lineHashes: nil)
    }

    /// Decides as ``decide(utf8:group:keyText:)`` does, given also the hashes of the key
    /// text's lines when the caller computed them already (``RepetitionTable/lineHashes(ofKeyText:)``
    /// of that key text, for example while counting a repetition table); nil computes them,
    /// and so does a list that does not match the key text's lines.
    ///
    /// ```swift
    /// let hashes = key.withUnsafeBufferPointer { RepetitionTable.lineHashes(ofKeyText: $0) }
    /// let verdict = key.withUnsafeBufferPointer { keys in
    ///     hashes.withUnsafeBufferPointer { cleaner.decide(utf8: bytes, keyText: keys, lineHashes: $0) }
    /// }
    /// ```
    public func decide(utf8 text: UnsafeBufferPointer<UInt8>, group: String = "",
                       keyText: UnsafeBufferPointer<UInt8>?, lineHashes: UnsafeBufferPointer<UInt64>?) -> DocumentVerdict {
        guard let keyText else {
            let (keys, firstInvalid) = Self.keyText(ofUTF8: text)
            // SAFETY: the line table that borrows the key bytes lives only inside this call;
            // the verdict holds ranges and strings, no pointer.
            return keys.withUnsafeBufferPointer {
                decide(utf8: text, group: group, keys: $0, lineHashes: nil, firstInvalidOffset: firstInvalid)
            }
        }
        return decide(utf8: text, group: group, keys: keyText, lineHashes: lineHashes, firstInvalidOffset: nil)
    }

    private func decide(utf8 text: UnsafeBufferPointer<UInt8>, group: String, keys: UnsafeBufferPointer<UInt8>,
                        lineHashes: UnsafeBufferPointer<UInt64>?, firstInvalidOffset: Int?) -> DocumentVerdict {
        // The line table borrows `text` and `keys`, both alive for this call (the caller's).
        let lines = LineTable(text: text, keys: keys, lineHashes: lineHashes, firstInvalidOffset: firstInvalidOffset)
        var context = RuleContext(lines: lines, options: options,
                                  template: table.map { ($0, $0.group(named: group)) })
        context.run()
        return context.verdict()
    }
}

extension Cleaner {
    /// A document's key text: the `key` normalization profile applied to all of it, line for
    /// line (the text every rule and the repetition table compare), and the offset of its first
    /// ill-formed UTF-8 sequence (nil when valid).
    ///
    /// ```swift
    /// Cleaner.keyText(ofUTF8: bytes).key   // "اقرا ايضا\n…" for "إقرأ أيضاً:\n…"
    /// ```
    public static func keyText(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> (key: [UInt8], firstInvalidOffset: Int?) {
        withKeyText(ofUTF8: text) { (Array($0), $1) }
    }
}

extension Cleaner {
    /// Calls `body` with a document's key text (see ``keyText(ofUTF8:)``) and the offset of
    /// its first ill-formed UTF-8 sequence, without copying the key text into an array: the
    /// buffer is valid only inside `body`.
    ///
    /// ```swift
    /// let hashes = Cleaner.withKeyText(ofUTF8: bytes) { key, _ in RepetitionTable.lineHashes(ofKeyText: key) }
    /// ```
    public static func withKeyText<Result>(ofUTF8 text: UnsafeBufferPointer<UInt8>,
                                           _ body: (UnsafeBufferPointer<UInt8>, Int?) throws -> Result) rethrows -> Result {
        try keyNormalizer.withNormalizedCheckingUTF8(utf8: text, body)
    }
}

/// A cleaned document, as strings.
///
/// ```swift
/// let result = Cleaner().clean(text)
/// print(result.cleanedText, result.removals.count)
/// ```
public struct CleanedDocument: Sendable {
    /// The removed lines, in document order.
    public let removals: [Removal]
    /// The number of lines of the document.
    public let lineCount: Int
    /// The kept lines with their line breaks (ending like the document did).
    public let cleanedText: String
}

/// Which lines of a document stay, and why the others went.
///
/// ```swift
/// let kept = verdict.cleanedBytes(of: bytes)
/// ```
public struct DocumentVerdict: Sendable {
    /// The removed lines, in document order.
    public let removals: [Removal]
    /// The number of lines of the document.
    public let lineCount: Int
    /// The kept lines with their line breaks as they were ("\n", "\r\n", or none for a last
    /// line without one), in order.
    public let keptSpans: [Range<Int>]
    /// Whether the document's last byte is a line break.
    public let endsWithLineBreak: Bool
    /// The offset of the first ill-formed UTF-8 sequence in the document, or nil when it was
    /// valid. The rules saw U+FFFD there; kept lines are still copied byte for byte, so a caller
    /// that needs valid output repairs the text first (the check costs nothing extra: it is part
    /// of computing the keys).
    public let firstInvalidOffset: Int?

    /// The kept lines, byte for byte with their own line breaks. `terminate` adds "\n" after a
    /// last kept line that has none (for writing documents one after another).
    ///
    /// ```swift
    /// let output = verdict.cleanedBytes(of: bytes)
    /// ```
    public func cleanedBytes(of text: UnsafeBufferPointer<UInt8>, terminate: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(keptSpans.reduce(0) { $0 + $1.count + 1 })
        appendCleaned(of: text, to: &output, terminate: terminate)
        return output
    }

    /// Appends the kept lines to `output` (see ``cleanedBytes(of:terminate:)``).
    ///
    /// ```swift
    /// verdict.appendCleaned(of: bytes, to: &buffer)
    /// ```
    public func appendCleaned(of text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8],
                              terminate: Bool = true) {
        forEachCleanedPiece(of: text, terminate: terminate) { output.append(contentsOf: $0) }
    }

    /// Calls `body` with the pieces of the cleaned text in order (see
    /// ``cleanedBytes(of:terminate:)``), without copying them: to escape or encode them on the
    /// way out.
    ///
    /// ```swift
    /// verdict.forEachCleanedPiece(of: bytes, terminate: false) { piece in escaped.append(contentsOf: piece) }
    /// ```
    public func forEachCleanedPiece(of text: UnsafeBufferPointer<UInt8>, terminate: Bool = true,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let last = keptSpans.last else { return }
        for span in keptSpans.dropLast() {
            body(UnsafeBufferPointer(rebasing: text[span]))
        }
        var lastPiece = last
        let endsWithBreak = !last.isEmpty && text[last.upperBound - 1] == 0x0A
        if !terminate, !endsWithLineBreak, endsWithBreak {
            // The document did not end with a line break: neither does its cleaned text.
            lastPiece = last.lowerBound..<(last.upperBound - 1)
            if !lastPiece.isEmpty && text[lastPiece.upperBound - 1] == 0x0D { lastPiece = lastPiece.lowerBound..<(lastPiece.upperBound - 1) }
        }
        body(UnsafeBufferPointer(rebasing: text[lastPiece]))
        if terminate && !endsWithBreak {
            // SAFETY: the one byte of a local, read only during the call.
            withUnsafeBytes(of: UInt8(0x0A)) { body($0.assumingMemoryBound(to: UInt8.self)) }
        }
    }
}
