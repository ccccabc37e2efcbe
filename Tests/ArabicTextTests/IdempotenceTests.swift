import NazifTestSupport
import Testing

@testable import ArabicText

/// Properties of the profiles on real text: idempotent (normalizing twice changes nothing more),
/// line structure kept, and the fast single pass equal to a slow reference that normalizes each
/// whole line with ICU first and folds afterwards.
@Suite struct IdempotenceTests {
    /// Real lines: diacritized classical text, the seeds, Unicode's test strings, and (when the
    /// evaluation data is present) news lines picked for their special characters.
    static let corpus: [String] = {
        var lines: [String] = []
        lines += Fixtures.read("tashkeela_sample.txt").split(separator: "\n").map(String.init)
        for name in TestFiles.seedNames {
            if let text = Fixtures.read(path: Fixtures.repository + "seeds/\(name).txt") {
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        lines += UnicodeFormTests.conformance.flatMap(\.columns)
        lines += UnicodeFormTests.presentationForms.map { String(Character($0.scalar)) }
        if let special = Fixtures.read(path: Fixtures.sharedEval + "normalization/saudinewsnet_special_char_lines.tsv") {
            lines += special.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").last.map(String.init) }
        }
        lines += RandomArabic.lines(count: 3000, seed: 0x5EED)
        return lines
    }()

    @Test(arguments: NormalizationProfile.allCases)
    func profilesAreIdempotent(_ profile: NormalizationProfile) {
        let normalizer = ArabicNormalizer(profile: profile)
        var failures = 0
        for line in Self.corpus {
            let once = normalizer.normalize(line)
            let twice = normalizer.normalize(once)
            if Array(once.utf8) != Array(twice.utf8) {
                failures += 1
                if failures <= 5 {
                    Issue.record("\(profile) not idempotent on \(line.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
        #expect(failures == 0)
    }

    @Test(arguments: NormalizationProfile.allCases)
    func fastPathEqualsReference(_ profile: NormalizationProfile) {
        let normalizer = ArabicNormalizer(profile: profile)
        var failures = 0
        for line in Self.corpus {
            let fast = normalizer.normalize(line)
            let slow = ReferenceNormalizer(table: normalizer.table).normalize(line)
            if Array(fast.utf8) != Array(slow.utf8) {
                failures += 1
                if failures <= 5 {
                    Issue.record(
                        "\(profile): \(line.unicodeScalars.map { String($0.value, radix: 16) })\n fast \(fast.unicodeScalars.map { String($0.value, radix: 16) })\n slow \(slow.unicodeScalars.map { String($0.value, radix: 16) })"
                    )
                }
            }
        }
        #expect(failures == 0)
    }

    @Test(arguments: NormalizationProfile.allCases)
    func lineStructureIsKept(_ profile: NormalizationProfile) {
        let text = Self.corpus.prefix(800).joined(separator: "\n")
        let result = ArabicNormalizer(profile: profile).normalize(text)
        #expect(result.utf8.filter { $0 == 0x0A }.count == text.utf8.filter { $0 == 0x0A }.count)
    }
}

/// The slow, obvious normalizer the single pass must agree with: per line, drop the characters
/// removed before normalization, run ICU on the whole line, fold every character, repeat until
/// stable, then collapse white space.
struct ReferenceNormalizer {
    let table: FoldTable

    func normalize(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { normalizeLine(String($0)) }
            .joined(separator: "\n")
    }

    private func normalizeLine(_ line: String) -> String {
        var crlf = false
        var scalars = Array(line.unicodeScalars)
        if table.options.collapseWhitespace, scalars.last == "\r" {
            crlf = true
            scalars.removeLast()
        }
        var current = String(
            String.UnicodeScalarView(
                scalars.filter {
                    table.entry($0.value).action != .dropBeforeNormalization
                }))
        for _ in 0..<4 {
            let normalized = table.options.unicodeForm.map { $0.normalize(current) } ?? current
            var folded = String.UnicodeScalarView()
            for scalar in normalized.unicodeScalars {
                let entry = table.entry(scalar.value)
                switch entry.action {
                case .replace:
                    var packed = entry.replacement
                    let bytes = (0..<entry.replacementLength).map { _ -> UInt8 in
                        defer { packed >>= 8 }
                        return UInt8(truncatingIfNeeded: packed)
                    }
                    folded.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                case .drop, .dropBeforeNormalization:
                    break
                default:
                    folded.append(scalar)
                }
            }
            let result = String(folded)
            if Array(result.unicodeScalars) == Array(normalized.unicodeScalars) || table.options.unicodeForm == nil {
                current = result
                break
            }
            current = result
        }
        guard table.options.collapseWhitespace else { return current }
        var output = String.UnicodeScalarView()
        var pending = false
        for scalar in current.unicodeScalars {
            let action = table.entry(scalar.value).action
            if action == .space || action == .carriageReturn {
                pending = !output.isEmpty
            } else {
                if pending { output.append(" ") }
                pending = false
                output.append(scalar)
            }
        }
        return String(output) + (crlf ? "\r" : "")
    }
}

/// Random lines of Arabic letters, marks, tatweel, Persian letters, presentation forms, digits,
/// controls and spaces — the mixtures that exercise the slow path.
enum RandomArabic {
    static let pieces: [[UInt32]] = [
        Array(0x0621...0x064A), Array(0x064B...0x065F), [0x0670, 0x0640, 0x0653, 0x0654, 0x0655],
        [0x06CC, 0x06A9, 0x06AF, 0x067E, 0x0686, 0x0698, 0x06C0, 0x06D5, 0x0671],
        Array(0xFE80...0xFEFC), [0xFDF2, 0xFDFA, 0xFEFB], Array(0x0660...0x0669), Array(0x30...0x39),
        [0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00A0, 0x2003, 0x20, 0x20, 0x20, 0x09],
        Array(0x41...0x5A), [0x2E, 0x2C, 0x060C, 0x061F, 0x21, 0xAB, 0xBB], Array(0x06D6...0x06ED),
        [0x0301, 0x0308, 0x00E9, 0x0130, 0x1F600],
    ]

    static func lines(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<count).map { _ in
            let length = Int(next() % 24)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let piece = pieces[Int(next() % UInt64(pieces.count))]
                if let scalar = Unicode.Scalar(piece[Int(next() % UInt64(piece.count))]) {
                    scalars.append(scalar)
                }
            }
            return String(scalars)
        }
    }
}
