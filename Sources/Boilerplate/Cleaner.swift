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
            return CleanedDocument(
                removals: verdict.removals, lineCount: verdict.lineCount,
                cleanedText: String(decoding: verdict.cleanedBytes(of: bytes, terminate: false), as: UTF8.self))
        }
    }

    /// Decides which lines of a prepared document go (its key text and line hashes are not
    /// computed again). Use ``DocumentVerdict/cleanedBytes(of:terminate:)-(Document,_)`` to
    /// write the rest.
    ///
    /// ```swift
    /// let document = Document(article)
    /// let verdict = cleaner.decide(document, group: "okaz.com.sa")
    /// let kept = verdict.cleanedBytes(of: document)
    /// ```
    public func decide(_ document: Document, group: String = "") -> DocumentVerdict {
        document.withView { decide($0, group: group) }
    }

    /// Decides which lines of a UTF-8 document go, computing its key text on the way. The
    /// bytes are not copied; write the rest with ``DocumentVerdict/cleanedBytes(of:terminate:)``
    /// given the same bytes (checked in debug builds).
    ///
    /// ```swift
    /// let verdict = bytes.withUnsafeBufferPointer { cleaner.decide(utf8: $0, group: "") }
    /// ```
    public func decide(utf8 text: UnsafeBufferPointer<UInt8>, group: String = "") -> DocumentVerdict {
        decide(utf8: text, group: group, keyText: nil, lineHashes: nil)
    }

    /// Decides as ``decide(utf8:group:)`` does, given the document's key text (and optionally
    /// its line hashes) when the caller computed them already; nil computes them.
    package func decide(
        utf8 text: UnsafeBufferPointer<UInt8>, group: String = "",
        keyText: UnsafeBufferPointer<UInt8>?, lineHashes: UnsafeBufferPointer<UInt64>? = nil
    ) -> DocumentVerdict {
        guard let keyText else {
            return Self.withKeyText(ofUTF8: text) { keys, firstInvalid in
                decide(DocumentView(text: text, keyText: keys, lineHashes: nil, firstInvalidOffset: firstInvalid), group: group)
            }
        }
        return decide(DocumentView(text: text, keyText: keyText, lineHashes: lineHashes, firstInvalidOffset: nil), group: group)
    }

    /// Decides on a borrowed document (the command line's fast path: nothing is copied).
    package func decide(_ document: DocumentView, group: String) -> DocumentVerdict {
        // The line table borrows the view's buffers, alive for this call (the caller's); the
        // verdict holds ranges and strings, no pointer.
        let lines = LineTable(document)
        var context = RuleContext(
            lines: lines, options: options,
            template: table.map { ($0, $0.group(named: group)) })
        context.run()
        return context.verdict()
    }
}

extension Cleaner {
    /// A document's key text: the `key` normalization profile applied to all of it, line for
    /// line (the text every rule and the repetition table compare), and the offset of its first
    /// ill-formed UTF-8 sequence (nil when valid). ``Document`` holds both.
    package static func keyText(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> (key: [UInt8], firstInvalidOffset: Int?) {
        withKeyText(ofUTF8: text) { (Array($0), $1) }
    }

    /// Calls `body` with a document's key text (see ``keyText(ofUTF8:)``) and the offset of
    /// its first ill-formed UTF-8 sequence, without copying the key text into an array: the
    /// buffer is valid only inside `body`.
    package static func withKeyText<Result>(
        ofUTF8 text: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, Int?) throws -> Result
    ) rethrows -> Result {
        try keyNormalizer.withNormalizedCheckingUTF8(utf8: text, body)
    }
}

/// A rule that removed more than half of a document's article-like text: the long, punctuated
/// paragraphs that articles are made of and boilerplate rarely is.
///
/// ```swift
/// if let loss = verdict.articleLoss {
///     print("\(loss.rule) removed \(loss.removedBytes) of \(loss.articleBytes) bytes of article text")
/// }
/// ```
public struct ArticleLoss: Sendable, Hashable {
    /// The rule that removed most of it.
    public let rule: String
    /// The bytes of article-like lines that rule removed.
    public let removedBytes: Int
    /// The bytes of article-like lines in the document.
    public let articleBytes: Int
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
    /// The length of the text decided on: the methods below take the same bytes again (checked
    /// in debug builds).
    let textLength: Int
    /// Set when one rule removed more than half of the document's article-like text (its
    /// long, punctuated paragraphs): worth a look, since boilerplate is rarely written that way.
    /// `nazif clean` warns about such documents and counts them in `--stats`.
    public let articleLoss: ArticleLoss?

    /// The kept lines of a prepared document (see ``cleanedBytes(of:terminate:)-(UnsafeBufferPointer<UInt8>,_)``).
    ///
    /// ```swift
    /// let kept = cleaner.decide(document).cleanedBytes(of: document)
    /// ```
    public func cleanedBytes(of document: Document, terminate: Bool = true) -> [UInt8] {
        document.text.withUnsafeBufferPointer { cleanedBytes(of: $0, terminate: terminate) }
    }

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
    public func appendCleaned(
        of text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8],
        terminate: Bool = true
    ) {
        forEachCleanedPiece(of: text, terminate: terminate) { output.append(contentsOf: $0) }
    }

    /// Calls `body` with the pieces of the cleaned text in order (see
    /// ``cleanedBytes(of:terminate:)``), without copying them: to escape or encode them on the
    /// way out. `text` must be the bytes the verdict was decided on.
    ///
    /// ```swift
    /// verdict.forEachCleanedPiece(of: bytes, terminate: false) { piece in escaped.append(contentsOf: piece) }
    /// ```
    public func forEachCleanedPiece(
        of text: UnsafeBufferPointer<UInt8>, terminate: Bool = true,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        assert(text.count == textLength, "a verdict's spans index the text it was decided on")
        guard let last = keptSpans.last, last.upperBound <= text.count else { return }
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
