/// Writes JSON string literals into a byte array (RFC 8259 escaping; UTF-8 passes through).
enum JSONText {
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `"…"` with the bytes escaped.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        appendEscaped(bytes, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the bytes escaped for the inside of a JSON string (no quotes).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                // SAFETY: an unaligned load of bytes index..<index+8, inside the buffer.
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if isPlain(word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            let escapedAt = index - 1
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<escapedAt]))
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            default:
                output.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            start = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    /// Whether eight bytes (an unaligned little-endian load) hold no '"', no '\\' and no
    /// control character, so a string's bytes can pass eight at a time.
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        // A zero byte in `value` borrows into its high bit; bytes < 0x20 borrow when 0x20 is
        // subtracted (and had the high bit clear).
        let hasZero = { (value: UInt64) in (value &- ones) & ~value & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return hasZero(quote) | hasZero(backslash) | control == 0
    }

    static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &output) }
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a non-negative integer in decimal.
    mutating func appendDecimal(_ value: Int) {
        if value < 10 {
            append(UInt8(truncatingIfNeeded: value) + 0x30)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: rest / divisor) + 0x30)
            rest %= divisor
            divisor /= 10
        }
    }
}
