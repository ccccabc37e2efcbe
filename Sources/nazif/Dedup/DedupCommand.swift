import ArgumentParser
import Dedup

/// `nazif dedup`: near-duplicate documents removed by MinHash-LSH on the `key` form.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Remove near-duplicate documents (MinHash-LSH on the Arabic key form).",
        discussion: """
            Each document (a line, or with --jsonl the string --field of each JSON object) is \
            normalized to the key form (hamza forms, ى/ي, ة/ه, tashkeel, tatweel and digits folded; \
            punctuation dropped), cut into shingles of --shingle words and MinHashed with \
            --bands × --rows permutations. Documents sharing a band are candidate pairs; a pair \
            whose estimated Jaccard similarity reaches --threshold is a duplicate; duplicates are \
            joined into clusters (union-find) and one document of each is kept. A document with \
            fewer words than a shingle is compared by the exact hash of its key words; one without \
            words (or a JSON record without the field) is never removed.
            Across machines: `signatures` per input, `clusters` over all signature files, `apply` \
            per input give the same output as one `nazif dedup` over the inputs in that order.
            """,
        subcommands: [DedupRun.self, DedupSignatures.self, DedupClusters.self, DedupApply.self],
        defaultSubcommand: DedupRun.self
    )
}

/// `nazif dedup [run]`: the whole job in one process.
struct DedupRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write the input's records without the near-duplicates (byte for byte), in input order.")

    @OptionGroup var document: DedupOptions
    @OptionGroup var clusters: ClusterOptions

    @Option(
        help: ArgumentHelp(
            "With --jsonl: keep every record and add this field with its cluster number (the number, from 1, of the cluster's first document in input order).",
            valueName: "name"))
    var mark: String?

    @Flag(help: "List each removed document on standard error: its place, its cluster, the kept document and the estimated similarity.")
    var explain = false

    @Flag(help: "Report documents, removals, clusters and index memory on standard error.")
    var stats = false

    @OptionGroup var input: DedupInputOptions

    func validate() throws {
        if mark != nil && !document.jsonl { throw ValidationError("--mark needs --jsonl") }
        if let mark, mark.isEmpty { throw ValidationError("--mark needs a field name") }
    }

    func run() throws {
        try runReportingFailures("dedup") {
            var paths = input.paths
            try InputFile.checkReadable(paths)
            var displayNames: [String: String] = [:]
            let spools = try spoolOnceOnlyInputs(&paths, displayNames: &displayNames)
            // The copies of standard input and pipes must live until the second pass is done.
            defer { withExtendedLifetime(spools) {} }
            let names = paths.map { displayNames[$0] ?? $0 }
            let parameters = document.parameters(threshold: clusters.threshold)
            var clustering = Clustering(parameters: parameters)
            let (problems, fields) = try signDocuments(
                paths: paths, displayNames: displayNames, options: document,
                policy: input.onError, threads: input.threadCount,
                parameters: parameters
            ) { source, signed in
                clustering.add(source: source, line: signed.line, length: signed.length, signature: signed.signature)
            }
            let plan = clustering.plan(keep: clusters.keep.policy, sourceCount: paths.count, withClusters: mark != nil)
            let sink = try OutputSink.make(path: input.output)
            let writer = KeptRecordWriter(sink: sink, markField: mark)
            for (number, path) in paths.enumerated() {
                try writer.copy(
                    path: path, displayName: displayNames[path], removed: mark == nil ? plan.removed[number] : [],
                    clusters: plan.clusters[number])
            }
            try sink.commit()
            if explain {
                let errors = OutputSink.standardError()
                for removal in plan.removals {
                    let (source, line) = clustering.place(removal.document)
                    let (keptSource, keptLine) = clustering.place(removal.kept)
                    try errors.write(
                        "removed \(names[source]):\(line) cluster \(removal.cluster + 1) kept \(names[keptSource]):\(keptLine) similarity \(RemovalList.formatSimilarity(removal.similarity))\n"
                    )
                }
            }
            if problems > 0 { reportError("nazif dedup: \(problems) records repaired or passed through unread (--on-error replace)") }
            if document.jsonl {
                for line in fields.warnings(field: document.field, groupBy: nil, passed: "they were kept, never compared") {
                    reportError("nazif dedup: \(line)")
                }
            }
            if stats {
                let documents = clustering.count
                let clusterCount = documents - plan.removals.count
                reportError(
                    "nazif dedup: \(documents) documents, \(plan.removals.count) removed, \(clusterCount) kept; index \(clustering.memoryBytes / max(1, documents)) bytes per document"
                )
            }
        }
    }
}

/// `nazif dedup signatures`: one input's signatures, for `clusters` to merge.
struct DedupSignatures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signatures",
        abstract: "Write the signatures (band keys and sketch) of one input's documents to a signature file.")

    @OptionGroup var document: DedupOptions

    @Option(
        help: ArgumentHelp(
            "The input's name in the file, as `apply --source` will be given it (default: the path as given, '-' for standard input). No tabs or line breaks.",
            valueName: "name"))
    var source: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The signature file to write (written whole or not at all).", valueName: "file"))
    var output: String

    @Option(name: .customLong("on-error"), help: ArgumentHelp(DedupPolicy.help, valueName: DedupPolicy.valueName))
    var onError: DedupPolicy = .fail

    @Option(help: ArgumentHelp("Worker threads (default: every core).", valueName: "n"))
    var threads: Int?

    @Argument(help: ArgumentHelp("The input (standard input when none or '-').", valueName: "file"))
    var file: String = InputFile.standardInput

    func validate() throws {
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024") }
        let name = source ?? file
        if name.isEmpty || name.utf8.contains(0x09) || name.utf8.contains(0x0A) {
            throw ValidationError("--source needs a name without tabs or line breaks")
        }
    }

    func run() throws {
        try runReportingFailures("dedup signatures") {
            try InputFile.checkReadable([file])
            let parameters = document.parameters(threshold: 0.8)
            var signatures = SignatureFile(parameters: parameters, source: source ?? file)
            let (_, fields) = try signDocuments(
                paths: [file], displayNames: [:], options: document, policy: onError.policy,
                threads: threads ?? DedupInputOptions.coreCount, parameters: parameters
            ) { _, signed in
                signatures.append(record: signed.line, length: signed.length, signature: signed.signature)
            }
            let sink = try OutputSink.atomicFile(output)
            try sink.write(signatures.serialized())
            try sink.commit()
            if document.jsonl {
                for line in fields.warnings(field: document.field, groupBy: nil, passed: "they have no signature, never compared") {
                    reportError("nazif dedup signatures: \(line)")
                }
            }
        }
    }
}

/// `nazif dedup clusters`: the removal list of many signature files.
struct DedupClusters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Read signature files (in input order: the first file's documents come first) and write the removal list.")

    @OptionGroup var clusters: ClusterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The removal list to write (standard output by default).", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Signature files from `nazif dedup signatures`.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the signature files") }
    }

    func run() throws {
        try runReportingFailures("dedup clusters") {
            try InputFile.checkReadable(files)
            var clustering: Clustering? = nil
            var parameters: MinHashParameters? = nil
            var names: [String] = []
            for (number, path) in files.enumerated() {
                let bytes = try InputFile.open(path).readAll()
                let file: SignatureFile
                do {
                    file = try SignatureFile(serialized: bytes, threshold: clusters.threshold)
                } catch {
                    throw Failure.data("\(path): \(error)")
                }
                if let parameters, parameters != file.parameters {
                    throw Failure.data(
                        "\(path): made with other parameters (shingle \(file.parameters.shingleSize), \(file.parameters.bands) × \(file.parameters.rows), seed \(file.parameters.seed)) than \(files[0])"
                    )
                }
                if names.contains(file.source) { throw Failure.data("\(path): source '\(file.source)' appears in two signature files") }
                parameters = file.parameters
                if clustering == nil { clustering = Clustering(parameters: file.parameters) }
                names.append(file.source)
                for entry in file.entries {
                    clustering!.add(source: number, line: entry.record, length: entry.length, signature: entry.signature)
                }
            }
            var all = clustering!
            let plan = all.plan(keep: clusters.keep.policy, sourceCount: files.count, withClusters: false)
            let sink = try OutputSink.make(path: output)
            try sink.write(RemovalList.render(plan, clustering: all, names: names))
            try sink.commit()
        }
    }
}

/// `nazif dedup apply`: one input without the records of a removal list.
struct DedupApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write one input without the records the removal list names for it (byte for byte).")

    @Option(help: ArgumentHelp("The removal list from `nazif dedup clusters`.", valueName: "file"))
    var removals: String

    @Option(
        help: ArgumentHelp(
            "The input's name in the removal list (default: the path as given, '-' for standard input).",
            valueName: "name"))
    var source: String?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write to this file instead of standard output (written whole or not at all).",
            valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The input (standard input when none or '-').", valueName: "file"))
    var file: String = InputFile.standardInput

    func run() throws {
        try runReportingFailures("dedup apply") {
            try InputFile.checkReadable([removals, file])
            let list = try InputFile.open(removals).readAll()
            let lines = try RemovalList.lines(in: list, file: removals, source: source ?? file)
            let sink = try OutputSink.make(path: output)
            try KeptRecordWriter(sink: sink, markField: nil).copy(path: file, displayName: nil, removed: lines, clusters: [])
            try sink.commit()
        }
    }
}
