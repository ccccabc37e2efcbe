import ArabicText

let normalizers = NormalizationProfile.allCases.map { ArabicNormalizer(profile: $0) }

/// Every profile on arbitrary bytes, with and without the offset map. Checked: the output is
/// valid UTF-8; each profile is idempotent on valid text; the first invalid offset agrees with
/// UTF8Validation; the offset map's ranges lie inside the original and grow with the output;
/// repair leaves valid bytes alone and gives valid UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    let invalid = UTF8Validation.firstInvalidOffset(in: input)
    let (repaired, replacements) = UTF8Validation.repaired(input)
    precondition((replacements == 0) == (invalid == nil), "repair count disagrees with validation")
    precondition(invalid != nil || repaired.elementsEqual(input), "repair changed valid bytes")
    precondition(repaired.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == nil, "repair output invalid")
    for normalizer in normalizers {
        var once: [UInt8] = []
        let firstInvalid = normalizer.normalize(utf8: input, into: &once)
        precondition((firstInvalid == nil) == (invalid == nil), "normalizer and validator disagree on validity")
        precondition(once.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == nil, "output invalid")
        // Idempotence is promised for valid text. (On invalid bytes the key profile writes the
        // U+FFFD it removes when given one: found by this harness, see docs/README-reliability.md.)
        var valid: [UInt8] = [], twice: [UInt8] = []
        repaired.withUnsafeBufferPointer { _ = normalizer.normalize(utf8: $0, into: &valid) }
        valid.withUnsafeBufferPointer { _ = normalizer.normalize(utf8: $0, into: &twice) }
        precondition(valid == twice, "profile \(normalizer.options) not idempotent")
        let text = String(decoding: repaired, as: UTF8.self)
        let mapped = normalizer.normalizeWithOffsets(text)
        var direct: [UInt8] = []
        repaired.withUnsafeBufferPointer { _ = normalizer.normalize(utf8: $0, into: &direct) }
        precondition(Array(mapped.text.utf8) == direct, "offset-map path gives other bytes")
        let length = mapped.text.utf8.count
        precondition(mapped.offsets.outputLength == length && mapped.offsets.sourceLength == repaired.count)
        var previous = 0..<0
        for end in stride(from: 0, through: length, by: max(1, length / 16)) {
            let range = mapped.offsets.sourceRange(for: 0..<end)
            precondition(range.lowerBound >= 0 && range.upperBound <= repaired.count, "offset outside the original")
            precondition(range.upperBound >= previous.upperBound, "offsets not monotone")
            previous = range
        }
    }
    return 0
}
