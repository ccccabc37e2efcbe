/// The reversible Arabic transliterations of the Buckwalter family, byte-for-byte compatible
/// with CAMeL Tools' character maps (`ar2bw`, `bw2ar`, `ar2safebw`, … `hsb2ar`): each maps 51
/// Arabic letters and marks to one character and back, and passes every other character
/// through unchanged — so digits, punctuation and Latin words come back as they were, but a
/// Latin word that uses the scheme's letters is changed by the reverse direction (as in CAMeL).
///
/// ```swift
/// TransliterationScheme.buckwalter.transliterate("كِتَابٌ")              // "kitaAbN"
/// TransliterationScheme.buckwalter.transliterate("kitaAbN", reverse: true)   // "كِتَابٌ"
/// ```
public enum TransliterationScheme: String, Sendable, CaseIterable {
    /// Tim Buckwalter's scheme: ' | > & < } A b p t v j …
    case buckwalter
    /// Safe Buckwalter: no characters special to regular expressions or shells.
    case safeBuckwalter = "safebw"
    /// XML Buckwalter: no characters special to XML.
    case xmlBuckwalter = "xmlbw"
    /// Habash-Soudi-Buckwalter: one Latin or Greek letter per Arabic letter (θ ς γ ħ …).
    case hsb

    /// Transliterates a string (`reverse`: from the scheme back to Arabic).
    ///
    /// ```swift
    /// TransliterationScheme.hsb.transliterate("ثلاثة")   // "θlAθħ"
    /// ```
    public func transliterate(_ text: String, reverse: Bool = false) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            transliterate(utf8: bytes, into: &output, reverse: reverse)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Transliterates UTF-8 bytes, appending to `output`. Bytes that are not mapped characters
    /// (ill-formed ones included) pass through unchanged. Returns the offset of the first
    /// ill-formed UTF-8 sequence, or nil when the input is valid, so callers need no separate
    /// validation pass.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// let bad = bytes.withUnsafeBufferPointer { TransliterationScheme.buckwalter.transliterate(utf8: $0, into: &out) }
    /// ```
    @discardableResult
    public func transliterate(
        utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
        reverse: Bool = false
    ) -> Int? {
        let tables = SchemeTables.of(self)
        return reverse ? tables.backward(input, &output) : tables.forward(input, &output)
    }

    var pairs: [(UInt32, UInt32)] {
        switch self {
        case .buckwalter: CharacterMaps.buckwalter
        case .safeBuckwalter: CharacterMaps.safeBuckwalter
        case .xmlBuckwalter: CharacterMaps.xmlBuckwalter
        case .hsb: CharacterMaps.hsb
        }
    }
}

/// Byte tables for one scheme: Arabic block (U+0600–06FF) → target, and targets (all below
/// U+0800: one or two UTF-8 bytes) → Arabic.
final class SchemeTables: Sendable {
    /// For U+0600 + i: the target's UTF-8 bytes packed little-endian, and their count (0: not mapped).
    let forwardTable: [(UInt32, UInt8)]
    /// For code points below U+0800: the Arabic letter's two UTF-8 bytes packed, or 0.
    let backwardTable: [UInt32]

    init(_ scheme: TransliterationScheme) {
        var forward = [(UInt32, UInt8)](repeating: (0, 0), count: 256)
        var backward = [UInt32](repeating: 0, count: 0x800)
        for (arabic, target) in scheme.pairs {
            let (packedTarget, targetLength) = packUTF8(target)
            forward[Int(arabic - 0x0600)] = (packedTarget, UInt8(targetLength))
            precondition(target < 0x800 && arabic >= 0x0600 && arabic < 0x0700, "scheme tables assume short targets")
            backward[Int(target)] = packUTF8(arabic).packed
        }
        forwardTable = forward
        backwardTable = backward
    }

    private static let all: [SchemeTables] = TransliterationScheme.allCases.map(SchemeTables.init)

    static func of(_ scheme: TransliterationScheme) -> SchemeTables {
        all[TransliterationScheme.allCases.firstIndex(of: scheme)!]
    }

    func forward(_ input: UnsafeBufferPointer<UInt8>, _ output: inout [UInt8]) -> Int? {
        guard input.count > 0 else { return nil }
        var firstInvalid: Int? = nil
        // SAFETY: the table has 256 entries and is indexed by 8 bits (2 of the lead, 6 of the
        // trail); every write stays in the room appendBytes(atMost:) gives (see below).
        forwardTable.withUnsafeBufferPointer { table in
            // Targets are at most as long as the Arabic letters they replace (the 4-byte store
            // below may run 2 bytes past the last one).
            output.appendBytes(atMost: input.count + 4) { out in
                var written = 0
                var index = 0
                let count = input.count
                while index < count {
                    let byte = input[index]
                    if byte < 0x80 {
                        out[written] = byte
                        written += 1
                        index += 1
                        continue
                    }
                    if byte >= 0xC2 && byte <= 0xDF && index + 1 < count && input[index + 1] & 0xC0 == 0x80 {
                        if byte >= 0xD8 && byte <= 0xDB {
                            let entry = table[Int(byte & 0x03) << 6 | Int(input[index + 1] & 0x3F)]
                            if entry.1 != 0 {
                                // SAFETY: room for input.count + 4 bytes; targets ≤ 2 bytes replace 2.
                                UnsafeMutableRawPointer(out + written).storeBytes(of: entry.0.littleEndian, as: UInt32.self)
                                written += Int(entry.1)
                                index += 2
                                continue
                            }
                        }
                        out[written] = byte
                        out[written + 1] = input[index + 1]
                        written += 2
                        index += 2
                        continue
                    }
                    // Three- and four-byte characters, and ill-formed bytes: copied as they are.
                    let decoded = input.decodeMultiByte(at: index, lead: UInt32(byte))
                    if !decoded.isWellFormed && firstInvalid == nil { firstInvalid = index }
                    for offset in 0..<decoded.length { out[written + offset] = input[index + offset] }
                    written += decoded.length
                    index += decoded.length
                }
                return written
            }
        }
        return firstInvalid
    }

    func backward(_ input: UnsafeBufferPointer<UInt8>, _ output: inout [UInt8]) -> Int? {
        guard input.count > 0 else { return nil }
        var firstInvalid: Int? = nil
        // SAFETY: the table covers every scalar below U+0800, the only ones looked up; every write
        // stays in the room appendBytes(atMost:) gives (see below).
        backwardTable.withUnsafeBufferPointer { table in
            // An ASCII target (1 byte) becomes a 2-byte letter: at most twice the input.
            output.appendBytes(atMost: input.count * 2 + 4) { out in
                var written = 0
                var index = 0
                let count = input.count
                while index < count {
                    let byte = input[index]
                    var scalar = -1
                    var length = 1
                    if byte < 0x80 {
                        scalar = Int(byte)
                    } else if byte >= 0xC2 && byte <= 0xDF && index + 1 < count && input[index + 1] & 0xC0 == 0x80 {
                        scalar = Int(byte & 0x1F) << 6 | Int(input[index + 1] & 0x3F)
                        length = 2
                    } else {
                        let decoded = input.decodeMultiByte(at: index, lead: UInt32(byte))
                        if !decoded.isWellFormed && firstInvalid == nil { firstInvalid = index }
                        length = decoded.length
                    }
                    if scalar >= 0, table[scalar] != 0 {
                        // SAFETY: room for 2n + 4 bytes; each mapped character writes 2.
                        UnsafeMutableRawPointer(out + written).storeBytes(of: table[scalar].littleEndian, as: UInt32.self)
                        written += 2
                    } else {
                        for offset in 0..<length { out[written + offset] = input[index + offset] }
                        written += length
                    }
                    index += length
                }
                return written
            }
        }
        return firstInvalid
    }
}
