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

    init(
        action: FoldAction, replacement: UInt32, replacementLength: Int, combiningClass: UInt8,
        flags: UInt8
    ) {
        self.replacement = replacement
        meta =
            UInt32(replacementLength) | UInt32(action.rawValue) << 8
            | UInt32(combiningClass) << 16 | UInt32(flags) << 24
    }
}

/// The fast loop's four-byte summary of a code point below U+0800, for runs of ordinary text.
///
/// - kind (bits 24–31) ``plain``: a starter written one for one, no longer than its input, with
///   nothing to normalize. Bits 0–15 hold the output bytes (the input's own, or its replacement),
///   bits 16–17 their count (0–2), bit 18 whether they replace the input (for offset maps), bit 19
///   whether it is a collapsible ASCII space (kept only between two plain characters).
/// - ``droppableMark``: a mark removed where it stands while marks keep canonical order; bits 0–7
///   hold its combining class.
/// - ``other``: everything else leaves the fast loop.
enum FastEntry {
    static let plain: UInt32 = 0
    static let droppableMark: UInt32 = 1 << 24
    static let other: UInt32 = 0xFF << 24
    static let kindMask: UInt32 = 0xFF << 24
    static let replacedBit: UInt32 = 1 << 18
    static let spaceBit: UInt32 = 1 << 19

    static func make(_ entry: FoldEntry, scalar: UInt32) -> UInt32 {
        if entry.isPlainStarter {
            let inputLength = scalar < 0x80 ? 1 : 2
            if entry.action == .copy {
                let bytes = scalar < 0x80 ? scalar : (0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8
                return bytes | UInt32(inputLength) << 16
            }
            guard entry.replacementLength <= inputLength else { return other }
            return entry.replacement | UInt32(entry.replacementLength) << 16 | replacedBit
        }
        if entry.isDroppableMark { return droppableMark | UInt32(entry.combiningClass) }
        if scalar == 0x20 && entry.action == .space && entry.isQuickCheckYes && entry.hasBoundaryBefore {
            return 0x20 | 1 << 16 | spaceBit
        }
        return other
    }
}

/// The fold table for one set of options: an entry for every BMP code point (512 KiB), built from
/// ICU's character properties and cached for the life of the process. Code points below U+0800
/// (one and two UTF-8 bytes: Latin, Arabic, Hebrew, Syriac…) are built at once; the rest of the
/// BMP in blocks of 256 the first time text uses one, so a short run does not pay for 63,000
/// entries it never reads (docs/design-arabictext.md gives the cost). Code points above the BMP
/// (emoji, historic scripts) are computed on demand by the same rules.
final class FoldTable: Sendable {
    let options: NormalizationOptions
    let normalizer: ICUNormalizerHandle?
    // SAFETY: entries below `eagerLimit` are written once in init; a later block is written once,
    // under `buildLock`, before its `blockReady` flag is stored with release ordering, and read
    // only after that flag is loaded with acquire ordering. Freed in deinit.
    nonisolated(unsafe) let entries: UnsafeMutablePointer<FoldEntry>
    /// The fast loop's view of one- and two-byte UTF-8 (see ``FastEntry``), indexed by bytes:
    /// an ASCII byte at its own value, any other lead byte with the byte after it at
    /// `lead << 8 | follower` (``fastSlots`` entries, 256 KiB, of which the loop reads a few
    /// rows: Arabic text two rows of 64). Pairs that are not a well-formed two-byte sequence
    /// (a bad lead, a missing continuation, an overlong form) hold ``FastEntry/other``.
    nonisolated(unsafe) let fast: UnsafeMutablePointer<UInt32>
    static let fastSlots = 0x10000
    /// The block kernel's map (256 bytes, see ``makeBlockMap(_:)``) in the kernel's prepared
    /// form, or nil where the processor cannot run the kernel. Written once in init, freed in
    /// deinit.
    nonisolated(unsafe) let blockMap: UnsafeMutablePointer<UInt8>?
    // SAFETY: one atomic flag per block of 256 code points, initialized in init, freed in deinit.
    nonisolated(unsafe) private let blockReady: UnsafeMutablePointer<Atomic<UInt8>>
    private let buildLock = Mutex<Void>(())
    static let count = 0x10000
    /// Entries below this are built in init (every one- and two-byte UTF-8 sequence).
    static let eagerLimit = 0x800
    private static let blockCount = count >> 8

    private init(options: NormalizationOptions) {
        self.options = options
        self.normalizer = options.unicodeForm.map { $0.icuInstance }
        // SAFETY: the three buffers are filled below before the table is shared, and freed in deinit.
        entries = .allocate(capacity: Self.count)
        fast = .allocate(capacity: Self.fastSlots)
        fast.initialize(repeating: FastEntry.other, count: Self.fastSlots)
        blockReady = .allocate(capacity: Self.blockCount)
        for block in 0..<Self.blockCount {
            (blockReady + block).initialize(to: Atomic(block < Self.eagerLimit >> 8 ? 1 : 0))
        }
        for scalar in 0..<UInt32(Self.eagerLimit) {
            let entry = Self.makeEntry(scalar, options, normalizer)
            (entries + Int(scalar)).initialize(to: entry)
            let fastEntry = FastEntry.make(entry, scalar: scalar)
            if scalar < 0x80 {
                fast[Int(scalar)] = fastEntry
            } else {
                // Its two UTF-8 bytes, 110xxxxx 10xxxxxx, as the slot.
                fast[Int(0xC0 | scalar >> 6) << 8 | Int(0x80 | scalar & 0x3F)] = fastEntry
            }
        }
        blockMap = FoldBlockKernel.isAvailable ? Self.makeBlockMap(fast) : nil
    }

    /// The block kernel's view of the fast entries (``FoldBlockKernel``): what a block of
    /// ASCII, Arabic letters (leads D8, D9) and single spaces becomes when every character in it
    /// is copied or replaced one for one, byte length kept.
    /// - At an ASCII byte: its output byte; 0x20 at the space when a single space stays a space;
    ///   0xFF for anything else (a mark, a dropped or widened character, a line break).
    /// - At `0x80 | (lead == D9 ? 0x40 : 0) | trail & 0x3F`: the output's lead minus 0xD8 (D8,
    ///   D9 or DA) in the top two bits and its trail's low six bits; 0xFF otherwise.
    private static func makeBlockMap(_ fast: UnsafeMutablePointer<UInt32>) -> UnsafeMutablePointer<UInt8> {
        // SAFETY: 256 bytes, indexed by a byte below; freed once the kernel's prepared copy is made.
        let map = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        map.initialize(repeating: 0xFF, count: 256)
        func oneForOne(_ entry: UInt32, length: UInt32) -> Bool {
            entry & FastEntry.kindMask == FastEntry.plain && entry & FastEntry.spaceBit == 0
                && (entry >> 16) & 3 == length
        }
        for byte in 0..<0x80 {
            let entry = fast[byte]
            if byte == 0x20 {
                if entry & FastEntry.spaceBit != 0 && entry & 0xFF == 0x20 { map[byte] = 0x20 }
            } else if oneForOne(entry, length: 1) {
                map[byte] = UInt8(truncatingIfNeeded: entry)
            }
        }
        for lead in 0xD8...0xD9 {
            for trail in 0x80...0xBF {
                let entry = fast[lead << 8 | trail]
                let outputLead = Int(entry & 0xFF), outputTrail = Int(entry >> 8 & 0xFF)
                guard oneForOne(entry, length: 2), (0xD8...0xDA).contains(outputLead),
                    outputTrail & 0xC0 == 0x80
                else { continue }
                map[0x80 | (lead == 0xD9 ? 0x40 : 0) | trail & 0x3F] = UInt8((outputLead - 0xD8) << 6 | outputTrail & 0x3F)
            }
        }
        defer { map.deallocate() }
        return FoldBlockKernel.prepared(map)
    }

    deinit {
        entries.deallocate()
        fast.deallocate()
        blockMap?.deallocate()
        blockReady.deinitialize(count: Self.blockCount)
        blockReady.deallocate()
    }

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
        if scalar < Self.eagerLimit { return entries[Int(scalar)] }
        guard scalar < 0x10000 else { return Self.makeEntry(scalar, options, normalizer) }
        let block = Int(scalar >> 8)
        if blockReady[block].load(ordering: .acquiring) == 0 { buildBlock(block) }
        return entries[Int(scalar)]
    }

    /// Builds the entries of one block of 256 code points (once, whichever thread asks first).
    @inline(never)
    private func buildBlock(_ block: Int) {
        buildLock.withLock { _ in
            guard blockReady[block].load(ordering: .acquiring) == 0 else { return }
            for scalar in UInt32(block << 8)..<UInt32((block + 1) << 8) {
                (entries + Int(scalar)).initialize(to: Self.makeEntry(scalar, options, normalizer))
            }
            blockReady[block].store(1, ordering: .releasing)
        }
    }

    // MARK: - Building entries

    static func makeEntry(
        _ scalar: UInt32, _ options: NormalizationOptions,
        _ normalizer: ICUNormalizerHandle?
    ) -> FoldEntry {
        var combiningClass: UInt8 = 0
        var flags = FoldEntry.quickCheckYes | FoldEntry.boundaryBefore
        if let normalizer, !(0xD800...0xDFFF).contains(scalar) {
            combiningClass = normalizer.combiningClass(scalar)
            flags =
                (normalizer.quickCheck(scalar) == .yes ? FoldEntry.quickCheckYes : 0)
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
        return FoldEntry(
            action: action.action, replacement: packed, replacementLength: length,
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
            let lower = UnicodeProperties.simpleLowercase(scalar)
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
            return UnicodeProperties.isDecimalDigit(scalar) && GeneralCategory.of(scalar) == .decimalNumber ? 0x30 : nil
        }
    }

    /// General categories P* (Pc Pd Ps Pe Pi Pf Po) and S* (Sm Sc Sk So).
    private static func isPunctuationOrSymbol(_ scalar: UInt32) -> Bool {
        GeneralCategory.of(scalar).isPunctuationOrSymbol
    }
}
