internal import CArabicICU
import Synchronization

/// What the normalizer does with one code point once it is in the target Unicode form.
enum FoldAction: UInt8 {
    /// Copy the input bytes unchanged.
    case copy
    /// Write the entry's replacement bytes instead.
    case replace
    /// Remove it (tashkeel, tatweel): it takes part in normalization first.
    case drop
    /// Remove it before normalization (bidi and format controls): it never separates the
    /// characters around it, so ا + LRM + ◌ٓ still composes to آ.
    case dropBeforeNormalization
    /// A space or tab, subject to collapsing.
    case space
    /// U+000A, the line break.
    case lineFeed
    /// U+000D: part of the line break before U+000A, otherwise a space.
    case carriageReturn
}

/// Per-code-point facts the normalizer's loop needs, in eight bytes: the fold action and its
/// replacement, and the code point's normalization properties for the chosen form. The second
/// word packs replacement length, action, combining class and flags so the loop can recognize
/// "copy me, nothing to normalize" with one comparison (``plainCopy``).
struct FoldEntry {
    /// The replacement's UTF-8 bytes, first byte in the low bits.
    var replacement: UInt32 = 0
    /// Bits 0–7 replacement length, 8–15 action, 16–23 combining class, 24–31 flags.
    var meta: UInt32 = UInt32(FoldEntry.quickCheckYes | FoldEntry.boundaryBefore) << 24

    static let quickCheckYes: UInt8 = 0b01
    static let boundaryBefore: UInt8 = 0b10
    /// `meta` of a character copied unchanged that needs no normalization: length 0, action
    /// copy, class 0, quick check yes, boundary before.
    static let plainCopy: UInt32 = UInt32(quickCheckYes | boundaryBefore) << 24

    @inline(__always) var replacementLength: Int { Int(meta & 0xFF) }
    /// Copied or replaced one for one, class 0, quick check yes, boundary before: a character
    /// the fast loop writes without any other consideration.
    @inline(__always) var isPlainStarter: Bool { meta & 0xFFFF_FE00 == Self.plainCopy }
    /// A mark (class > 0) removed after normalization, whose quick check is yes: the fast loop
    /// drops it where it stands while marks keep canonical order.
    @inline(__always) var isDroppableMark: Bool {
        meta & 0x0100_FF00 == UInt32(FoldAction.drop.rawValue) << 8 | UInt32(Self.quickCheckYes) << 24
    }
    @inline(__always) var action: FoldAction {
        get { FoldAction(rawValue: UInt8(truncatingIfNeeded: meta >> 8)) ?? .copy }
        set { meta = meta & ~0xFF00 | UInt32(newValue.rawValue) << 8 }
    }
    @inline(__always) var combiningClass: UInt8 { UInt8(truncatingIfNeeded: meta >> 16) }
    @inline(__always) var flags: UInt8 { UInt8(truncatingIfNeeded: meta >> 24) }
    @inline(__always) var isQuickCheckYes: Bool { flags & Self.quickCheckYes != 0 }
    @inline(__always) var hasBoundaryBefore: Bool { flags & Self.boundaryBefore != 0 }

    init() {}

    init(action: FoldAction, replacement: UInt32, replacementLength: Int, combiningClass: UInt8,
         flags: UInt8) {
        self.replacement = replacement
        meta = UInt32(replacementLength) | UInt32(action.rawValue) << 8
            | UInt32(combiningClass) << 16 | UInt32(flags) << 24
    }
}

/// The fold table for one set of options: an entry for every BMP code point (512 KiB), built once
/// from ICU's character properties and cached for the life of the process. Code points above the
/// BMP (emoji, historic scripts) are computed on demand by the same rules.
final class FoldTable: Sendable {
    let options: NormalizationOptions
    let normalizer: ICUNormalizerHandle?
    // SAFETY: written once in init, read-only afterwards, freed in deinit; shared across threads
    // only for reading.
    nonisolated(unsafe) let entries: UnsafeMutablePointer<FoldEntry>
    static let count = 0x10000

    private init(options: NormalizationOptions) {
        self.options = options
        self.normalizer = options.unicodeForm.map { $0.icuInstance }
        entries = .allocate(capacity: Self.count)
        for scalar in 0..<UInt32(Self.count) {
            (entries + Int(scalar)).initialize(to: Self.makeEntry(scalar, options, normalizer))
        }
    }

    deinit { entries.deallocate() }

    private static let cache = Mutex<[NormalizationOptions: FoldTable]>([:])

    /// The shared table for `options`, built on first use.
    static func shared(for options: NormalizationOptions) -> FoldTable {
        if let table = cache.withLock({ $0[options] }) { return table }
        let table = FoldTable(options: options)
        return cache.withLock { cached in
            if let existing = cached[options] { return existing }
            cached[options] = table
            return table
        }
    }

    /// The entry for any scalar.
    @inline(__always)
    func entry(_ scalar: UInt32) -> FoldEntry {
        scalar < 0x10000 ? entries[Int(scalar)] : Self.makeEntry(scalar, options, normalizer)
    }

    // MARK: - Building entries

    static func makeEntry(_ scalar: UInt32, _ options: NormalizationOptions,
                          _ normalizer: ICUNormalizerHandle?) -> FoldEntry {
        var combiningClass: UInt8 = 0
        var flags = FoldEntry.quickCheckYes | FoldEntry.boundaryBefore
        if let normalizer, !(0xD800...0xDFFF).contains(scalar) {
            combiningClass = normalizer.combiningClass(scalar)
            flags = (normalizer.quickCheck(scalar) == 1 ? FoldEntry.quickCheckYes : 0)
                | (normalizer.hasBoundaryBefore(scalar) ? FoldEntry.boundaryBefore : 0)
        }
        var action = foldAction(for: scalar, options)
        if action.action == .drop && combiningClass == 0 {
            // A removed starter (tatweel, a Quranic sign) must not keep apart what it stood
            // between: W + ـ + ◌̈ is Ẅ once the tatweel is gone. Remove it before normalizing.
            action.action = .dropBeforeNormalization
        }
        var packed: UInt32 = 0
        var length = 0
        if let target = action.target { (packed, length) = packUTF8(target) }
        return FoldEntry(action: action.action, replacement: packed, replacementLength: length,
                         combiningClass: combiningClass, flags: flags)
    }

    /// The fold rule for one scalar, in the order the options document.
    private static func foldAction(for scalar: UInt32, _ options: NormalizationOptions)
        -> (action: FoldAction, target: UInt32?)
    {
        let collapse = options.collapseWhitespace
        switch scalar {
        case 0x0A: return (.lineFeed, nil)
        case 0x0D: return (collapse ? .carriageReturn : .copy, nil)
        case 0x09, 0x20: return (collapse ? .space : .copy, nil)
        default: break
        }
        if options.formatControls == .remove && ArabicLetters.isFormatControl(scalar) {
            return (.dropBeforeNormalization, nil)
        }
        if options.joiners == .remove && (scalar == 0x200C || scalar == 0x200D) {
            return (.dropBeforeNormalization, nil)
        }
        if options.unicodeSpaces == .space && ArabicLetters.isUnicodeSpace(scalar) {
            return collapse ? (.space, nil) : (.replace, 0x20)
        }
        if options.tashkeel == .remove && ArabicLetters.isTashkeel(scalar) { return (.drop, nil) }
        if options.tatweel == .remove && scalar == ArabicLetters.tatweel { return (.drop, nil) }
        if let letter = letterFold(scalar, options) { return (.replace, letter) }
        if let digit = digitFold(scalar, options) { return (.replace, digit) }
        if options.punctuation == .remove && isPunctuationOrSymbol(scalar) {
            // A space, not nothing: "روسيا،أوكرانيا" keeps its two words apart.
            return collapse ? (.space, nil) : (.replace, 0x20)
        }
        if options.letterCase == .lower {
            let lower = nz_simple_lowercase(scalar)
            if lower != scalar { return (.replace, lower) }
        }
        return (.copy, nil)
    }

    private static func letterFold(_ scalar: UInt32, _ options: NormalizationOptions) -> UInt32? {
        if options.alefForms == .bare, ArabicLetters.isAlefForm(scalar) {
            return ArabicLetters.alef
        }
        if options.alefMaksura == .yeh, scalar == ArabicLetters.alefMaksura {
            return ArabicLetters.yeh
        }
        if options.tehMarbuta == .heh, ArabicLetters.isTehMarbuta(scalar) {
            return ArabicLetters.heh
        }
        if options.hamzaCarriers == .bare {
            if scalar == ArabicLetters.wawWithHamza { return ArabicLetters.waw }
            if scalar == ArabicLetters.yehWithHamza { return ArabicLetters.yeh }
        }
        if options.persianLetters == .arabic, let arabic = ArabicLetters.persianFold(scalar) {
            return arabic
        }
        return nil
    }

    private static func digitFold(_ scalar: UInt32, _ options: NormalizationOptions) -> UInt32? {
        switch options.digits {
        case .keep:
            return nil
        case .western:
            switch scalar {
            case 0x0660...0x0669: return scalar - 0x0660 + 0x30
            case 0x06F0...0x06F9: return scalar - 0x06F0 + 0x30
            default: return nil
            }
        case .zero:
            return nz_digit_value(scalar) >= 0 && nz_char_category(scalar) == 9 ? 0x30 : nil
        }
    }

    /// General categories Pc Pd Ps Pe Pi Pf Po (ICU 22, 19, 20, 21, 28, 29, 23) and
    /// Sm Sc Sk So (ICU 24, 25, 26, 27).
    private static func isPunctuationOrSymbol(_ scalar: UInt32) -> Bool {
        switch nz_char_category(scalar) {
        case 19...29: return true
        default: return false
        }
    }
}
