import Foundation
import Testing

/// Inputs the fuzzers found (Fuzz/Findings/), end to end on the binary.
@Suite struct FuzzFindingsCLITests {
    /// fuzz-004 and fuzz-005: a segment reference to more segments than the rules have, and a
    /// segment left open, are refused at their place before ICU reads them (ICU took 4 GB and
    /// 33 s to refuse `$888888888`, the rules part of Fuzz/Findings/fuzz-004-…, and more than
    /// 120 s and 8 GB for the article text of Fuzz/Findings/fuzz-005-…).
    @Test(arguments: [
        ("$888888888\u{1}", "line 1, column 1: U_UNDEFINED_SEGMENT_REFERENCE"),
        ("ب > b;\nا > $88888888;\n", "line 2, column 5: U_UNDEFINED_SEGMENT_REFERENCE"),
        // fuzz-005: segments left open (ICU's work doubled with each: 32 took > 120 s and 8 GB).
        ("قال " + String(repeating: "(", count: 32) + " نعم\nc/d:e\n", "line 1, column 5: U_MISMATCHED_SEGMENT_DELIMITERS"),
    ])
    func costlyRulesAreRefused(_ rules: String, _ message: String) throws {
        let directory = try NazifProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fuzz-004.rules")
        try Data(rules.utf8).write(to: file)
        let result = try NazifProcess.run(["translit", "--scheme", "icu:Fuzz-004", "--rules", file.path], stdin: Data("باب\n".utf8))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("fuzz-004.rules: invalid transform rules at \(message)"), "\(result.stderr)")
    }
}
