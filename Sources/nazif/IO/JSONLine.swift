import Glibc

/// A JSON object on one line, scanned without building it: the byte range of one string field
/// (to splice a new value in, leaving every other byte as it was), and the string values of a
/// few fields read along the way. The whole line is validated (RFC 8259 structure, strings,
/// numbers, literals); a malformed line is reported with the byte where it goes wrong.
struct JSONLine {
    /// Where the line breaks the grammar, and what was expected.
    struct Malformed: Error {
        let offset: Int
        let message: String
    }

    /// The requested fields' raw value ranges (the whole JSON value, quotes included).
    var fields: [[UInt8]: Range<Int>] = [:]
    /// The decoded value of the field named by `decoding`, when it is a string (decoded while
    /// it was scanned: one pass over an article's text instead of two).
    var decoded: [UInt8]? = nil
    /// Lone surrogate escapes (`\ud800` without its pair) read as U+FFFD while decoding.
    var loneSurrogates = 0

    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// Scans `bytes` (one line, without its line break); records the value ranges of `wanted`
    /// top-level fields, and decodes the string value of the first field named `decoding`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, wanted: [[UInt8]], decoding: [UInt8]? = nil) throws(Malformed) {
        self.bytes = bytes
        skipSpace()
        try expect(UInt8(ascii: "{"), "a JSON object ('{')")
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("a field name in quotes") }
                let keyRange = try skipString()
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after a field name")
                skipSpace()
                let valueStart = index
                let key = Self.decodeString(UnsafeBufferPointer(rebasing: bytes[keyRange]))
                if let decoding, key == decoding, fields[key] == nil, peek() == UInt8(ascii: "\"") {
                    var text: [UInt8] = []
                    text.reserveCapacity(bytes.count - index)
                    _ = try skipString(decodingInto: &text)
                    decoded = text
                } else {
                    try skipValue(depth: 0)
                }
                if wanted.contains(key) && fields[key] == nil { fields[key] = valueStart..<index }
                skipSpace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}' after a value")
                break
            }
        }
        skipSpace()
        if index < bytes.count { throw fail("the end of the line after the object") }
    }

    /// The decoded string value of a field, or nil when absent or not a string.
    func string(_ field: [UInt8]) -> [UInt8]? {
        guard let range = fields[field], bytes[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        return Self.decodeString(UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]))
    }

    // MARK: - Scanning

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ expected: String) -> Malformed {
        Malformed(offset: index, message: index < bytes.count ? "expected \(expected)" : "the line ends early, expected \(expected)")
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Malformed) {
        guard peek() == byte else { throw fail(what) }
        index += 1
    }

    /// Skips a string; returns the range of its contents (between the quotes).
    ///
    /// The closing quote, the escapes and any control character are found in one SIMD pass
    /// (``JSONStringScan``): an article's text field is kilobytes with an escaped line break
    /// every line or two, and two memchr passes plus a control check eight bytes at a time cost
    /// 6% of `clean --jsonl`.
    private mutating func skipString() throws(Malformed) -> Range<Int> {
        var unused: [UInt8] = []
        return try skipString(decodingInto: &unused, decodes: false)
    }

    /// Skips a string as ``skipString()`` does, appending its decoded contents to `text` when
    /// `decodes`.
    private mutating func skipString(decodingInto text: inout [UInt8], decodes: Bool = true) throws(Malformed) -> Range<Int> {
        index += 1
        let start = index
        guard let base = bytes.baseAddress else { throw fail("'\"' to close the string") }
        let end = bytes.count
        while true {
            let stop = JSONStringScan.nextStop(base, from: index, to: end)
            if decodes { text.append(contentsOf: UnsafeBufferPointer(start: base + index, count: stop - index)) }
            index = stop
            guard stop < end else { throw fail("'\"' to close the string") }
            switch base[stop] {
            case UInt8(ascii: "\""):
                index += 1
                return start..<stop
            case UInt8(ascii: "\\"):
                break
            default:
                throw fail("no control characters inside a string")
            }
            let escapeStart = stop
            guard index + 1 < end else { throw fail("an escape after '\\'") }
            let escaped = bytes[index + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 2
            case UInt8(ascii: "u"):
                guard index + 5 < end,
                    (2...5).allSatisfy({ Self.hexValue(bytes[index + $0]) != nil })
                else {
                    index += 1
                    throw fail("four hex digits after '\\u'")
                }
                index += 6
            default:
                index += 1
                throw fail("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
            if decodes {
                // A surrogate pair's second escape is taken with the first, once its hex digits
                // are known to be valid.
                index = Self.appendDecodedEscape(bytes, at: escapeStart, to: &text, loneSurrogates: &loneSurrogates)
            }
        }
    }

    private mutating func skipValue(depth: Int) throws(Malformed) {
        guard depth < 512 else { throw fail("less deeply nested values") }
        guard let byte = peek() else { throw fail("a value") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try skipString()
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if peek() == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("a field name in quotes") }
                _ = try skipString()
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after a field name")
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if peek() == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
        default:
            throw fail("a value (string, number, object, array, true, false or null)")
        }
    }

    private mutating func skipLiteral(_ literal: StaticString) throws(Malformed) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count,
            (0..<count).allSatisfy({ bytes[index + $0] == literal.utf8Start[$0] })
        else {
            throw fail("'\(literal)'")
        }
        index += count
    }

    private mutating func skipNumber() throws(Malformed) {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw fail("a digit") }
        if first == 0x30 { index += 1 } else { while let byte = peek(), isDigit(byte) { index += 1 } }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let byte = peek(), isDigit(byte) else { throw fail("a digit after '.'") }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek(), isDigit(byte) else { throw fail("a digit in the exponent") }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
    }

    // MARK: - Decoding

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// The UTF-8 bytes of a JSON string's contents (already validated by the scanner). A lone
    /// surrogate escape becomes U+FFFD.
    static func decodeString(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var loneSurrogates = 0
        return decodeString(raw, loneSurrogates: &loneSurrogates)
    }

    /// The same, counting the lone surrogate escapes read as U+FFFD.
    static func decodeString(_ raw: UnsafeBufferPointer<UInt8>, loneSurrogates: inout Int) -> [UInt8] {
        guard let base = raw.baseAddress, memchr(base, 0x5C, raw.count) != nil else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            // Copy the run up to the next backslash in one go.
            let run = memchr(base + index, 0x5C, raw.count - index)
            let runEnd = run.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? raw.count
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<runEnd]))
            index = runEnd < raw.count ? appendDecodedEscape(raw, at: runEnd, to: &out, loneSurrogates: &loneSurrogates) : runEnd
        }
        return out
    }

    /// Appends the character of the escape at `index` (a backslash) and returns the offset
    /// after it: after both escapes of a surrogate pair (when the second's hex digits are
    /// valid), U+FFFD for a lone surrogate. The escape itself is assumed valid; one cut short
    /// by the end of `raw` is copied as it is.
    static func appendDecodedEscape(
        _ raw: UnsafeBufferPointer<UInt8>, at index: Int, to out: inout [UInt8],
        loneSurrogates: inout Int
    ) -> Int {
        guard index + 1 < raw.count else {
            out.append(raw[index])
            return index + 1
        }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = hexValue(raw[at + offset]) else { return nil }
                value = value << 4 | digit
            }
            return value
        }
        let escaped = raw[index + 1]
        switch escaped {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
            guard let first = hex4(index + 2) else { return index + 2 }
            var scalar = first
            var next = index + 6
            if (0xD800...0xDBFF).contains(first) {
                if next + 1 < raw.count, raw[next] == UInt8(ascii: "\\"), raw[next + 1] == UInt8(ascii: "u"),
                    let low = hex4(next + 2), (0xDC00...0xDFFF).contains(low)
                {
                    scalar = 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                    next += 6
                } else {
                    scalar = 0xFFFD
                    loneSurrogates += 1
                }
            } else if (0xDC00...0xDFFF).contains(first) {
                scalar = 0xFFFD
                loneSurrogates += 1
            }
            appendUTF8(scalar, to: &out)
            return next
        default: out.append(escaped)
        }
        return index + 2
    }

    /// Appends a scalar value's UTF-8 bytes.
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// The host of a URL ("https://www.okaz.com.sa/article/1" → "okaz.com.sa"), lowercased, "www."
/// dropped; nil when there is none.
func urlHost(_ url: [UInt8]) -> String? {
    // A plain scan: `firstRange(of:)` and the mapped copies cost 2% of `clean --jsonl` (once a
    // record, twice a run).
    var start = 0
    if url.count >= 3 {
        for index in 0..<(url.count - 2)
        where url[index] == UInt8(ascii: ":") && url[index + 1] == UInt8(ascii: "/")
            && url[index + 2] == UInt8(ascii: "/")
        {
            start = index + 3
            break
        }
    }
    var end = start
    while end < url.count, url[end] != UInt8(ascii: "/"), url[end] != UInt8(ascii: "?"),
        url[end] != UInt8(ascii: "#"), url[end] != UInt8(ascii: ":")
    { end += 1 }
    // user@host
    var at = end
    while at > start {
        at -= 1
        if url[at] == UInt8(ascii: "@") {
            start = at + 1
            break
        }
    }
    if end - start >= 4, url[start] | 0x20 == UInt8(ascii: "w"), url[start + 1] | 0x20 == UInt8(ascii: "w"),
        url[start + 2] | 0x20 == UInt8(ascii: "w"), url[start + 3] == UInt8(ascii: ".")
    {
        start += 4
    }
    guard start < end else { return nil }
    return String(unsafeUninitializedCapacity: end - start) { buffer in
        for index in start..<end {
            let byte = url[index]
            buffer[index - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return end - start
    }
}
