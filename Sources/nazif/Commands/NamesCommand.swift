import ArabicText
import ArgumentParser

/// `nazif names`: romanize names, key them, match them, find them in text.
struct NamesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Arabic names: romanize, key, match, and find them in running text.",
        subcommands: [Romanize.self, Key.self, Match.self, Find.self])

    struct Romanize: LineCommand {
        static let configuration = CommandConfiguration(
            commandName: "romanize",
            abstract: "One name per line in, its readable Latin form per line out (كيم جونغ أون → Kim Jong Un).",
            discussion: """
                Names the dictionary knows get its spelling; other words are spelled by a model trained on \
                the dictionary (graphone n-grams). With --candidates N each line gives the N best forms and \
                their scores (log10 probability; 0 for names the dictionary knows), tab-separated: \
                Latin<TAB>score<TAB>Latin<TAB>score… (best first; the first is the form printed without the \
                flag).
                """)
        @OptionGroup var input: LineInputOptions
        @Option(help: ArgumentHelp("Print the N best forms with their scores, tab-separated, one input line per output line.", valueName: "n"))
        var candidates: Int?
        @Flag(help: "Spell unknown words by the old hand-written letter rules instead of the model (for comparison).")
        var rules = false
        func validate() throws {
            if let candidates, candidates < 1 { throw ValidationError("--candidates must be at least 1") }
        }
        static var parentCommand: (any ParsableCommand.Type)? { NamesCommand.self }
        func lineTransforms() -> LineTransforms {
            let romanizer = rules ? Romanizer(dictionary: .builtIn, unknownWords: .rules) : Romanizer.shared
            let count = candidates
            return LineTransforms { chunk in
                mapLines(chunk) { line in
                    guard let count else { return romanizer.romanize(line) }
                    return romanizer.candidates(line, count: count)
                        .map { "\($0.latin)\t\(formatLogScore($0.score))" }.joined(separator: "\t")
                }
            }
        }
    }

    struct Key: LineCommand {
        static let configuration = CommandConfiguration(
            commandName: "key",
            abstract: "One name per line in, its phonetic key per line out (كيم جونج أون → GMGNGAN).")
        @OptionGroup var input: LineInputOptions
        static var parentCommand: (any ParsableCommand.Type)? { NamesCommand.self }
        func lineTransforms() -> LineTransforms {
            let normalizer = ArabicNormalizer(profile: .search)
            return LineTransforms { chunk in
                // The whole chunk is normalized at once (line for line), then keyed line by line.
                var normalized: [UInt8] = []
                normalized.reserveCapacity(chunk.bytes.count)
                normalizer.normalize(utf8: chunk.bytes, into: &normalized)
                var output: [UInt8] = []
                output.reserveCapacity(chunk.bytes.count / 2)
                normalized.withUnsafeBufferPointer { bytes in
                    // One key per line; a last line without a line break gets none either.
                    LineFilter.forEachLine(in: bytes) { name, lineBreak in
                        NameKey.appendKey(ofNormalized: name, to: &output)
                        if !lineBreak.isEmpty { output.append(0x0A) }
                    }
                }
                return output
            }
        }
    }

    struct Match: LineCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Lines 'A<TAB>B' in; 'same' or 'different', a tab and the similarity (0–1) out.")
        @OptionGroup var input: LineInputOptions
        static var parentCommand: (any ParsableCommand.Type)? { NamesCommand.self }
        func lineTransforms() -> LineTransforms {
            LineTransforms { chunk in
                mapLines(chunk) { line in
                    let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                    guard parts.count == 2 else { return "different\t0.000" }
                    let (same, score) = NameKey.match(String(parts[0]), String(parts[1]))
                    return (same ? "same" : "different") + "\t" + formatScore(score)
                }
            }
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "find",
            abstract: "The dictionary's names found in running text: Latin form, count, and every spelling seen.",
            discussion:
                "Output, one name per line, most frequent first: Latin<TAB>count<TAB>spelling (count); spelling (count)…<TAB>score (0–1, the best of its mentions: higher for names common in the lists, names of several words, names after a title such as الرئيس)."
        )
        @OptionGroup var input: LineInputOptions
        @Option(help: ArgumentHelp("Report names seen at least this many times.", valueName: "n"))
        var minimumCount = 1
        @Option(help: ArgumentHelp("Report names whose best mention scores at least this (0–1).", valueName: "score"))
        var minimumScore = 0.0
        func run() throws {
            try runReportingFailures("names find") {
                let finder = NameFinder(romanizer: .shared)
                var tally = NameTally()
                try InputFile.checkReadable(input.paths)
                for path in input.paths {
                    let file = try InputFile.open(path)
                    let bytes = try file.readAll()
                    try bytes.withUnsafeBufferPointer { buffer in
                        guard let bad = UTF8Validation.firstInvalidOffset(in: buffer), input.onError != .replace else { return }
                        var lineStart = bad
                        while lineStart > 0 && buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
                        let line = LineFilter.countLineBreaks(UnsafeBufferPointer(rebasing: buffer[..<lineStart])) + 1
                        throw LineFilter.invalidUTF8(in: file.name, line: line, offset: bad, column: bad - lineStart)
                    }
                    let text = String(decoding: bytes, as: UTF8.self)
                    for mention in finder.mentions(in: text) { tally.add(mention) }
                }
                let sink = try OutputSink.make(path: input.output)
                for name in tally.sorted() where name.count >= minimumCount && name.score >= minimumScore {
                    let spellings = name.spellings.map { "\($0.spelling) (\($0.count))" }.joined(separator: "; ")
                    try sink.write("\(name.latin)\t\(name.count)\t\(spellings)\t\(formatScore(name.score))\n")
                }
                try sink.commit()
            }
        }
    }
}

/// Applies `transform` to every line of a chunk (line breaks kept).
func mapLines(_ chunk: LineChunk, _ transform: (String) -> String) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(chunk.bytes.count)
    LineFilter.forEachLine(in: chunk.bytes) { line, lineBreak in
        output.append(transform(String(decoding: line, as: UTF8.self)))
        output.append(contentsOf: lineBreak)
    }
    return output
}

/// A log score with three decimals: -12.345, 0.000.
func formatLogScore(_ score: Double) -> String {
    (score < 0 && (score * 1000).rounded() != 0 ? "-" : "") + formatScore(abs(score))
}

func formatScore(_ score: Double) -> String {
    let thousandths = Int((score * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
}
