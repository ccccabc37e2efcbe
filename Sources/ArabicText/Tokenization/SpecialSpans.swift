/// A stretch of text that must stay one token whatever ICU's word rules say.
struct SpecialSpan {
    var range: Range<Int>
    var kind: TokenKind
}

/// Finds web addresses, e-mail addresses, hashtags and mentions in UTF-8 text with a byte scan:
/// the triggers (`://`, `www.`, `@`, `#`) are rare, so most text costs one comparison per byte.
enum SpecialSpans {
    static func find(in text: UnsafeBufferPointer<UInt8>) -> [SpecialSpan] {
        var spans: [SpecialSpan] = []
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            var found: SpecialSpan? = nil
            switch byte {
            case UInt8(ascii: ":"):
                found = url(in: text, colon: index)
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                found = wwwURL(in: text, at: index)
            case UInt8(ascii: "@"):
                found = email(in: text, at: index) ?? mention(in: text, at: index)
            case UInt8(ascii: "#"):
                found = hashtag(in: text, at: index)
            default:
                break
            }
            if let span = found {
                // A later span may start inside an earlier one only if it extends it; keep order.
                while let last = spans.last, last.range.lowerBound >= span.range.lowerBound {
                    spans.removeLast()
                }
                if let last = spans.last, last.range.upperBound > span.range.lowerBound {
                    index += 1
                    continue
                }
                spans.append(span)
                index = span.range.upperBound
                continue
            }
            index += 1
        }
        return spans
    }

    // MARK: - Character classes

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Bytes a URL may contain (RFC 3986 characters, and non-ASCII for internationalized paths).
    @inline(__always)
    static func isURLByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return false }
        if isASCIIAlphanumeric(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
            UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "@"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// Punctuation that ends a sentence rather than a URL when it comes last.
    @inline(__always)
    static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: ")"),
            UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    /// Whether the byte before `index` lets a token start there (start of text, or not a letter
    /// or digit).
    @inline(__always)
    static func startsWord(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = text[index - 1]
        return !isASCIIAlphanumeric(previous) && previous != UInt8(ascii: "_")
            && previous != UInt8(ascii: ".")
    }

    /// The end of a URL body starting at `start`, trailing punctuation and an unbalanced closing
    /// parenthesis left out.
    static func urlEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        var openParens = 0
        while end < text.count && isURLByte(text[end]) {
            if text[end] == UInt8(ascii: "(") { openParens += 1 }
            if text[end] == UInt8(ascii: ")") {
                if openParens == 0 { break }
                openParens -= 1
            }
            end += 1
        }
        while end > start && isTrailingPunctuation(text[end - 1]) { end -= 1 }
        return end
    }

    // MARK: - Matchers

    /// scheme://… where the scheme is http, https or ftp.
    static func url(in text: UnsafeBufferPointer<UInt8>, colon: Int) -> SpecialSpan? {
        guard colon + 3 < text.count, text[colon + 1] == UInt8(ascii: "/"),
            text[colon + 2] == UInt8(ascii: "/")
        else { return nil }
        var start = colon
        while start > 0 && text[start - 1] | 0x20 >= 0x61 && text[start - 1] | 0x20 <= 0x7A {
            start -= 1
        }
        let scheme = String(
            decoding: UnsafeBufferPointer(rebasing: text[start..<colon]),
            as: UTF8.self
        ).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), startsWord(text, start) else { return nil }
        let end = urlEnd(text, from: colon + 3)
        guard end > colon + 3 else { return nil }
        return SpecialSpan(range: start..<end, kind: .url)
    }

    /// www.example.com/…
    static func wwwURL(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> SpecialSpan? {
        guard index + 5 < text.count, startsWord(text, index),
            text[index + 1] | 0x20 == UInt8(ascii: "w"), text[index + 2] | 0x20 == UInt8(ascii: "w"),
            text[index + 3] == UInt8(ascii: "."), isASCIIAlphanumeric(text[index + 4])
        else { return nil }
        let end = urlEnd(text, from: index + 4)
        // Require a dot in the host after "www.": www.example is not an address.
        var dot = index + 4
        while dot < end && text[dot] != UInt8(ascii: ".") && text[dot] != UInt8(ascii: "/") {
            dot += 1
        }
        guard dot < end, text[dot] == UInt8(ascii: ".") else { return nil }
        return SpecialSpan(range: index..<end, kind: .url)
    }

    /// local@domain.tld
    static func email(in text: UnsafeBufferPointer<UInt8>, at: Int) -> SpecialSpan? {
        func isLocal(_ byte: UInt8) -> Bool {
            isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        }
        var start = at
        while start > 0 && isLocal(text[start - 1]) { start -= 1 }
        while start < at && !isASCIIAlphanumeric(text[start]) { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        var lastDot = -1
        while end < text.count,
            isASCIIAlphanumeric(text[end]) || text[end] == UInt8(ascii: "-")
                || text[end] == UInt8(ascii: ".")
        {
            if text[end] == UInt8(ascii: ".") { lastDot = end }
            end += 1
        }
        while end > at + 1 && (text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-")) {
            end -= 1
        }
        guard lastDot > at + 1, lastDot < end - 2 else { return nil }
        return SpecialSpan(range: start..<end, kind: .email)
    }

    /// @handle (letters, digits, underscore).
    static func mention(in text: UnsafeBufferPointer<UInt8>, at: Int) -> SpecialSpan? {
        guard startsWord(text, at) else { return nil }
        var end = at + 1
        while end < text.count && (isASCIIAlphanumeric(text[end]) || text[end] == UInt8(ascii: "_")) {
            end += 1
        }
        guard end > at + 1 else { return nil }
        return SpecialSpan(range: at..<end, kind: .mention)
    }

    /// #tag in any script: letters, marks, digits, underscores and tatweel.
    static func hashtag(in text: UnsafeBufferPointer<UInt8>, at hash: Int) -> SpecialSpan? {
        guard startsWord(text, hash) else { return nil }
        var end = hash + 1
        var hasLetter = false
        while end < text.count {
            let decoded = text.decodeScalar(at: end)
            let category = GeneralCategory.of(decoded.value)
            if decoded.value == 0x5F || category.isLetterMarkOrDecimal {
                if category.isLetter { hasLetter = true }
                end += decoded.length
            } else {
                break
            }
        }
        guard hasLetter else { return nil }
        return SpecialSpan(range: hash..<end, kind: .hashtag)
    }
}
