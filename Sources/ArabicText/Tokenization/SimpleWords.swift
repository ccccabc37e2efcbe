internal import CArabicICU

/// The fast path of the word tokenizer.
///
/// ICU's word rules never join across white space and never look across it (UAX #29: a break
/// falls before and after every run of spaces), so each space-delimited chunk of text can be
/// segmented on its own. Most chunks of Arabic news are a bare word — Arabic letters with their
/// marks and tatweel, or ASCII letters, or ASCII digits — for which ICU's answer is known without
/// asking: one token. Only the other chunks go to ICU. Measured on the 20 MB seed corpus: ICU's
/// iteration over UTF-8 (UText) ran at about 140 MB/s on one core, and with this fast path the
/// whole tokenizer runs at several times that; the answer is the same (a test compares the two on
/// every fixture).
enum SimpleWords {
    /// What a chunk is, when it is simple.
    enum Kind {
        case arabic, latin, digits
    }

    /// For U+0600–U+06FF: 1 for a letter (Word_Break ALetter), 2 for a mark (Extend), 0 else.
    static let arabicBlock: [UInt8] = (0x0600...0x06FF).map { scalar -> UInt8 in
        switch nz_word_break_property(UInt32(scalar)) {
        case 1: return 1  // ALetter
        case 9: return 2  // Extend
        default: return 0
        }
    }

    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Scans the chunk starting at `index` up to the next ASCII white space, moving `index`
    /// there, and returns its kind when it is simple. Simple chunks are well-formed UTF-8 by
    /// construction; anything else (including ill-formed bytes) makes the chunk complex.
    @inline(__always)
    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int,
                     arabicBlock: UnsafeBufferPointer<UInt8>) -> Kind? {
        let count = text.count
        let first = text[index]
        var kind: Kind
        if first >= 0xD8 && first <= 0xDB {
            // Arabic: a letter, then letters and marks.
            guard index + 1 < count, text[index + 1] & 0xC0 == 0x80,
                  arabicBlock[Int(first & 0x03) << 6 | Int(text[index + 1] & 0x3F)] == 1 else {
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
        if index < count && !isASCIISpace(text[index]) {
            skipChunk(text, &index)
            return nil
        }
        return kind
    }

    /// Moves `index` to the next ASCII white space (or the end).
    @inline(__always)
    static func skipChunk(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < text.count && !isASCIISpace(text[index]) { index += 1 }
    }
}
