/// The three named normalization profiles. Each is a preset ``NormalizationOptions`` value, and
/// each is idempotent: normalizing twice gives the same bytes as normalizing once.
///
/// | step | display | search | key |
/// |---|---|---|---|
/// | Unicode form | NFC | NFKC | NFKC |
/// | bidi and format controls | removed | removed | removed |
/// | ZWNJ / ZWJ | kept | removed | removed |
/// | Unicode spaces | → space | → space | → space |
/// | spaces and tabs | collapsed, trimmed | collapsed, trimmed | collapsed, trimmed |
/// | tashkeel, U+0670, Quranic marks | kept | removed | removed |
/// | tatweel | kept | removed | removed |
/// | أ إ آ ٱ | kept | → ا | → ا |
/// | ى | kept | → ي | → ي |
/// | ة | kept | → ه | → ه |
/// | Persian and Urdu letters | kept | → Arabic | → Arabic |
/// | digits | kept | → 0–9 | → 0 |
/// | punctuation, symbols | kept | kept | removed; other scripts lowercased |
///
/// ```swift
/// let key = ArabicNormalizer(profile: .key)
/// key.normalize("إقرأ أيضاً:") == key.normalize("اقرأ ايضا")   // true
/// ```
public enum NormalizationProfile: String, Sendable, Hashable, CaseIterable {
    /// For showing text: canonical composition, invisible controls out, spaces tidied.
    case display
    /// For search indexes: compatibility forms, letters folded the way Arabic search engines fold.
    case search
    /// For comparing lines: the search folding plus every digit as 0, no punctuation, lowercase.
    case key

    /// The options this profile stands for.
    ///
    /// ```swift
    /// var options = NormalizationProfile.search.options
    /// options.joiners = .keep   // search, but keep ZWNJ for Persian
    /// ```
    public var options: NormalizationOptions {
        switch self {
        case .display:
            return NormalizationOptions(
                unicodeForm: .nfc, formatControls: .remove, joiners: .keep, unicodeSpaces: .space,
                collapseWhitespace: true)
        case .search:
            return NormalizationOptions(
                unicodeForm: .nfkc, formatControls: .remove, joiners: .remove,
                unicodeSpaces: .space, collapseWhitespace: true, tashkeel: .remove,
                tatweel: .remove, alefForms: .bare, alefMaksura: .yeh, tehMarbuta: .heh,
                hamzaCarriers: .keep, persianLetters: .arabic, digits: .western)
        case .key:
            return NormalizationOptions(
                unicodeForm: .nfkc, formatControls: .remove, joiners: .remove,
                unicodeSpaces: .space, collapseWhitespace: true, tashkeel: .remove,
                tatweel: .remove, alefForms: .bare, alefMaksura: .yeh, tehMarbuta: .heh,
                hamzaCarriers: .keep, persianLetters: .arabic, digits: .zero,
                punctuation: .remove, letterCase: .lower)
        }
    }
}
