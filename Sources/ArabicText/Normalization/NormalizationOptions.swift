/// Every step of Arabic normalization, settable one by one. The three named profiles
/// (``NormalizationProfile``) are preset values of this struct.
///
/// Steps run in this order on each line: format controls are removed, ICU brings the text to
/// ``unicodeForm``, then the letter folds, digit and punctuation steps apply, and whitespace is
/// collapsed last. Line breaks are never added or removed: one output line per input line.
///
/// ```swift
/// var options = NormalizationProfile.search.options
/// options.tehMarbuta = .keep               // keep ة distinct from ه
/// let normalizer = ArabicNormalizer(options: options)
/// normalizer.normalize("مدرسةٌ")               // "مدرسة"
/// ```
public struct NormalizationOptions: Sendable, Hashable {
    /// The Unicode normalization form applied by ICU, or `nil` to skip it.
    public var unicodeForm: UnicodeForm?
    /// Bidi and format controls: LRM, RLM, ALM (U+061C), U+202A–202E, U+2066–2069, U+FEFF, soft
    /// hyphen, zero-width space, word joiner, and C0/C1 control characters other than tab and
    /// line breaks.
    public var formatControls: CharacterRemoval
    /// Zero-width non-joiner and joiner (U+200C, U+200D). Persian needs ZWNJ inside words.
    public var joiners: CharacterRemoval
    /// No-break space, U+1680, U+2000–200A, U+202F, U+205F, U+3000, and the line and paragraph
    /// separators U+0085, U+2028, U+2029 (which would otherwise break lines) become U+0020.
    public var unicodeSpaces: SpaceMapping
    /// Runs of spaces and tabs inside a line become one space; spaces at both ends of a line go.
    public var collapseWhitespace: Bool
    /// Harakat and other marks: U+0610–061A, U+064B–065F, superscript alef U+0670, Quranic marks
    /// U+06D6–06ED, and the Arabic Extended-A marks U+08CA–08FF.
    public var tashkeel: CharacterRemoval
    /// Tatweel (kashida) U+0640.
    public var tatweel: CharacterRemoval
    /// أ إ آ ٱ and the rarer ٲ ٳ.
    public var alefForms: AlefFolding
    /// Alef maksura ى.
    public var alefMaksura: AlefMaksuraFolding
    /// Teh marbuta ة (and Urdu ۃ).
    public var tehMarbuta: TehMarbutaFolding
    /// Hamza carriers ؤ and ئ.
    public var hamzaCarriers: HamzaCarrierFolding
    /// Persian, Urdu and other Arabic-script letters that stand in for Arabic ones in loanwords
    /// and house styles: ک گ → ك, ی ے ې → ي, ۀ ە ھ ہ → ه, ڤ → ف, پ → ب, چ → ج, ژ → ز.
    public var persianLetters: PersianFolding
    /// Decimal digits of every script.
    public var digits: DigitFolding
    /// Punctuation and symbols (general categories P* and S*).
    public var punctuation: CharacterRemoval
    /// Letter case outside Arabic (Latin, Greek, Cyrillic ...).
    public var letterCase: CaseFolding

    /// Options that change nothing: no Unicode form, every step kept.
    ///
    /// ```swift
    /// ArabicNormalizer(options: .identity).normalize("أَ") // "أَ"
    /// ```
    public static let identity = NormalizationOptions(
        unicodeForm: nil, formatControls: .keep, joiners: .keep, unicodeSpaces: .keep,
        collapseWhitespace: false, tashkeel: .keep, tatweel: .keep, alefForms: .keep,
        alefMaksura: .keep, tehMarbuta: .keep, hamzaCarriers: .keep, persianLetters: .keep,
        digits: .keep, punctuation: .keep, letterCase: .keep)

    /// Creates options step by step; every parameter defaults to "keep".
    ///
    /// ```swift
    /// let options = NormalizationOptions(unicodeForm: .nfc, tashkeel: .remove)
    /// ```
    public init(
        unicodeForm: UnicodeForm? = nil, formatControls: CharacterRemoval = .keep, joiners: CharacterRemoval = .keep,
        unicodeSpaces: SpaceMapping = .keep, collapseWhitespace: Bool = false,
        tashkeel: CharacterRemoval = .keep, tatweel: CharacterRemoval = .keep, alefForms: AlefFolding = .keep,
        alefMaksura: AlefMaksuraFolding = .keep, tehMarbuta: TehMarbutaFolding = .keep,
        hamzaCarriers: HamzaCarrierFolding = .keep, persianLetters: PersianFolding = .keep,
        digits: DigitFolding = .keep, punctuation: CharacterRemoval = .keep, letterCase: CaseFolding = .keep
    ) {
        self.unicodeForm = unicodeForm
        self.formatControls = formatControls
        self.joiners = joiners
        self.unicodeSpaces = unicodeSpaces
        self.collapseWhitespace = collapseWhitespace
        self.tashkeel = tashkeel
        self.tatweel = tatweel
        self.alefForms = alefForms
        self.alefMaksura = alefMaksura
        self.tehMarbuta = tehMarbuta
        self.hamzaCarriers = hamzaCarriers
        self.persianLetters = persianLetters
        self.digits = digits
        self.punctuation = punctuation
        self.letterCase = letterCase
    }
}

// The choices each option takes.
extension NormalizationOptions {
    /// Keep a class of characters or remove it.
    ///
    /// ```swift
    /// NormalizationOptions(tatweel: .remove)
    /// ```
    public enum CharacterRemoval: Sendable, Hashable {
        /// Leave the characters as they are.
        case keep
        /// Remove the characters.
        case remove
    }

    /// What Unicode spaces become.
    ///
    /// ```swift
    /// NormalizationOptions(unicodeSpaces: .space)
    /// ```
    public enum SpaceMapping: Sendable, Hashable {
        /// Leave them as they are.
        case keep
        /// Replace each with U+0020.
        case space
    }

    /// What alef with hamza or madda becomes.
    ///
    /// ```swift
    /// NormalizationOptions(alefForms: .bare)   // أ إ آ ٱ → ا
    /// ```
    public enum AlefFolding: Sendable, Hashable {
        /// Keep أ إ آ ٱ.
        case keep
        /// Fold them to bare alef ا.
        case bare
    }

    /// What alef maksura ى becomes.
    ///
    /// ```swift
    /// NormalizationOptions(alefMaksura: .yeh)   // على → علي
    /// ```
    public enum AlefMaksuraFolding: Sendable, Hashable {
        /// Keep ى.
        case keep
        /// Fold ى to yeh ي (the usual search folding).
        case yeh
    }

    /// What teh marbuta ة becomes.
    ///
    /// ```swift
    /// NormalizationOptions(tehMarbuta: .heh)   // مدرسة → مدرسه
    /// ```
    public enum TehMarbutaFolding: Sendable, Hashable {
        /// Keep ة.
        case keep
        /// Fold ة to heh ه.
        case heh
    }

    /// What the hamza carriers ؤ ئ become.
    ///
    /// ```swift
    /// NormalizationOptions(hamzaCarriers: .bare)   // مسؤول → مسوول
    /// ```
    public enum HamzaCarrierFolding: Sendable, Hashable {
        /// Keep ؤ and ئ.
        case keep
        /// Fold ؤ → و and ئ → ي.
        case bare
    }

    /// What Persian and Urdu letters become.
    ///
    /// ```swift
    /// NormalizationOptions(persianLetters: .arabic)   // کوریا → كوريا
    /// ```
    public enum PersianFolding: Sendable, Hashable {
        /// Keep them.
        case keep
        /// Fold each to the Arabic letter a reader of Arabic sees in it (ی → ي, ک → ك, ...).
        case arabic
    }

    /// What decimal digits become.
    ///
    /// ```swift
    /// NormalizationOptions(digits: .western)   // ٢٠٢٤ → 2024
    /// ```
    public enum DigitFolding: Sendable, Hashable {
        /// Keep every digit.
        case keep
        /// Arabic-Indic and Extended Arabic-Indic (Persian) digits become 0–9.
        case western
        /// Every decimal digit of every script becomes 0, so lines that differ only in numbers
        /// (dates, codes) meet.
        case zero
    }

    /// What letters with case become.
    ///
    /// ```swift
    /// NormalizationOptions(letterCase: .lower)   // "CNN" → "cnn"
    /// ```
    public enum CaseFolding: Sendable, Hashable {
        /// Keep case.
        case keep
        /// Map to the simple lowercase.
        case lower
    }
}
