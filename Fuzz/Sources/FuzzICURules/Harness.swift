import ArabicText

/// Custom ICU transliteration rules (`translit --rules FILE`) on arbitrary bytes: the input up to
/// its first zero byte is the rules, the rest the text. Checked: rules compile or are refused
/// with a position inside the rules (line from 1 to the rules' line count, column from 1, or
/// none when ICU gives none), never a crash; compiled rules, forward and reverse, give valid UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICURules(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    let split = input.firstIndex(of: 0) ?? count
    let rules = String(decoding: UnsafeBufferPointer(rebasing: input[0..<split]), as: UTF8.self)
    let text = UnsafeBufferPointer(rebasing: input[min(split + 1, count)...])
    let lines = rules.split(separator: "\n", omittingEmptySubsequences: false).count
    for reverse in [false, true] {
        do {
            let transform = try Transliterator(id: "Fuzz-Rules", rules: rules, reverse: reverse)
            var output: [UInt8] = []
            transform.transliterate(utf8: text, into: &output)
            precondition(output.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == nil, "output invalid")
        } catch {
            precondition(error.code == .invalidRules || error.code == .unknownTransform, "rules refused as \(error.code)")
            precondition((error.line == nil) == (error.column == nil), "a line without a column")
            if let line = error.line, let column = error.column {
                precondition(
                    line >= 1 && line <= max(1, lines) && column >= 1,
                    "error position \(line):\(column) outside rules of \(lines) line(s)")
            }
        }
    }
    return 0
}
