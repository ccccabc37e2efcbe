/// A document prepared once for both halves of cleaning: its UTF-8 text, its key text (the `key`
/// normalization profile, line for line: what every rule and the repetition table compare) and
/// the hash of each line's key. Counting a ``RepetitionTable`` and cleaning with a ``Cleaner``
/// both start from these; build the document once and hand it to both.
///
/// The key text and hashes are computed from the text by the initializers, so they always agree
/// with it: there is no way to pair a text with another text's keys.
///
/// ```swift
/// let pages = texts.map { Document($0) }
/// var table = RepetitionTable()
/// for page in pages { table.add(page, group: "aawsat.com") }
/// let cleaner = Cleaner(table: table)
/// let verdict = cleaner.decide(pages[0], group: "aawsat.com")
/// print(verdict.removals.count, String(decoding: verdict.cleanedBytes(of: pages[0]), as: UTF8.self))
/// ```
public struct Document: Sendable {
    /// The document's bytes, as given (ill-formed UTF-8 included).
    public let text: [UInt8]
    /// The `key` form of ``text``: one line for each of its lines.
    public let keyText: [UInt8]
    /// The hash of each line's key, for the lines whose key is not empty, in order
    /// (``KeyHash/lineHash(_:)``: every run of digits counts as one).
    public let lineHashes: [UInt64]
    /// The offset of the text's first ill-formed UTF-8 sequence, or nil when it is valid. The
    /// key text has U+FFFD there.
    public let firstInvalidOffset: Int?

    /// Prepares a document from a string.
    ///
    /// ```swift
    /// let document = Document("إقرأ أيضاً:\nنص المقال.\n")
    /// String(decoding: document.keyText, as: UTF8.self)   // "اقرا ايضا\nنص المقال\n"
    /// document.lineHashes.count                           // 2
    /// ```
    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// Prepares a document from UTF-8 bytes. Ill-formed sequences are kept in ``text`` and
    /// reported by ``firstInvalidOffset``.
    ///
    /// ```swift
    /// let document = Document(utf8: Array("سطر\n".utf8))
    /// document.isValidUTF8   // true
    /// ```
    public init(utf8 text: [UInt8]) {
        let (keyText, firstInvalid) = text.withUnsafeBufferPointer { Cleaner.keyText(ofUTF8: $0) }
        let hashes = keyText.withUnsafeBufferPointer { RepetitionTable.lineHashes(ofKeyText: $0) }
        self.init(checkedText: text, keyText: keyText, lineHashes: hashes, firstInvalidOffset: firstInvalid)
    }

    /// A document from parts known to belong together (computed from `text` by the key
    /// normalizer, or read back from a ``Document/Spool`` entry whose fingerprint matched).
    package init(checkedText text: [UInt8], keyText: [UInt8], lineHashes: [UInt64], firstInvalidOffset: Int?) {
        assert(Self.lineBreaks(in: keyText) == Self.lineBreaks(in: text), "key text must have the text's lines")
        self.text = text
        self.keyText = keyText
        self.lineHashes = lineHashes
        self.firstInvalidOffset = firstInvalidOffset
    }

    /// Whether the text is well-formed UTF-8.
    public var isValidUTF8: Bool { firstInvalidOffset == nil }

    /// The line hashes sorted, each once: what a ``RepetitionTable`` counts for this document.
    ///
    /// ```swift
    /// Document("سطر\nسطر\n").distinctLineHashes.count   // 1
    /// ```
    public var distinctLineHashes: [UInt64] { RepetitionTable.distinctSorted(lineHashes) }

    /// The number of line breaks ("\n"): the key profile never adds or removes one, so a text
    /// and its key text have the same number.
    static func lineBreaks(in bytes: some Sequence<UInt8>) -> Int {
        var breaks = 0
        for byte in bytes where byte == 0x0A { breaks += 1 }
        return breaks
    }

    /// Calls `body` with a borrowed view of the document (valid only inside `body`).
    func withView<Result>(_ body: (DocumentView) -> Result) -> Result {
        // SAFETY: the three buffers are the document's own arrays, alive for the call.
        text.withUnsafeBufferPointer { text in
            keyText.withUnsafeBufferPointer { keys in
                lineHashes.withUnsafeBufferPointer { hashes in
                    body(DocumentView(text: text, keyText: keys, lineHashes: hashes, firstInvalidOffset: firstInvalidOffset))
                }
            }
        }
    }
}

extension Document {
    /// A 64-bit fingerprint of a text, to check that the bytes read in a second pass are the
    /// bytes the first pass prepared (a spool entry is trusted only when it matches). Four
    /// independent lanes of ``KeyHash``'s multiply-mix, so it runs near memory speed.
    ///
    /// ```swift
    /// bytes.withUnsafeBufferPointer { Document.fingerprint(of: $0) }
    /// ```
    package static func fingerprint(of text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = text.baseAddress, text.count >= 32 else { return KeyHash.hash(text) }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (KeyHash.seed, KeyHash.multiplier, ~KeyHash.seed, ~KeyHash.multiplier)
        var index = 0
        // SAFETY: unaligned eight-byte loads at index..<index+32, all inside the buffer.
        while index + 32 <= text.count {
            let raw = UnsafeRawPointer(base + index)
            lanes.0 = KeyHash.mix(lanes.0 ^ raw.loadUnaligned(as: UInt64.self).littleEndian, KeyHash.multiplier)
            lanes.1 = KeyHash.mix(lanes.1 ^ raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian, KeyHash.multiplier)
            lanes.2 = KeyHash.mix(lanes.2 ^ raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian, KeyHash.multiplier)
            lanes.3 = KeyHash.mix(lanes.3 ^ raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian, KeyHash.multiplier)
            index += 32
        }
        let tail = KeyHash.hash(UnsafeBufferPointer(rebasing: text[index...]))
        let left = KeyHash.mix(lanes.0 ^ lanes.1, KeyHash.multiplier)
        let right = KeyHash.mix(lanes.2 ^ lanes.3, KeyHash.seed)
        return KeyHash.mix(left ^ right ^ tail, UInt64(text.count) ^ KeyHash.multiplier)
    }
}

/// A document whose bytes are held elsewhere: the text, its key text and (optionally) its line
/// hashes as borrowed buffers. For callers inside the package that keep documents in their own
/// buffers (the command line's chunks and its spool between two passes), so nothing is copied.
///
/// Preconditions, checked in debug builds: `keyText` is the `key` form of `text` (so it has the
/// same number of line breaks) and `lineHashes`, when given, are the hashes of its non-empty key
/// lines. In release builds a key text with fewer lines gives the missing lines empty keys
/// instead of crashing, and line hashes of the wrong count are computed again.
package struct DocumentView {
    package let text: UnsafeBufferPointer<UInt8>
    package let keyText: UnsafeBufferPointer<UInt8>
    package let lineHashes: UnsafeBufferPointer<UInt64>?
    package let firstInvalidOffset: Int?

    package init(
        text: UnsafeBufferPointer<UInt8>, keyText: UnsafeBufferPointer<UInt8>,
        lineHashes: UnsafeBufferPointer<UInt64>?, firstInvalidOffset: Int?
    ) {
        assert(Document.lineBreaks(in: keyText) == Document.lineBreaks(in: text), "key text must have the text's lines")
        self.text = text
        self.keyText = keyText
        self.lineHashes = lineHashes
        self.firstInvalidOffset = firstInvalidOffset
    }
}
