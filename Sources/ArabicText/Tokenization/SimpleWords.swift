/// The fast path of the word tokenizer.
///
/// ICU's word rules never join across white space and never look across it (UAX #29: a break
/// falls before and after every run of spaces), so each space-delimited chunk of text can be
/// segmented on its own. Most chunks of Arabic news are a bare word — Arabic letters with their
/// marks and tatweel, or ASCII letters, or ASCII digits — for which ICU's answer is known without
/// asking: one token. Only the other chunks go to ICU (docs/design-arabictext.md gives the
/// measurement); the answer is the same (a test compares the two on every fixture). Punctuation at a word's edges (`روسيا،` `«كيم»` `2020.`) stays in the fast
/// path: at a chunk's edge ICU breaks on both sides of each such mark.
enum SimpleWords {
    /// What a chunk is, when it is simple.
    enum Kind {
        case arabic, latin, digits
    }

    /// For U+0600–U+06FF: 1 for a letter (Word_Break ALetter), 2 for a mark (Extend), 0 else.
    static let arabicBlock: [UInt8] = (0x0600...0x06FF).map { scalar -> UInt8 in
        switch WordBreakProperty.of(UInt32(scalar)) {
        case .aLetter: return 1
        case .extend: return 2
        case .other: return 0
        }
    }

    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// A chunk the fast path can segment: punctuation marks before and after a bare word.
    struct Chunk {
        var kind: Kind
        /// The word, between the leading and trailing punctuation.
        var core: Range<Int>
    }

    /// The byte length of the punctuation mark at `index` that stands alone as a segment at a
    /// word's edge (ICU breaks on both sides of it there), or 0. ASCII: . , : ; ! ? " ' ( ) [ ]
    /// - % ; Arabic ، ؛ ؟ ; « » “ ” … .
    @inline(__always)
    static func edgePunctuationLength(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = text[index]
        switch byte {
        case 0x2E, 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x2D, 0x25:
            return 1
        case 0xD8:
            guard index + 1 < text.count else { return 0 }
            let next = text[index + 1]
            return next == 0x8C || next == 0x9B || next == 0x9F ? 2 : 0
        case 0xC2:
            guard index + 1 < text.count else { return 0 }
            let next = text[index + 1]
            return next == 0xAB || next == 0xBB ? 2 : 0
        case 0xE2:
            guard index + 2 < text.count, text[index + 1] == 0x80 else { return 0 }
            let last = text[index + 2]
            return last == 0x9C || last == 0x9D || last == 0xA6 ? 3 : 0
        default:
            return 0
        }
    }

    /// Scans the chunk starting at `index` up to the next ASCII white space, moving `index`
    /// there, and returns its shape when it is simple: edge punctuation, then one bare word
    /// (Arabic letters and marks, or ASCII letters, or ASCII digits), then edge punctuation.
    /// Simple chunks are well-formed UTF-8 by construction; anything else (ill-formed bytes
    /// included) makes the chunk complex.
    @inline(__always)
    static func scan(
        _ text: UnsafeBufferPointer<UInt8>, _ index: inout Int,
        arabicBlock: UnsafeBufferPointer<UInt8>
    ) -> Chunk? {
        let count = text.count
        while index < count {
            let length = edgePunctuationLength(text, index)
            if length == 0 { break }
            index += length
        }
        guard index < count, !isASCIISpace(text[index]) else {
            skipChunk(text, &index)
            return nil
        }
        let coreStart = index
        let first = text[index]
        let kind: Kind
        if first >= 0xD8 && first <= 0xDB {
            // Arabic: a letter, then letters and marks.
            guard index + 1 < count, text[index + 1] & 0xC0 == 0x80,
                arabicBlock[Int(first & 0x03) << 6 | Int(text[index + 1] & 0x3F)] == 1
            else {
                skipChunk(text, &index)
                return nil
            }
            index += 2
            while index + 1 < count {
                let lead = text[index]
                guard lead >= 0xD8 && lead <= 0xDB, text[index + 1] & 0xC0 == 0x80,
                    arabicBlock[Int(lead & 0x03) << 6 | Int(text[index + 1] & 0x3F)] != 0
                else { break }
                index += 2
            }
            kind = .arabic
        } else if first | 0x20 >= 0x61 && first | 0x20 <= 0x7A {
            index += 1
            while index < count, text[index] | 0x20 >= 0x61 && text[index] | 0x20 <= 0x7A { index += 1 }
            kind = .latin
        } else if first >= 0x30 && first <= 0x39 {
            index += 1
            while index < count, text[index] >= 0x30 && text[index] <= 0x39 { index += 1 }
            kind = .digits
        } else {
            skipChunk(text, &index)
            return nil
        }
        let core = coreStart..<index
        while index < count && !isASCIISpace(text[index]) {
            let length = edgePunctuationLength(text, index)
            if length == 0 {
                skipChunk(text, &index)
                return nil
            }
            index += length
        }
        return Chunk(kind: kind, core: core)
    }

    /// Moves `index` to the next ASCII white space (or the end).
    @inline(__always)
    static func skipChunk(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < text.count && !isASCIISpace(text[index]) { index += 1 }
    }
}
