import ArabicText

let normalizers = NormalizationProfile.allCases.map { ArabicNormalizer(profile: $0) }

/// The offset map of every profile on arbitrary (repaired) text, range by range. Checked, for
/// every character of the output, every prefix and every suffix: the source range lies inside
/// the original and starts and ends on its character boundaries (slicing the original with it
/// gives valid UTF-8); an empty range maps to an empty one; a range inside another maps inside
/// the other's; prefixes' ends and suffixes' starts grow with the range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOffsets(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = UTF8Validation.repaired(UnsafeBufferPointer(start: data, count: count)).bytes
    let text = String(decoding: source, as: UTF8.self)
    func onBoundary(_ offset: Int) -> Bool { offset == source.count || source[offset] & 0xC0 != 0x80 }
    for normalizer in normalizers {
        let result = normalizer.normalizeWithOffsets(text)
        let output = Array(result.text.utf8)
        let map = result.offsets
        precondition(map.sourceLength == source.count && map.outputLength == output.count, "map lengths")
        var boundaries = [0]
        for index in output.indices.dropFirst() where output[index] & 0xC0 != 0x80 { boundaries.append(index) }
        if !output.isEmpty { boundaries.append(output.count) } else { boundaries = [0] }
        func mapped(_ range: Range<Int>) -> Range<Int> {
            let found = map.sourceRange(for: range)
            precondition(found.lowerBound >= 0 && found.upperBound <= source.count, "\(range) maps outside the original: \(found)")
            precondition(
                onBoundary(found.lowerBound) && onBoundary(found.upperBound),
                "\(normalizer.options): \(range) maps to \(found), not on the original's character boundaries")
            if range.isEmpty { precondition(found.isEmpty, "empty range \(range) maps to \(found)") }
            return found
        }
        let whole = mapped(0..<output.count)
        var previousEnd = 0, previousStart = 0
        for (position, boundary) in boundaries.enumerated() {
            let prefix = mapped(0..<boundary)
            precondition(prefix.upperBound >= previousEnd, "prefix ends shrink at \(boundary)")
            previousEnd = prefix.upperBound
            let suffix = mapped(boundary..<output.count)
            precondition(suffix.lowerBound >= previousStart || boundary == output.count, "suffix starts shrink at \(boundary)")
            if boundary < output.count { previousStart = suffix.lowerBound }
            _ = mapped(boundary..<boundary)
            if position + 1 < boundaries.count {
                let character = mapped(boundary..<boundaries[position + 1])
                let around = mapped(0..<boundaries[position + 1])
                precondition(
                    character.lowerBound >= around.lowerBound && character.upperBound <= around.upperBound,
                    "a character's range is not inside its prefix's")
                precondition(
                    character.lowerBound >= whole.lowerBound && character.upperBound <= whole.upperBound,
                    "a character's range is not inside the whole's")
            }
        }
    }
    return 0
}
