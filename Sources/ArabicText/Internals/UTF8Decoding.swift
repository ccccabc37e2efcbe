/// One decoded scalar: its value and the number of bytes it took. Ill-formed input decodes as
/// U+FFFD over the maximal subpart of an ill-formed sequence (Unicode's recommended practice, the
/// same as Swift's and ICU's), so a decoder loop always moves forward and never traps.
struct DecodedScalar {
    var value: UInt32
    var length: Int
    /// False when the bytes were ill-formed and `value` is U+FFFD.
    var isWellFormed: Bool
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Decodes the scalar starting at `index` (which must be < count).
    @inline(__always)
    func decodeScalar(at index: Int) -> DecodedScalar {
        let b0 = UInt32(self[index])
        if b0 < 0x80 { return DecodedScalar(value: b0, length: 1, isWellFormed: true) }
        return decodeMultiByte(at: index, lead: b0)
    }

    @inline(__always)
    private func continuation(_ index: Int) -> UInt32? {
        guard index < count else { return nil }
        let byte = self[index]
        return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }

    @inline(__always)
    func decodeMultiByte(at index: Int, lead b0: UInt32) -> DecodedScalar {
        let invalid = DecodedScalar(value: 0xFFFD, length: 1, isWellFormed: false)
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(index + 1) else { return invalid }
            return DecodedScalar(value: (b0 & 0x1F) << 6 | c1, length: 2, isWellFormed: true)
        case 0xE0...0xEF:
            guard index + 1 < count else { return invalid }
            let second = self[index + 1]
            // Overlongs (E0 80..9F) and surrogates (ED A0..BF) are ill-formed at the second byte.
            let lower: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let upper: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard second >= lower && second <= upper else { return invalid }
            guard let c2 = continuation(index + 2) else {
                return DecodedScalar(value: 0xFFFD, length: 2, isWellFormed: false)
            }
            let value = (b0 & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | c2
            return DecodedScalar(value: value, length: 3, isWellFormed: true)
        case 0xF0...0xF4:
            guard index + 1 < count else { return invalid }
            let second = self[index + 1]
            let lower: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let upper: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard second >= lower && second <= upper else { return invalid }
            guard let c2 = continuation(index + 2) else {
                return DecodedScalar(value: 0xFFFD, length: 2, isWellFormed: false)
            }
            guard let c3 = continuation(index + 3) else {
                return DecodedScalar(value: 0xFFFD, length: 3, isWellFormed: false)
            }
            let value = (b0 & 0x07) << 18 | UInt32(second & 0x3F) << 12 | c2 << 6 | c3
            return DecodedScalar(value: value, length: 4, isWellFormed: true)
        default:
            return invalid
        }
    }
}

/// Packs the UTF-8 encoding of a scalar little-endian into a UInt32 (first byte lowest).
@inline(__always)
func packUTF8(_ scalar: UInt32) -> (packed: UInt32, length: Int) {
    switch scalar {
    case 0..<0x80:
        return (scalar, 1)
    case 0x80..<0x800:
        return ((0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8, 2)
    case 0x800..<0x10000:
        return (
            (0xE0 | scalar >> 12) | (0x80 | scalar >> 6 & 0x3F) << 8
                | (0x80 | scalar & 0x3F) << 16, 3
        )
    default:
        return (
            (0xF0 | scalar >> 18) | (0x80 | scalar >> 12 & 0x3F) << 8
                | (0x80 | scalar >> 6 & 0x3F) << 16 | (0x80 | scalar & 0x3F) << 24, 4
        )
    }
}
