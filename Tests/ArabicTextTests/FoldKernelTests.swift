import NazifTestSupport
import Testing

@testable import ArabicText

/// The normalizer's block kernel (32 bytes of letters and single spaces at once, AVX2) gives
/// byte for byte what the character-by-character loop gives, for every profile, on real
/// documents and on text made to stop it at every offset of a block.
@Suite struct FoldKernelTests {
    /// Long stretches of letters (the kernel's case) broken by one character of everything else
    /// RandomArabic knows (marks, hamza above, presentation forms, double spaces, digits, line
    /// breaks, Persian letters, format controls), at random offsets.
    static func stretches(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let letters =
            Array(0x0621...0x063A) + Array(0x0641...0x064A) + Array(0x61...0x7A) + Array(0x41...0x5A)
            + Array(0x30...0x39)
        return (0..<count).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(next() % 400) {
                let roll = next() % 100
                let value: UInt32
                if roll < 15 {
                    value = 0x20
                } else if roll < 94 {
                    value = UInt32(letters[Int(next() % UInt64(letters.count))])
                } else if roll < 96 {
                    value = 0x0A
                } else {
                    let piece = RandomArabic.pieces[Int(next() % UInt64(RandomArabic.pieces.count))]
                    value = piece[Int(next() % UInt64(piece.count))]
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            return String(scalars)
        }
    }

    static let documents: [String] = {
        var documents = stretches(count: 1500, seed: 0xB10C)
        // The real lines, one by one and twenty at a time (long documents with line breaks).
        let lines = IdempotenceTests.corpus
        documents += lines
        documents += stride(from: 0, to: lines.count, by: 20).map { lines[$0..<min($0 + 20, lines.count)].joined(separator: "\n") }
        return documents
    }()

    @Test func blockKernelMatchesTheCharacterLoop() {
        let kernelRuns = FoldTable.shared(for: NormalizationProfile.key.options).blockMap != nil
        var compared = 0, failures = 0
        for profile in NormalizationProfile.allCases {
            let normalizer = ArabicNormalizer(profile: profile)
            let withoutBlockKernel = ArabicNormalizer(options: profile.options, blockKernel: false)
            for document in Self.documents {
                var text = document
                let (withKernel, withoutKernel) = text.withUTF8 { bytes -> ([UInt8], [UInt8]) in
                    var fast: [UInt8] = [], slow: [UInt8] = []
                    _ = normalizer.normalize(utf8: bytes, into: &fast)
                    _ = withoutBlockKernel.normalize(utf8: bytes, into: &slow)
                    return (fast, slow)
                }
                compared += 1
                if withKernel != withoutKernel {
                    failures += 1
                    if failures <= 5 {
                        Issue.record(
                            "\(profile): \(String(decoding: withKernel, as: UTF8.self)) ≠ \(String(decoding: withoutKernel, as: UTF8.self)) for \(document.unicodeScalars.map { String($0.value, radix: 16) })"
                        )
                    }
                }
            }
        }
        #expect(failures == 0)
        #expect(compared > 3000)
        // On a processor without AVX2 both runs take the character loop.
        if !kernelRuns { print("FoldKernelTests: no AVX2 here, the kernel was not exercised") }
    }
}
