import Boilerplate
import Foundation
import Testing

@testable import nazif

/// Undoes ``HTMLText``'s escapes (the five entities and the control pictures), for round trips.
private func unescape(_ html: String) -> String {
    var text = html
    for code in 0..<0x20 where code != 0x09 {
        text = text.replacingOccurrences(of: String(format: "&#x24%02X;", code), with: String(UnicodeScalar(UInt8(code))))
    }
    return text.replacingOccurrences(of: "&#x2421;", with: "\u{7F}")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

private func escaped(_ text: String) -> String {
    var html = HTMLText()
    html.text(Array(text.utf8)[...])
    return String(decoding: html.bytes, as: UTF8.self)
}

/// The lines of the seed articles, as they are (real text: quotes, guillemets, tatweel, Latin).
private let seedLines: [String] = NazifProcess.seedFiles.flatMap { url in
    String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

/// HTML escaping of document text for `clean --report`.
@Suite struct HTMLEscapeTests {
    @Test(arguments: [
        ("", ""),
        ("قال \"نعم\"", "قال &quot;نعم&quot;"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("AT&T & co", "AT&amp;T &amp; co"),
        ("&amp; stays visible", "&amp;amp; stays visible"),
        ("a\tb", "a\tb"),
        ("\u{0C}\u{00}\u{1B}\u{7F}", "&#x240C;&#x2400;&#x241B;&#x2421;"),
        ("\u{200F}\u{200C}\u{00A0}ـــ", "\u{200F}\u{200C}\u{00A0}ـــ"),
        ("«المصدر» <الوطن>", "«المصدر» &lt;الوطن&gt;"),
    ])
    func textIsEscaped(text: String, expected: String) {
        #expect(escaped(text) == expected)
    }

    /// Every line of the seeds, and each with markup glued to both ends: nothing that could be
    /// read as markup survives, and unescaping gives the line back byte for byte.
    @Test(arguments: [("", ""), ("<b title=\"", "\">&"), ("'", "</td></tr><tr>")])
    func seedLinesRoundTrip(prefix: String, suffix: String) {
        #expect(seedLines.count > 100)
        for line in seedLines {
            let text = prefix + line + suffix
            let html = escaped(text)
            #expect(!html.contains("<") && !html.contains(">") && !html.contains("\"") && !html.contains("'"))
            #expect(unescape(html) == text)
            if !text.contains(where: { "<>\"'&".contains($0) }) { #expect(html == text) }
        }
    }
}

/// The seeded sample of `--report`: the documents with most removals, then random ones.
@Suite struct ReportSampleTests {
    private static func document(removals: Int) -> ReportDocument {
        let text = Array(String(repeating: "سطر\n", count: max(1, removals)).utf8)
        let verdict = text.withUnsafeBufferPointer { Cleaner().decide(utf8: $0) }
        var document = text.withUnsafeBufferPointer { ReportDocument(place: "x", group: "", text: $0, verdict: verdict) }
        document.removals = (0..<removals).map { .init(line: $0 + 1, rule: "r", detail: "d", scopeStart: nil) }
        return document
    }

    @Test(arguments: [(1, 10), (4, 100), (10, 5), (40, 1000), (7, 7)])
    func mostRemovalsFirstThenRandom(sample: Int, documents: Int) {
        let removals = (0..<documents).map { ($0 * 7919) % 37 }
        func choose(seed: UInt64) -> [Int] {
            var collector = ReportCollector(sampleSize: sample, seed: seed)
            for count in removals { collector.add(Self.document(removals: count)) }
            return collector.chosen.map(\.document.sequence)
        }
        let chosen = choose(seed: 1)
        #expect(chosen == choose(seed: 1))
        #expect(Set(chosen).count == chosen.count)
        #expect(chosen.count == min(sample, documents) || removals.filter { $0 > 0 }.count < (sample + 1) / 2)
        let top = (sample + 1) / 2
        let expectedTop = removals.enumerated().filter { $0.element > 0 }
            .sorted { ($0.element, -$0.offset) > ($1.element, -$1.offset) }.prefix(top).map(\.offset)
        #expect(Array(chosen.prefix(expectedTop.count)) == expectedTop)
        if documents >= 100 { #expect(choose(seed: 2) != chosen) }
    }
}

/// `nazif clean --report` end to end, on the seeds.
@Suite struct ReportCLITests {
    private static func removedLines() throws -> [(file: String, line: Int, rule: String, text: String)] {
        var rows: [(String, Int, String, String)] = []
        for url in NazifProcess.seedFiles {
            let result = try NazifProcess.run(["clean", "--explain-file", "/dev/stdout", "-o", "/dev/null", url.path])
            let object = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
            let bytes = try Data(contentsOf: url)
            for removal in object["removed"] as! [[String: Any]] {
                let range = (removal["start"] as! Int)..<(removal["end"] as! Int)
                rows.append(
                    (
                        url.path, removal["line"] as! Int, removal["rule"] as! String,
                        String(decoding: bytes[range], as: UTF8.self)
                    ))
            }
        }
        return rows
    }

    @Test func pageShowsEveryRemovalOfTheSeeds() throws {
        let directory = try NazifProcess.temporaryDirectory()
        let page = directory.appendingPathComponent("report.html").path
        let seeds = NazifProcess.seedFiles.map(\.path)
        let result = try NazifProcess.run(["clean", "--report", page, "-o", "/dev/null"] + seeds)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("font-family:\"Noto Naskh Arabic\""))
        // Self-contained: nothing fetched, nothing run.
        for outside in ["<script", "<link", "<img", "url(", "src=", "@import", "http://", "https://"] {
            #expect(!html.contains(outside), "\(outside)")
        }
        let removed = try Self.removedLines()
        #expect(removed.count > 20)
        #expect(html.components(separatedBy: "<tr class=\"rm ").count - 1 == removed.count)
        for row in removed {
            #expect(html.contains("</td><td class=\"t\"><del>\(escaped(row.text))</del>"), "\(row.file):\(row.line)")
            #expect(html.contains("title=\"\(escaped(row.rule)) — "))
        }
        // Each rule has a colour, and the bar chart a bar.
        for rule in Set(removed.map(\.rule)) { #expect(html.contains("<code>\(rule)</code><span class=\"track\">")) }
        // "اقرأ أيضا" removes what follows it: its line starts a scope.
        #expect(html.contains(" sc\" title=\"marker.read-also"))
        #expect(html.contains("scope start"))
        // The summary counts agree with --stats.
        let stats = try NazifProcess.run(["clean", "--stats", "-o", "/dev/null"] + seeds).stderr
        let first = stats.split(separator: "\n")[0]  // documents: 5 (5 changed), lines: 249, bytes: … in, … out
        let numbers = first.split(whereSeparator: { !$0.isNumber }).map { Int($0)! }
        for number in [numbers[0], numbers[2], numbers[3], numbers[4]] {
            #expect(html.contains("<td class=\"n\">\(number)"), "\(number)")
        }
    }

    @Test(arguments: [1, 2, 3])
    func sampleLimitsTheDocuments(sample: Int) throws {
        let directory = try NazifProcess.temporaryDirectory()
        let page = directory.appendingPathComponent("r.html").path
        let seeds = NazifProcess.seedFiles.map(\.path)
        let result = try NazifProcess.run(["clean", "--report", page, "--report-sample", "\(sample)", "-o", "/dev/null"] + seeds)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.components(separatedBy: "<section class=\"doc\"").count - 1 == sample)
        // The document with most removals comes first.
        let counts = try seeds.map { path -> Int in
            let out = try NazifProcess.run(["clean", "--explain-file", "/dev/stdout", "-o", "/dev/null", path]).stdout
            return ((try JSONSerialization.jsonObject(with: out) as! [String: Any])["removed"] as! [Any]).count
        }
        let most = seeds[counts.firstIndex(of: counts.max()!)!]
        let firstSection = html.range(of: "<section class=\"doc\" id=\"d1\">\n<h3><span class=\"ltr\">")!
        #expect(html[firstSection.upperBound...].hasPrefix(most))
    }

    /// Many documents: the page stays small, and a run fails whole (no page) on bad input.
    @Test func largeRunStaysSmallAndFailureWritesNothing() throws {
        let directory = try NazifProcess.temporaryDirectory()
        let corpus = directory.appendingPathComponent("many.jsonl")
        var lines = ""
        for (index, url) in NazifProcess.seedFiles.enumerated() {
            let text = try String(contentsOf: url, encoding: .utf8)
            let escapedText = String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst().dropLast()
            for copy in 0..<400 {
                lines += "{\"id\":\(copy),\"url\":\"https://site\(index % 2).example/\(copy)\",\"text\":\(escapedText)}\n"
            }
        }
        try lines.write(to: corpus, atomically: true, encoding: .utf8)
        let page = directory.appendingPathComponent("many.html").path
        let result = try NazifProcess.run(["clean", "--jsonl", "--report", page, "--report-sample", "200", "-o", "/dev/null", corpus.path])
        #expect(result.status == 0, "\(result.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: page)[.size] as! Int
        #expect(size > 100_000 && size < 5 << 20, "\(size)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("Site-template lines"))
        #expect(html.contains("site0.example") && html.contains("site1.example"))

        let bad = directory.appendingPathComponent("bad.jsonl")
        try (lines.prefix(20_000) + "{\"text\":\"\u{FFFF}\"}\n").data(using: .utf8)!.write(to: bad)
        var bytes = try Data(contentsOf: bad)
        bytes[bytes.count - 5] = 0xFF
        try bytes.write(to: bad)
        let badPage = directory.appendingPathComponent("bad.html").path
        let failed = try NazifProcess.run(["clean", "--jsonl", "--report", badPage, "-o", "/dev/null", bad.path])
        #expect(failed.status == 65, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: badPage))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.contains(".tmp") })
    }

    @Test(arguments: [
        (["--report-sample", "3"], "--report-sample and --report-seed need --report FILE"),
        (["--report", "/tmp/x.html", "--report-sample", "0"], "--report-sample must be between 1 and 10000"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let result = try NazifProcess.run(["clean"] + arguments + [NazifProcess.seedFiles[0].path])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
    }

    @Test func unwritablePlaceIsAnIOError() throws {
        let result = try NazifProcess.run(["clean", "--report", "/nonexistent-dir/r.html", NazifProcess.seedFiles[0].path])
        #expect(result.status == 74, "\(result.stderr)")
    }
}
