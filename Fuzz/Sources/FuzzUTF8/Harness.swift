import ArabicText

/// UTF-8 validation and repair on arbitrary bytes, against the standard library's decoder as the
/// oracle. Checked: `firstInvalidOffset` is the offset of the standard library's first decoding
/// error (nil when it has none); `repaired` gives the bytes of `String(decoding:as:)` (one
/// U+FFFD per maximal subpart, as both promise) and counts one replacement per error; repair is
/// idempotent; the schemes' transliterator reports the same first invalid offset.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUTF8(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = input.makeIterator()
    var offset = 0, errors = 0
    var firstError: Int? = nil
    parsing: while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded):
            offset += encoded.count
        case .error(let length):
            if firstError == nil { firstError = offset }
            errors += 1
            offset += length
        case .emptyInput:
            break parsing
        }
    }
    let invalid = UTF8Validation.firstInvalidOffset(in: input)
    precondition(
        invalid == firstError, "first invalid offset \(String(describing: invalid)), the standard library says \(String(describing: firstError))")
    let (repaired, replacements) = UTF8Validation.repaired(input)
    precondition(replacements == errors, "\(replacements) replacements for \(errors) ill-formed subparts")
    precondition(repaired.elementsEqual(String(decoding: input, as: UTF8.self).utf8), "repair differs from String(decoding:)")
    let again = repaired.withUnsafeBufferPointer { UTF8Validation.repaired($0) }
    precondition(again.replacements == 0 && again.bytes == repaired, "repair not idempotent")
    for scheme in TransliterationScheme.allCases {
        var output: [UInt8] = []
        let forward = scheme.transliterate(utf8: input, into: &output)
        precondition(
            forward == invalid, "\(scheme) forward: first invalid offset \(String(describing: forward)), expected \(String(describing: invalid))")
        output.removeAll(keepingCapacity: true)
        let backward = scheme.transliterate(utf8: input, into: &output, reverse: true)
        precondition(
            backward == invalid, "\(scheme) reverse: first invalid offset \(String(describing: backward)), expected \(String(describing: invalid))")
    }
    return 0
}
