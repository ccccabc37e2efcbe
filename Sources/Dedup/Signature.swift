import Boilerplate

/// The MinHash signature of one document's `key` form (Arabic spelling variants, tashkeel,
/// tatweel and digits folded, punctuation dropped): the LSH band keys and a one-byte sketch of
/// each permutation's minimum (b-bit MinHash, b = 8), from which the similarity of two
/// documents is estimated. A document shorter than one shingle gets the exact hash of its words
/// instead, and matches only documents with the same words; a document without words matches
/// nothing.
///
/// ```swift
/// let parameters = MinHashParameters()
/// let a = Signature(text: "ذهب الولد إلى المدرسة صباح يوم الأحد مع أخيه", parameters: parameters)
/// let b = Signature(text: "ذهب الولد الى المدرسه صباح يوم الاحد مع اخيه", parameters: parameters)
/// a.estimatedSimilarity(to: b)   // 1.0: the key forms are the same
/// ```
public struct Signature: Sendable, Hashable {
    /// How a document is compared.
    public enum Kind: UInt8, Sendable, Hashable {
        /// No words: never a duplicate.
        case empty = 0
        /// Fewer words than a shingle: compared by the exact hash of its words.
        case exact = 1
        /// Shingled and MinHashed.
        case shingled = 2
    }

    /// How this document is compared.
    public let kind: Kind
    /// One key per band (for ``Kind/exact``, the one exact hash; for ``Kind/empty``, none).
    public let bandKeys: [UInt64]
    /// The low byte of each permutation's minimum (empty unless ``Kind/shingled``).
    public let sketch: [UInt8]
    /// The number of words of the key text.
    public let wordCount: Int

    /// The signature of a text (its key form is computed here).
    ///
    /// ```swift
    /// let signature = Signature(text: "نص المقال", parameters: MinHashParameters())
    /// signature.kind   // .exact: two words are fewer than a shingle
    /// ```
    public init(text: String, parameters: MinHashParameters) {
        var text = text
        self = text.withUTF8 { Signature(utf8: $0, parameters: parameters) }
    }

    /// The signature of UTF-8 bytes (ill-formed sequences count as U+FFFD).
    ///
    /// ```swift
    /// let signature = bytes.withUnsafeBufferPointer { Signature(utf8: $0, parameters: parameters) }
    /// ```
    public init(utf8 text: UnsafeBufferPointer<UInt8>, parameters: MinHashParameters) {
        self = Cleaner.withKeyText(ofUTF8: text) { key, _ in Signature(keyText: key, parameters: parameters) }
    }

    /// The signature of a text already in the `key` form (``Boilerplate/Document/keyText``).
    ///
    /// ```swift
    /// let document = Document("نص المقال")
    /// let signature = document.keyText.withUnsafeBufferPointer { Signature(keyText: $0, parameters: parameters) }
    /// ```
    public init(keyText: UnsafeBufferPointer<UInt8>, parameters: MinHashParameters) {
        let summary = MinHashKernel.summarize(keyText: keyText, parameters: parameters)
        self.init(kind: summary.kind, bandKeys: summary.bandKeys, sketch: summary.sketch, wordCount: summary.words)
    }

    /// A signature from its parts (read back from a signature file).
    package init(kind: Kind, bandKeys: [UInt64], sketch: [UInt8], wordCount: Int) {
        self.kind = kind
        self.bandKeys = bandKeys
        self.sketch = sketch
        self.wordCount = wordCount
    }

    /// The estimated Jaccard similarity of the two documents' shingle sets: the share of equal
    /// sketch bytes, corrected for the 1/256 chance that two different minima share a byte.
    /// Exact-hash documents are 1 or 0; an empty document is 0 to everything.
    ///
    /// ```swift
    /// a.estimatedSimilarity(to: a)   // 1.0
    /// ```
    public func estimatedSimilarity(to other: Signature) -> Double {
        switch (kind, other.kind) {
        case (.shingled, .shingled):
            guard sketch.count == other.sketch.count, !sketch.isEmpty else { return 0 }
            return sketch.withUnsafeBufferPointer { a in other.sketch.withUnsafeBufferPointer { b in Self.similarity(a, b) } }
        case (.exact, .exact):
            return bandKeys == other.bandKeys ? 1 : 0
        default:
            return 0
        }
    }

    /// The corrected share of equal bytes of two sketches of equal length.
    static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        var equal = 0
        for index in 0..<a.count where a[index] == b[index] { equal += 1 }
        let share = Double(equal) / Double(a.count)
        return max(0, (share - 1.0 / 256) / (1 - 1.0 / 256))
    }
}
