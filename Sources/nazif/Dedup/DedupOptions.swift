import ArgumentParser
import Dedup

/// How `nazif dedup` reads documents and makes their signatures.
struct DedupOptions: ParsableArguments {
    @Flag(help: "Input is JSON Lines: the document is the string field --field of each object (default: each line is a document).")
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl: the field that holds the document's text.", valueName: "name"))
    var field: String = "text"

    @Flag(help: "With --jsonl: a record without a string --field value is an error (exit 65 with its line), not a warning after the run.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Words per shingle. A document with fewer words is compared by the exact hash of its key words.",
            valueName: "n"))
    var shingle: Int = 5

    @Option(
        help: ArgumentHelp(
            """
            LSH bands. With the default 16 bands × 7 rows, a pair at Jaccard 0.8 is a candidate with \
            probability 1-(1-0.8^7)^16 = 0.977 (0.5: 0.118; 14 × 8, FineWeb-2's, gives 0.924 at 0.8).
            """, valueName: "n"))
    var bands: Int = 16

    @Option(help: ArgumentHelp("Rows (permutations) per band.", valueName: "n"))
    var rows: Int = 7

    @Option(help: ArgumentHelp("The seed of the permutations (files to merge must share it).", valueName: "n"))
    var seed: UInt64 = 0x4E41_5A49_4644_4450

    @Flag(help: "Remove boilerplate first (the clean rules that need no table) and compare what is left.")
    var clean = false

    func validate() throws {
        if field.isEmpty { throw ValidationError("--field needs a name") }
        if strict && !jsonl { throw ValidationError("--strict needs --jsonl (it checks --field)") }
        if shingle < 1 || shingle > 64 { throw ValidationError("--shingle must be between 1 and 64") }
        if bands < 1 || rows < 1 || bands * rows > 1024 {
            throw ValidationError("--bands × --rows must be between 1 and 1024")
        }
    }

    func parameters(threshold: Double) -> MinHashParameters {
        MinHashParameters(shingleSize: shingle, bands: bands, rows: rows, seed: seed, threshold: threshold)
    }

    var mode: DocumentMode { jsonl ? .jsonl(field: Array(field.utf8), groupBy: nil, strict: strict, limits: .standard) : .lines(limits: .standard) }
}

/// How clusters are decided.
struct ClusterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A candidate pair is a duplicate when its estimated Jaccard similarity reaches this.",
            valueName: "0..1"))
    var threshold: Double = 0.8

    @Option(
        help: ArgumentHelp(
            "Which document of a cluster stays: the first, or the longest (the first of equal ones).",
            valueName: "first|longest"))
    var keep: KeepChoice = .first

    func validate() throws {
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1]") }
    }
}

enum KeepChoice: String, ExpressibleByArgument, CaseIterable {
    case first, longest
    var policy: DuplicateIndex.KeepPolicy { self == .first ? .first : .longest }
}

/// `--on-error` of `dedup`: skipping would drop records that the other passes count, so a bad
/// record is read repaired (replace) or stops the run (fail).
enum DedupPolicy: String, ErrorPolicyChoice {
    case fail, replace

    var policy: ErrorPolicy { self == .fail ? .fail : .replace }
    static let help =
        "On a bad record (invalid UTF-8, malformed JSON): fail (exit 65 with file, line and byte) or replace (invalid UTF-8 is compared repaired, a malformed record is kept and never compared; the record is written as it was; the count is reported)."
    static let valueName = "fail|replace"
}

/// The input options of `dedup` (run): `--on-error fail|replace`.
typealias DedupInputOptions = StreamOptions<DedupPolicy>
