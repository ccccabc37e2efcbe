import Boilerplate

/// The lexicon reader (`clean --lexicon FILE`) on arbitrary text, and the cleaner with what it
/// accepts. Checked: a refusal names a line of the text; every accepted entry has a rule of
/// ASCII letters, digits and '-', a non-empty key and at least one word; the entries written
/// back in the format read back to the same entries; the cleaner with the lexicon added keeps
/// whole input lines, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    let text = String(decoding: input, as: UTF8.self)
    let lexicon: Lexicon
    do {
        lexicon = try Lexicon(parsing: text)
    } catch {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        guard let line = error.line else { fatalError("a lexicon error without its line: \(error)") }
        precondition(line >= 1 && line <= lines, "error on line \(line) of \(lines)")
        return 0
    }
    for entry in lexicon.entries {
        precondition(!entry.rule.isEmpty && entry.rule.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "rule name")
        precondition(!entry.key.isEmpty && entry.wordCount >= 1, "empty key")
    }
    let written = lexicon.entries.map { "\($0.scope.rawValue)\t\($0.match.rawValue)\t\($0.rule)\t\($0.phrase)\n" }.joined()
    guard let back = try? Lexicon(parsing: written) else { fatalError("accepted entries written back are refused") }
    precondition(back.entries == lexicon.entries, "entries written back read back otherwise")
    var options = CleanerOptions()
    options.lexicon.add(lexicon)
    let verdict = Cleaner(options: options).decide(utf8: input)
    guard verdict.firstInvalidOffset == nil else { return 0 }
    var end = 0
    for span in verdict.keptSpans {
        precondition(span.lowerBound >= end && span.upperBound <= count, "kept span out of order")
        precondition(span.lowerBound == 0 || input[span.lowerBound - 1] == 0x0A, "kept span starts inside a line")
        end = span.upperBound
    }
    return 0
}
