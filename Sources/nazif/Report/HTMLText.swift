/// HTML text built as UTF-8 bytes: document text is escaped byte by byte, never decoded.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    /// Markup written as it is (the page's own tags and attribute names).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Text escaped for element content and for quoted attribute values.
    mutating func text(_ text: String) {
        HTMLText.appendEscaped(Array(text.utf8)[...], to: &bytes)
    }

    /// Document bytes (valid UTF-8) escaped for element content and quoted attribute values.
    mutating func text(_ utf8: ArraySlice<UInt8>) {
        HTMLText.appendEscaped(utf8, to: &bytes)
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`; control characters other than tab (which would be
    /// invisible or a parse error: NUL, form feed, escape…) become their Control Pictures symbol
    /// (U+2400…, "␀"), DEL becomes "␡". Every other byte, Arabic letters and invisible format
    /// characters included, is copied.
    static func appendEscaped(_ utf8: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        func flush() { out.append(contentsOf: utf8[runStart..<index]) }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let replacement: String?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            case 0x09: replacement = nil
            case 0x00..<0x20: replacement = "&#x24\(hexByte(byte));"
            case 0x7F: replacement = "&#x2421;"
            default: replacement = nil
            }
            if let replacement {
                flush()
                out.append(contentsOf: replacement.utf8)
                runStart = index + 1
            }
            index += 1
        }
        flush()
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }
}
