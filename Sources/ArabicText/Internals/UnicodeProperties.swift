internal import CArabicICU

/// A code point's Unicode general category, with ICU's `UCharCategory` numbering (so the raw
/// value crosses the C fence unchanged).
///
/// ```swift
/// GeneralCategory.of(0x0627)          // .otherLetter
/// GeneralCategory.of(0x060C).isPunctuation   // true
/// ```
enum GeneralCategory: Int32 {
    case unassigned = 0
    case uppercaseLetter = 1  // Lu
    case lowercaseLetter = 2  // Ll
    case titlecaseLetter = 3  // Lt
    case modifierLetter = 4  // Lm
    case otherLetter = 5  // Lo
    case nonspacingMark = 6  // Mn
    case enclosingMark = 7  // Me
    case spacingMark = 8  // Mc
    case decimalNumber = 9  // Nd
    case letterNumber = 10  // Nl
    case otherNumber = 11  // No
    case spaceSeparator = 12  // Zs
    case lineSeparator = 13  // Zl
    case paragraphSeparator = 14  // Zp
    case control = 15  // Cc
    case format = 16  // Cf
    case privateUse = 17  // Co
    case surrogate = 18  // Cs
    case dashPunctuation = 19  // Pd
    case openPunctuation = 20  // Ps
    case closePunctuation = 21  // Pe
    case connectorPunctuation = 22  // Pc
    case otherPunctuation = 23  // Po
    case mathSymbol = 24  // Sm
    case currencySymbol = 25  // Sc
    case modifierSymbol = 26  // Sk
    case otherSymbol = 27  // So
    case initialPunctuation = 28  // Pi
    case finalPunctuation = 29  // Pf

    /// The general category of a code point (ICU `u_charType`).
    @inline(__always)
    static func of(_ scalar: UInt32) -> GeneralCategory {
        GeneralCategory(rawValue: nz_char_category(scalar)) ?? .unassigned
    }

    /// L*: Lu Ll Lt Lm Lo.
    var isLetter: Bool { (1...5).contains(rawValue) }
    /// L* and M*: a letter or a combining mark.
    var isLetterOrMark: Bool { (1...8).contains(rawValue) }
    /// L*, M* and Nd: what a hashtag is made of (besides the underscore).
    var isLetterMarkOrDecimal: Bool { (1...9).contains(rawValue) }
    /// N*: Nd Nl No.
    var isNumber: Bool { (9...11).contains(rawValue) }
    /// Zs Zl Zp Cc Cf: white space and invisible controls.
    var isBlankOrInvisible: Bool { (12...16).contains(rawValue) }
    /// P*: Pd Ps Pe Pc Po Pi Pf.
    var isPunctuation: Bool {
        switch rawValue {
        case 19...23, 28, 29: true
        default: false
        }
    }
    /// P* and S*: every punctuation and symbol category (ICU numbers them 19 to 29).
    var isPunctuationOrSymbol: Bool { (19...29).contains(rawValue) }
}

/// The scripts the tokenizer tells apart (ICU `UScriptCode` values).
///
/// ```swift
/// UnicodeScript.of(0x0644)   // .arabic
/// ```
enum UnicodeScript {
    case arabic, latin, other

    /// The Script property of a code point (ICU `uscript_getScript`): 2 Arabic, 25 Latin.
    @inline(__always)
    static func of(_ scalar: UInt32) -> UnicodeScript {
        switch nz_script(scalar) {
        case 2: .arabic
        case 25: .latin
        default: .other
        }
    }
}

/// The Word_Break property values the tokenizer's fast path needs (ICU `UWordBreakValues`).
///
/// ```swift
/// WordBreakProperty.of(0x0628)   // .aLetter
/// ```
enum WordBreakProperty {
    case aLetter, extend, other

    /// The Word_Break property of a code point: ICU 1 ALetter, 9 Extend.
    static func of(_ scalar: UInt32) -> WordBreakProperty {
        switch nz_word_break_property(scalar) {
        case 1: .aLetter
        case 9: .extend
        default: .other
        }
    }
}

/// Single-code-point properties from ICU's character database.
///
/// ```swift
/// UnicodeProperties.simpleLowercase(0x41)     // 0x61
/// UnicodeProperties.decimalDigitValue(0x0663) // 3
/// ```
enum UnicodeProperties {
    /// The simple lowercase mapping (ICU `u_tolower`).
    @inline(__always)
    static func simpleLowercase(_ scalar: UInt32) -> UInt32 { nz_simple_lowercase(scalar) }

    /// The value of a decimal digit (general category Nd), or nil (ICU `u_charDigitValue`).
    @inline(__always)
    static func decimalDigitValue(_ scalar: UInt32) -> Int32? {
        let value = nz_digit_value(scalar)
        return value >= 0 ? value : nil
    }

    /// Whether the code point is a digit ICU gives a decimal value.
    @inline(__always)
    static func isDecimalDigit(_ scalar: UInt32) -> Bool { nz_digit_value(scalar) >= 0 }
}
