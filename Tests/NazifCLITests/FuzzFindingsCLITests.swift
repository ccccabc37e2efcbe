import Foundation
import Testing

/// Inputs the fuzzers found (Fuzz/Findings/), end to end on the binary.
@Suite struct FuzzFindingsCLITests {
    /// fuzz-004: a segment reference to more segments than the rules have is refused at its
    /// place before ICU reads it (ICU took 4 GB and 30 s to refuse `$888888888`, the rules part
    /// of Fuzz/Findings/fuzz-004-icu-rules-huge-segment-reference.rules).
    @Test(arguments: [
        ("$888888888\u{1}", "line 1, column 1: U_UNDEFINED_SEGMENT_REFERENCE"),
        ("ب > b;\nا > $88888888;\n", "line 2, column 5: U_UNDEFINED_SEGMENT_REFERENCE"),
    ])
    func hugeSegmentReferenceIsRefused(_ rules: String, _ message: String) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fuzz-004.rules")
        try Data(rules.utf8).write(to: file)
        let result = try NazifProcess.run(["translit", "--scheme", "icu:Fuzz-004", "--rules", file.path], stdin: Data("باب\n".utf8))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("fuzz-004.rules: invalid transform rules at \(message)"), "\(result.stderr)")
    }
}
