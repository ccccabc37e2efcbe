import ArgumentParser

/// `clean --report FILE.html`: what was removed, for people, in a browser.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Write an HTML page (right to left, self-contained) showing the chosen documents line by line, removed lines struck through and coloured by rule, with a summary and the site-template lines.",
            valueName: "file.html"))
    var path: String?

    @Option(
        name: .customLong("report-sample"),
        help: ArgumentHelp(
            "Documents the report shows: half with the most removals, half at random.", valueName: "n"))
    var sampleSize = 40

    @Option(
        name: .customLong("report-seed"),
        help: ArgumentHelp(
            "Seed of the report's random sample (the same seed and input choose the same documents).", valueName: "n"))
    var seed: UInt64 = 1

    func validate() throws {
        if sampleSize < 1 || sampleSize > 10_000 { throw ValidationError("--report-sample must be between 1 and 10000") }
        if path == nil && (sampleSize != 40 || seed != 1) {
            throw ValidationError("--report-sample and --report-seed need --report FILE")
        }
    }

    var isEnabled: Bool { path != nil }
}

/// A report under construction: the collector fed from the pipeline, the file written whole at
/// the end (a temporary file renamed into place) or not at all.
final class ReportWriter {
    private let sink: OutputSink
    private let seed: UInt64
    private(set) var collector: ReportCollector

    init?(options: ReportOptions) throws {
        guard let path = options.path else { return nil }
        sink = try OutputSink.atomicFile(path)
        seed = options.seed
        collector = ReportCollector(sampleSize: options.sampleSize, seed: options.seed)
    }

    func add(_ documents: [ReportDocument]) {
        for document in documents { collector.add(document) }
    }

    func commit(totals: CleanStats, inputs: [String]) throws {
        let page = ReportPage(totals: totals, collector: collector, inputs: inputs, seed: seed)
        try sink.write(page.render())
        try sink.commit()
    }

    func discard() { sink.discard() }
}
