import Boilerplate
import Foundation
import Testing

/// The help of every command as a new user reads it: only the `--on-error` values it accepts,
/// each default said once, the lexicon format and the transform IDs reachable from the binary.
@Suite struct HelpTextTests {
    static let commands: [([String], String)] = [
        (["clean"], "fail|replace|skip"), (["learn"], "fail|replace|skip"),
        (["normalize"], "fail|replace"), (["tokenize"], "fail|replace"), (["translit"], "fail|replace"),
        (["names", "romanize"], "fail|replace"), (["names", "key"], "fail|replace"),
        (["names", "match"], "fail|replace"), (["names", "find"], "fail|replace"),
        (["dedup", "run"], "fail|replace"), (["dedup", "signatures"], "fail|replace"),
    ]

    @Test(arguments: commands)
    func onErrorListsWhatTheCommandAccepts(command: [String], values: String) throws {
        let help = try NazifProcess.run(command + ["--help"])
        #expect(help.status == 0)
        #expect(help.text.contains("--on-error <\(values)>"), "\(help.text)")
        let accepted = values.split(separator: "|").map(String.init)
        // The help is wrapped to the terminal's width: "(values:" may end a line.
        let flat = help.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for value in ["fail", "replace", "skip"] {
            let listed = flat.components(separatedBy: "(values: ").dropFirst()
                .contains { $0.prefix { $0 != ")" }.contains(value) && $0.hasPrefix("fail") }
            #expect(listed == accepted.contains(value), "\(value)")
        }
        // What the help lists is what the parser takes.
        if !accepted.contains("skip") {
            let result = try NazifProcess.run(command + ["--on-error", "skip"], stdin: Data("x\n".utf8))
            #expect(result.status == 64)
        }
    }

    /// No option states its default in its own words and again as "(default: …)".
    @Test(arguments: commands.map(\.0) + [["merge"]])
    func defaultsAreSaidOnce(command: [String]) throws {
        let help = try NazifProcess.run(command + ["--help"]).text
        let options = help.components(separatedBy: "\n  -").dropFirst()
        for option in options {
            let text = option.replacingOccurrences(of: "\n", with: " ")
            let generated = text.components(separatedBy: "(default: ").count - 1
            let worded = text.components(separatedBy: "(default ").count - 1
            #expect(generated + worded <= 1, "\(text)")
        }
    }

    @Test func printLexiconIsTheBuiltInLexiconWithItsFormat() throws {
        let result = try NazifProcess.run(["clean", "--print-lexicon"])
        #expect(result.status == 0)
        #expect(result.text.hasPrefix("# nazif boilerplate lexicon — format 1"))
        #expect(result.text.contains("scope  match  rule  phrase"))
        let parsed = try Lexicon(parsing: result.text)
        #expect(parsed.entries.count == Lexicon.default.entries.count && parsed.entries.count > 50)
        #expect(try NazifProcess.run(["clean", "--help"]).text.contains("--print-lexicon"))
    }

    @Test func translitListsSchemesAndICUTransforms() throws {
        let result = try NazifProcess.run(["translit", "--list"])
        #expect(result.status == 0)
        let names = result.text.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        #expect(Array(names.prefix(4)) == ["buckwalter", "safebw", "xmlbw", "hsb"])
        #expect(names.contains("icu:Arabic-Latin") && names.contains("icu:Any-Latin"))
        #expect(names.count > 100)
        // A listed ID works.
        let run = try NazifProcess.run(["translit", "--scheme", "icu:Arabic-Latin"], stdin: Data("سلام\n".utf8))
        #expect(run.status == 0 && !run.text.isEmpty)
        let missing = try NazifProcess.run(["translit"], stdin: Data())
        #expect(missing.status == 64 && missing.stderr.contains("--list"))
    }
}
