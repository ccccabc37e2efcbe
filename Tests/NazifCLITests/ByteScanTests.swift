import Testing

@testable import nazif

/// The byte-scanning kernels of the command line against plain loops, at lengths around the
/// vector widths and the lane tallies' 255-block stretches.
@Suite struct ByteScanTests {
    static let lengths = [0, 1, 15, 16, 31, 32, 33, 63, 64, 100, 32 * 255 - 1, 32 * 255, 32 * 255 + 33, 3 * 32 * 255 + 7]

    @Test(arguments: lengths)
    func lineBreaksAreCounted(length: Int) {
        var state: UInt64 = UInt64(length) &+ 1
        let bytes: [UInt8] = (0..<length).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Mostly line breaks in some runs, none in others, and every other byte value.
            return state >> 60 < 3 ? 0x0A : UInt8(truncatingIfNeeded: state >> 33)
        }
        let expected = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        #expect(bytes.withUnsafeBufferPointer { ByteCount.occurrences(of: 0x0A, in: $0) } == expected)
        let all = [UInt8](repeating: 0x0A, count: length)
        #expect(all.withUnsafeBufferPointer { ByteCount.occurrences(of: 0x0A, in: $0) } == length)
    }

    @Test(arguments: lengths)
    func jsonStringStopsAreFound(length: Int) {
        for stop: UInt8 in [0x22, 0x5C, 0x00, 0x1F] {
            for position in Set([0, length / 2, length - 1]) where position >= 0 && position < length {
                var bytes = [UInt8](repeating: 0x41, count: length)
                bytes[position] = stop
                if position + 1 < length { bytes[position + 1] = 0x22 }
                let found = bytes.withUnsafeBufferPointer { JSONStringScan.nextStop($0.baseAddress!, from: 0, to: length) }
                #expect(found == position)
            }
        }
        let plain = [UInt8](repeating: 0xD8, count: max(length, 1))
        #expect(plain.withUnsafeBufferPointer { JSONStringScan.nextStop($0.baseAddress!, from: 0, to: length) } == length)
    }
}

/// JSON string escaping: RFC 8259's short escapes, \u00XX for the other control characters,
/// everything else (UTF-8 included) as it is, at both ends and in long stretches.
@Suite struct JSONEscapeTests {
    @Test(arguments: [
        ("", ""), ("abc", "abc"), ("\"", "\\\""), ("\\", "\\\\"), ("a\nb", "a\\nb"), ("\r\t\u{08}\u{0C}", "\\r\\t\\b\\f"),
        ("\u{01}\u{1F}", "\\u0001\\u001f"), ("قال \"نعم\"\n", "قال \\\"نعم\\\"\\n"),
        (
            String(repeating: "كلمة ", count: 20) + "\n" + String(repeating: "x", count: 33),
            String(repeating: "كلمة ", count: 20) + "\\n" + String(repeating: "x", count: 33)
        ),
        ("/ and \u{7F} and é", "/ and \u{7F} and é"),
    ])
    func bytesAreEscaped(text: String, escaped: String) {
        var output: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { JSONText.appendEscaped($0, to: &output) }
        #expect(String(decoding: output, as: UTF8.self) == escaped)
    }
}
