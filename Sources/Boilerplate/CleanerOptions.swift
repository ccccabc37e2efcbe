/// The settings of a ``Cleaner``: the lexicon, and the thresholds of the rules that count.
///
/// ```swift
/// var options = CleanerOptions()
/// options.templates.minimumDocuments = 4
/// let cleaner = Cleaner(options: options, table: table)
/// ```
public struct CleanerOptions: Sendable {
    /// The markers and cue words.
    public var lexicon: Lexicon = .default
    /// When a line repeated across a site's documents counts as template.
    public var templates = TemplateThresholds()
    /// A paragraph repeated within a document is removed only from this many words up: short
    /// lines repeat legitimately (list items, a requirement repeated in two job lists).
    public var duplicateMinimumWords = 15
    /// Rules to leave out, by name (`RuleName` raw values or "marker.…" names).
    public var disabledRules: Set<String> = []

    /// The defaults, chosen on the seeds, the CNN page and the SaudiNewsNet sample.
    ///
    /// ```swift
    /// let options = CleanerOptions()
    /// ```
    public init() {}
}

/// Thresholds of the cross-document rule. A line is template when its key occurs in at least
/// `minimumDocuments` documents of its group and in at least `minimumShare` of them. Long lines
/// (more than `longLineCharacters` characters of key) need `minimumDocumentsForLongLines`.
///
/// The defaults (3 documents, share 0, lines of more than 150 key characters need 5) keep a
/// column published twice and remove per-site footers; DESIGN.md gives the measurements.
///
/// ```swift
/// TemplateThresholds(minimumDocuments: 3, minimumShare: 0)
/// ```
public struct TemplateThresholds: Sendable, Hashable {
    public var minimumDocuments: Int
    public var minimumShare: Double
    public var longLineCharacters: Int
    public var minimumDocumentsForLongLines: Int

    /// Creates thresholds; the defaults are the ones documented above.
    public init(
        minimumDocuments: Int = 3, minimumShare: Double = 0, longLineCharacters: Int = 150,
        minimumDocumentsForLongLines: Int = 5
    ) {
        self.minimumDocuments = minimumDocuments
        self.minimumShare = minimumShare
        self.longLineCharacters = longLineCharacters
        self.minimumDocumentsForLongLines = minimumDocumentsForLongLines
    }

    /// Whether a line with this key length, seen in `count` of `documents`, is template.
    public func isTemplate(count: Int, documents: Int, keyCharacters: Int) -> Bool {
        let minimum =
            keyCharacters > longLineCharacters
            ? max(minimumDocuments, minimumDocumentsForLongLines) : minimumDocuments
        return count >= minimum && Double(count) >= minimumShare * Double(documents)
    }
}
