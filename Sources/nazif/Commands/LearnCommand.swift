import ArgumentParser
import Boilerplate

/// `nazif learn`: count, per site, in how many documents each line occurs.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Count in how many documents of each site every line occurs, into a table file.",
        discussion: """
            Groups: --group-by FIELD (JSON Lines), else the host of the 'url' field, else one \
            group. Lines are compared on their key form (digits as 0, punctuation ignored), so \
            template lines that differ only in numbers meet. The table (12 bytes per distinct \
            line and group) feeds `nazif clean --table`; tables of shards add up with `nazif merge`.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var documents: DocumentOptions

    func validate() throws {
        if input.output == nil { throw ValidationError("give the table file with -o FILE") }
    }

    func run() throws {
        try runReportingFailures("learn") {
            try InputFile.checkReadable(input.paths)
            let sink = try OutputSink.make(path: input.output)  // a bad -o fails before reading
            let progress = ProgressMeter(command: "learn", show: input.progress)
            progress.begin(pass: "counting templates", totalBytes: ProgressMeter.totalSize(of: input.paths))
            defer { progress.finish() }
            let (table, problems, fields) = try learnTable(
                paths: input.paths, mode: documents.mode,
                policy: input.onError, threads: input.threadCount,
                progress: progress)
            progress.finish()
            try sink.write(table.serialized())
            try sink.commit()
            reportError("nazif learn: \(table.summary)" + problems.map { ", \($0)" }.joined())
            if documents.jsonl {
                for line in fields.warnings(
                    field: documents.field, groupBy: documents.groupBy,
                    passed: "they were not counted")
                {
                    reportError("nazif learn: \(line)")
                }
            }
        }
    }
}

/// `nazif merge`: add tables counted apart.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Add repetition tables counted on different shards into one.")

    @Argument(help: ArgumentHelp("The tables to add.", valueName: "table"))
    var tables: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The merged table.", valueName: "file"))
    var output: String

    func validate() throws {
        if tables.isEmpty { throw ValidationError("give at least one table") }
    }

    func run() throws {
        try runReportingFailures("merge") {
            try InputFile.checkReadable(tables)
            let sink = try OutputSink.atomicFile(output)
            var total = RepetitionTable()
            for path in tables { total.merge(try loadTable(path)) }
            try sink.write(total.serialized())
            try sink.commit()
            reportError("nazif merge: \(tables.count) tables, \(total.summary)")
        }
    }
}

extension RepetitionTable {
    /// "3072 documents in 8 group(s), 34287 distinct lines", for `learn` and `merge`.
    var summary: String {
        let groups = groups.values
        return "\(groups.reduce(0) { RepetitionTable.saturatingSum($0, $1.documents) }) documents in \(groups.count) group(s), "
            + "\(groups.reduce(0) { RepetitionTable.saturatingSum($0, $1.distinctLines) }) distinct lines"
    }
}
