import Testing

@testable import ArabicText

/// Unicode's own conformance data: the Arabic lines of NormalizationTest.txt (Unicode 15.0, the
/// version ICU 72 implements) and the presentation-form table.
@Suite struct UnicodeFormTests {
    struct ConformanceLine: CustomStringConvertible, Sendable {
        let columns: [String]  // source, NFC, NFD, NFKC, NFKD
        let comment: String
        var description: String { comment }
    }

    static let conformance: [ConformanceLine] = Fixtures.read("NormalizationTest_arabic_lines.txt")
        .split(separator: "\n")
        .filter { !$0.hasPrefix("#") && !$0.hasPrefix("@") && !$0.isEmpty }
        .map { line in
            let parts = line.split(separator: "#", maxSplits: 1)
            let fields = parts[0].split(separator: ";", omittingEmptySubsequences: false).prefix(5)
            let columns = fields.map { field in
                String(
                    String.UnicodeScalarView(
                        field.split(separator: " ").map {
                            Unicode.Scalar(UInt32($0, radix: 16)!)!
                        }))
            }
            return ConformanceLine(columns: columns, comment: parts.count > 1 ? String(parts[1]) : "")
        }

    @Test func conformanceFileIsComplete() {
        #expect(Self.conformance.count == 1114)
    }

    /// NormalizationTest's invariants: c2 == NFC(c1..c3), c4 == NFC(c4..c5), c3 == NFD(c1..c3),
    /// c5 == NFD(c4..c5), c4 == NFKC(c1..c5), c5 == NFKD(c1..c5).
    @Test(arguments: conformance)
    func icuFormsMatchUnicode(_ line: ConformanceLine) {
        let c = line.columns
        func same(_ a: String, _ b: String) -> Bool { Array(a.unicodeScalars) == Array(b.unicodeScalars) }
        for source in c[0...2] {
            #expect(same(UnicodeForm.nfc.normalize(source), c[1]))
            #expect(same(UnicodeForm.nfd.normalize(source), c[2]))
        }
        for source in c[3...4] {
            #expect(same(UnicodeForm.nfc.normalize(source), c[3]))
            #expect(same(UnicodeForm.nfd.normalize(source), c[4]))
        }
        for source in c {
            #expect(same(UnicodeForm.nfkc.normalize(source), c[3]))
            #expect(same(UnicodeForm.nfkd.normalize(source), c[4]))
        }
        #expect(UnicodeForm.nfc.isNormalized(c[1]))
        #expect(UnicodeForm.nfkd.isNormalized(c[4]))
    }

    struct PresentationForm: CustomStringConvertible, Sendable {
        let scalar: Unicode.Scalar
        let decomposition: [Unicode.Scalar]
        var description: String { "U+" + String(scalar.value, radix: 16, uppercase: true) }
    }

    static let presentationForms: [PresentationForm] = Fixtures.rows("presentation_forms_compat.tsv")
        .dropFirst()  // header
        .map { row in
            PresentationForm(
                scalar: Unicode.Scalar(UInt32(row[0].dropFirst(2), radix: 16)!)!,
                decomposition: row[4].split(separator: " ").map { Unicode.Scalar(UInt32($0, radix: 16)!)! })
        }

    /// Every presentation form folds under NFKC to what its compatibility decomposition
    /// composes to, and the search profile makes it disappear into plain letters.
    @Test(arguments: presentationForms)
    func presentationFormsFoldAsNFKCSays(_ form: PresentationForm) {
        let decomposed = String(String.UnicodeScalarView(form.decomposition))
        let expected = UnicodeForm.nfc.normalize(decomposed)
        let folded = UnicodeForm.nfkc.normalize(String(Character(form.scalar)))
        #expect(Array(folded.unicodeScalars) == Array(UnicodeForm.nfkc.normalize(expected).unicodeScalars))
        let search = ArabicNormalizer(profile: .search).normalize(String(Character(form.scalar)))
        #expect(
            !search.unicodeScalars.contains { (0xFB50...0xFEFF).contains($0.value) },
            "\(form) survived the search profile as \(search)")
    }

    @Test func presentationTableIsComplete() {
        #expect(Self.presentationForms.count == 876)
    }
}
