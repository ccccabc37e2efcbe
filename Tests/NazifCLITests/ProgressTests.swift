import Foundation
import Testing

@testable import nazif

/// The progress line's wording, and `--progress` / `--no-progress` end to end.
@Suite struct ProgressFormatTests {
    @Test(arguments: [
        // bytes, total, documents, elapsed → line
        (
            45_200_000, 120_000_000 as Int?, 3_000, 3.0,
            "nazif clean: cleaning 45.2 of 120.0 MB (37.6 %), 1000 docs/s, 15.1 MB/s, 0:05 left"
        ),
        (0, 120_000_000 as Int?, 0, 2.4, "nazif clean: cleaning 0.0 of 120.0 MB (0.0 %), 0:02 so far"),
        (5_000_000, nil, 10, 2.0, "nazif clean: cleaning 5.0 MB, 5 docs/s, 2.5 MB/s"),
        (120_000_000, 120_000_000 as Int?, 10, 10.0, "nazif clean: cleaning 120.0 of 120.0 MB (100.0 %), 1 docs/s, 12.0 MB/s"),
        (
            1_000_000, 4_000_000_000 as Int?, 100, 1.0,
            "nazif clean: cleaning 1.0 of 4000.0 MB (0.0 %), 100 docs/s, 1.0 MB/s, 1:06:39 left"
        ),
        (49_999, 0 as Int?, 1, 1.0, "nazif clean: cleaning 0.0 MB, 1 docs/s, 0.0 MB/s"),
    ])
    func lineIsWorded(bytes: Int, total: Int?, documents: Int, elapsed: Double, expected: String) {
        #expect(
            ProgressMeter.line(
                command: "clean", pass: "cleaning", bytes: bytes, total: total,
                documents: documents, elapsed: elapsed) == expected)
    }

    @Test(arguments: [(0.0, "0:00"), (4.6, "0:05"), (59.4, "0:59"), (60, "1:00"), (754, "12:34"), (3723, "1:02:03"), (36_000, "10:00:00")])
    func clockIsWorded(seconds: Double, expected: String) {
        #expect(ProgressMeter.clock(seconds) == expected)
    }

    @Test(arguments: [(0, 1, "0.0 %"), (1, 3, "33.3 %"), (999, 1000, "99.9 %"), (5, 5, "100.0 %"), (7, 5, "100.0 %"), (3, 0, "100.0 %")])
    func percentIsWorded(part: Int, whole: Int, expected: String) {
        #expect(ProgressMeter.percent(part, of: whole) == expected)
    }
}

@Suite struct ProgressCLITests {
    /// About 25 MB of JSON Lines (the seeds, 4000 times): a few seconds of work in a debug build.
    static let corpusPath = FileManager.default.temporaryDirectory.appendingPathComponent("nazif-progress-corpus-\(getpid()).jsonl")
    static let corpus: URL = {
        let url = corpusPath
        var lines = ""
        let texts = NazifProcess.seedFiles.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        for index in 0..<4000 {
            let text = String(data: try! JSONSerialization.data(withJSONObject: [texts[index % texts.count]]), encoding: .utf8)!
            lines += "{\"id\":\(index),\"text\":\(text.dropFirst().dropLast())}\n"
        }
        try! lines.write(to: url, atomically: true, encoding: .utf8)
        atexit { try? FileManager.default.removeItem(at: ProgressCLITests.corpusPath) }
        return url
    }()

    @Test(arguments: [
        ([] as [String], false),  // standard error is a pipe here: silent
        (["--no-progress"], false),
        (["--progress"], true),
        (["--progress", "--no-progress"], false),
    ])
    func progressIsShownWhenAsked(flags: [String], shown: Bool) throws {
        let result = try NazifProcess.run(["clean", "--jsonl", "--threads", "1", "-o", "/dev/null"] + flags + [Self.corpus.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }
        let progress = lines.filter { $0.hasPrefix("nazif clean: counting templates ") || $0.hasPrefix("nazif clean: cleaning ") }
        #expect(progress.isEmpty != shown, "\(result.stderr.prefix(300))")
        if shown {
            #expect(progress.contains { $0.hasPrefix("nazif clean: counting templates ") })
            let size = try FileManager.default.attributesOfItem(atPath: Self.corpus.path)[.size] as! Int
            #expect(progress.allSatisfy { $0.contains(" of \(ProgressMeter.megabytes(size)) MB (") })
            #expect(progress.contains { $0.contains(" docs/s, ") && $0.contains(" MB/s") })
            // The line is erased at the end: what follows the last erase is not a progress line.
            let afterLastErase = result.stderr.components(separatedBy: "\r\u{1B}[K").last!
            #expect(!afterLastErase.hasPrefix("nazif clean: counting") && !afterLastErase.hasPrefix("nazif clean: cleaning"))
        }
    }

    @Test func lineFiltersShowLines() throws {
        let result = try NazifProcess.run(["normalize", "--progress", "--threads", "1", "-o", "/dev/null", Self.corpus.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("nazif normalize: reading ") && result.stderr.contains(" lines/s, "), "\(result.stderr.prefix(300))")
    }
}
