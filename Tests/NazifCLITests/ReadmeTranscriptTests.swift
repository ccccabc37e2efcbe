import Foundation
import Testing

/// The shell transcripts in the README and the docs (a line `$ command` in a ```sh block, then
/// the lines it prints) run against the built binary and must print what they show, so the
/// documentation cannot drift from the build. A line `…` stands for lines left out: the lines
/// after it must follow somewhere later in the output.
@Suite struct ReadmeTranscriptTests {
    struct Transcript: CustomStringConvertible, Sendable {
        let file: String
        let line: Int
        let command: String
        let expected: [String]
        var description: String { "\(file):\(line) $ \(command)" }
    }

    static let documents = ["README.md"] + docFiles()

    static func docFiles() -> [String] {
        let folder = NazifProcess.repository.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }

    /// Every `$ ` line inside a ```sh block, with the lines up to the next `$ ` line or the
    /// block's end.
    static func transcripts() -> [Transcript] {
        var found: [Transcript] = []
        for file in documents {
            guard let text = try? String(contentsOf: NazifProcess.repository.appendingPathComponent(file), encoding: .utf8)
            else { continue }
            var inShell = false
            var current: (line: Int, command: String, expected: [String])?
            func flush() {
                if let current { found.append(Transcript(file: file, line: current.line, command: current.command, expected: current.expected)) }
                current = nil
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("```") {
                    flush()
                    inShell = line == "```sh" || line == "```console"
                    continue
                }
                guard inShell else { continue }
                if line.hasPrefix("$ ") {
                    flush()
                    current = (number + 1, String(line.dropFirst(2)), [])
                } else if current != nil {
                    current?.expected.append(String(line))
                }
            }
            flush()
        }
        return found
    }

    /// Whether the output has the expected lines, `…` standing for any lines.
    static func matches(_ output: [String], _ expected: [String]) -> Bool {
        var position = 0
        var skipping = false
        for line in expected {
            if line == "…" {
                skipping = true
                continue
            }
            if skipping {
                guard let at = output[position...].firstIndex(of: line) else { return false }
                position = at + 1
                skipping = false
            } else {
                guard position < output.count, output[position] == line else { return false }
                position += 1
            }
        }
        return skipping || position == output.count
    }

    @Test func theDocumentsHaveTranscripts() {
        #expect(Self.transcripts().count >= 7)
    }

    @Test(arguments: transcripts())
    func transcriptPrintsWhatItShows(_ transcript: Transcript) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -o pipefail; " + transcript.command]
        process.currentDirectoryURL = NazifProcess.repository
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = NazifProcess.productsDirectory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        #expect(process.terminationStatus == 0, "\(transcript)")
        #expect(
            Self.matches(lines, transcript.expected),
            "\(transcript)\nexpected:\n\(transcript.expected.joined(separator: "\n"))\ngot:\n\(lines.joined(separator: "\n"))")
    }

    @Test(arguments: [
        (["a", "b", "c"], ["a", "…"], true),
        (["a", "b", "c"], ["a", "…", "c"], true),
        (["a", "b", "c"], ["a", "b"], false),
        (["a", "b", "c"], ["a", "…", "d"], false),
        (["a"], ["a"], true),
    ])
    func ellipsisStandsForLinesLeftOut(_ output: [String], _ expected: [String], _ result: Bool) {
        #expect(Self.matches(output, expected) == result)
    }
}
