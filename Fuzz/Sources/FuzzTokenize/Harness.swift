import ArabicText

let words = try! WordTokenizer()
let sentences = try! SentenceSplitter()

/// The word tokenizer and the sentence splitter on arbitrary bytes: tokens and sentences are
/// in order, do not overlap and lie inside the text; invalid UTF-8 is reported, not read past.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenize(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    let (checked, firstInvalid) = words.tokensCheckingUTF8(input)
    precondition(
        (firstInvalid == nil) == (UTF8Validation.firstInvalidOffset(in: input) == nil),
        "tokenizer and validator disagree on validity")
    let repaired = UTF8Validation.repaired(input).bytes
    repaired.withUnsafeBufferPointer { text in
        var end = 0
        for token in words.tokens(utf8: text) {
            precondition(
                token.range.lowerBound >= end && token.range.upperBound <= text.count
                    && !token.range.isEmpty, "token out of order or outside the text")
            end = token.range.upperBound
        }
        end = 0
        for sentence in sentences.sentences(utf8: text) {
            precondition(sentence.lowerBound >= end && sentence.upperBound <= text.count, "sentence outside the text")
            end = sentence.upperBound
        }
    }
    if firstInvalid == nil {
        for token in checked { precondition(token.range.upperBound <= count) }
    }
    return 0
}
