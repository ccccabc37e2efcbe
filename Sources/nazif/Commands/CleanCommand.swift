import ArabicText
import ArgumentParser
import Boilerplate

/// `nazif clean`: remove boilerplate from articles, with every removal explained.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove boilerplate from scraped Arabic articles, line by line, and say why.",
        discussion: """
            Documents: each file (or standard input) is one; with --lines each line is one; with \
            --jsonl each line is a JSON object whose --field is the document (every other field \
            passes through byte for byte). Kept lines are written byte for byte.
            Lines repeated across many documents of a site are found with a repetition table: \
            --table FILE (from `nazif learn`), or, without it, a first pass over the same input \
            (standard input is kept in a temporary file for it). --no-templates skips this.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var documents: DocumentOptions

    @Option(help: ArgumentHelp("A repetition table from `nazif learn` or `nazif merge`.", valueName: "file"))
    var table: String?

    @Flag(name: .customLong("no-templates"), help: "Do not look for lines repeated across documents.")
    var noTemplates = false

    @Option(
        name: .customLong("min-count"),
        help: ArgumentHelp(
            "A line is a site template from this many documents of its group up (the default keeps a paragraph published twice).",
            valueName: "n"))
    var minimumCount = TemplateThresholds().minimumDocuments

    @Option(
        name: .customLong("min-share"),
        help: ArgumentHelp(
            "…and from this share of the group's documents up.", valueName: "fraction"))
    var minimumShare = TemplateThresholds().minimumShare

    @Option(
        help: ArgumentHelp(
            "More markers, in the lexicon format (repeatable): `nazif clean --print-lexicon` prints the built-in lexicon with the format in its header.",
            valueName: "file"))
    var lexicon: [String] = []

    @Flag(name: .customLong("print-lexicon"), help: "Print the built-in lexicon (its header documents the format) and exit.")
    var printLexicon = false

    @Option(
        name: .customLong("disable"),
        help: ArgumentHelp(
            "Do not apply this rule (repeatable): a name --explain reports, such as quality.outside, template.site or marker.read-also.",
            valueName: "rule"))
    var disabledRules: [String] = []

    @Flag(help: "Write one JSON line per document to standard error: each removed line, its byte range, rule and reason.")
    var explain = false

    @Option(name: .customLong("explain-file"), help: ArgumentHelp("Write the explanations to this file instead.", valueName: "file"))
    var explainFile: String?

    @Option(
        name: .customLong("explain-format"),
        help: ArgumentHelp(
            "With --explain or --explain-file: json (one object per document, for programs; the default) or text (a table for people).",
            valueName: "json|text"))
    var explainFormatChoice: ExplainFormat?

    /// The format of the explanations (json unless `--explain-format` says otherwise).
    var explainFormat: ExplainFormat { explainFormatChoice ?? .json }

    /// Whether explanations are written: asked for by `--explain` or `--explain-file`.
    var explains: Bool { explain || explainFile != nil }

    @Flag(help: "Print per-rule totals on standard error.")
    var stats = false

    @Option(help: ArgumentHelp("Normalize the kept lines with this profile.", valueName: "display|search|key"))
    var normalize: NormalizationProfile?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if minimumCount < 1 { throw ValidationError("--min-count must be at least 1") }
        if !(0...1).contains(minimumShare) { throw ValidationError("--min-share must be between 0 and 1") }
        if table != nil && noTemplates { throw ValidationError("--table and --no-templates contradict each other") }
        // A format alone does not say where the explanations go (standard error, mixed with the
        // warnings, or a file): ask for one rather than guess.
        if explainFormatChoice != nil && !explains {
            throw ValidationError("--explain-format needs --explain (to standard error) or --explain-file FILE")
        }
        let known = Set(RuleName.allCases.map(\.rawValue))
        for rule in disabledRules where !known.contains(rule) && !rule.hasPrefix("marker.") {
            throw ValidationError("--disable \(rule): no such rule (the rules: \(known.sorted().joined(separator: ", ")), marker.NAME)")
        }
    }

    /// Warnings about documents that lost most of their article text: the first ones are shown.
    static let warningLimit = 20

    func run() throws {
        if printLexicon {
            return try runReportingFailures("clean") { try OutputSink.standardOutput().write(Lexicon.defaultSource) }
        }
        try runReportingFailures("clean") { try clean() }
    }

    private func clean() throws {
        var paths = input.paths
        try InputFile.checkReadable(paths + lexicon + (table.map { [$0] } ?? []))
        let progress = ProgressMeter(command: "clean", show: input.progress)
        defer { progress.finish() }
        let mode = documents.mode

        var options = CleanerOptions()
        options.templates.minimumDocuments = minimumCount
        options.templates.minimumShare = minimumShare
        options.disabledRules = Set(disabledRules)
        for path in lexicon {
            let text = String(decoding: try InputFile.open(path).readAll(), as: UTF8.self)
            do {
                options.lexicon.add(try Lexicon(parsing: text))
            } catch {
                throw Failure.data("\(path): \(error)")
            }
        }

        // The outputs before any input is read: a bad -o fails at once, not after the first pass.
        let sink = try OutputSink.make(path: input.output)
        let explainSink = try explainFile.map { try OutputSink.atomicFile($0) } ?? (explains ? OutputSink.standardError() : nil)

        // The repetition table: given, or counted in a first pass.
        var repetitions: RepetitionTable? = nil
        var spooled = OnceOnlyInputs(firstPassPaths: paths, copies: [:])
        var keySpool: KeySpool? = nil
        var displayNames: [String: String] = [:]
        if let table {
            repetitions = try loadTable(table)
        } else if !noTemplates {
            // Two passes whenever there can be several documents: every line-oriented input, and
            // plain text too (one input may hold several, cut at form feeds or --doc-separator).
            // Once-only inputs are copied as the first pass reads them; the second reads the copies.
            spooled = try prepareOnceOnlyCopies(&paths, displayNames: &displayNames)
            keySpool = KeySpool()
            progress.begin(pass: "counting templates", totalBytes: ProgressMeter.totalSize(of: spooled.firstPassPaths))
            repetitions = try learnTable(
                paths: spooled.firstPassPaths, displayNames: displayNames, mode: mode,
                policy: input.onError, threads: input.threadCount,
                spool: keySpool, copies: spooled.copies, progress: progress
            ).table
            keySpool?.rewind()
        }
        // The spooled copies must outlive both passes: `_ = spooled` does not keep them alive in an
        // optimized build (their deinit unlinked the file before pass 2 opened it).
        defer { withExtendedLifetime(spooled.copies) {} }

        let cleaner = Cleaner(options: options, table: repetitions)
        let worker = CleanWorker(
            cleaner: cleaner, mode: mode, policy: input.onError,
            explain: explains ? explainFormat : nil,
            normalizer: normalize.map { ArabicNormalizer(profile: $0) },
            talliesRules: stats || report.isEnabled, collectsReport: report.isEnabled)
        let reportWriter = try ReportWriter(options: report)
        var totals = CleanStats()
        var warningsShown = 0
        var failure: Failure? = nil
        progress.begin(pass: "cleaning", totalBytes: ProgressMeter.totalSize(of: paths))
        let pipeline = OrderedPipeline<CleanBatchResult>(threads: input.threadCount) { result in
            do {
                try sink.write(result.output)
                if let explainSink { try explainSink.write(result.explain) }
            } catch {
                failure = error as? Failure ?? .io("\(error)")
                return false
            }
            for warning in result.warnings {
                warningsShown += 1
                if warningsShown <= Self.warningLimit { progress.message { reportError("nazif clean: warning: \(warning)") } }
            }
            totals.add(result.stats)
            reportWriter?.add(result.report)
            if let problem = result.failure {
                failure = problem
                return false
            }
            return !sink.isClosed
        }
        try processBatches(
            paths: paths, displayNames: displayNames, mode: mode, through: pipeline,
            attach: keySpool.map { spool in { $0.keys = spool.next() } }
        ) { batch in
            let result = worker.clean(batch)
            progress.completed(bytes: batch.chunk.bytes.count, documents: result.stats.documents)
            return result
        }
        progress.finish()
        if let failure {
            sink.discard()
            explainSink?.discard()
            reportWriter?.discard()
            throw failure
        }
        try sink.commit()
        try explainSink?.commit()
        try reportWriter?.commit(totals: totals, inputs: input.paths)
        for line in totals.problemLines(policy: input.onError) { reportError("nazif clean: \(line)") }
        if documents.jsonl {
            for line in totals.fields.warnings(field: documents.field, groupBy: documents.groupBy) { reportError("nazif clean: \(line)") }
        }
        if warningsShown > Self.warningLimit {
            reportError(
                "nazif clean: warning: \(warningsShown - Self.warningLimit) more document(s) lost more than half of their article-like text to one rule (--stats counts them)"
            )
        }
        if stats { reportError(totals.report) }
    }
}

/// Reads a table file: missing → 66, not a table or corrupt → 65.
func loadTable(_ path: String) throws -> RepetitionTable {
    let bytes = try InputFile.open(path).readAll()
    do {
        return try RepetitionTable(serialized: bytes)
    } catch {
        throw Failure.data("\(path): \(error)")
    }
}

/// How `--explain` writes.
enum ExplainFormat: String, ExpressibleByArgument, Sendable {
    case json, text
}
