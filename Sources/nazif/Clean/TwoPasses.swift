import Boilerplate
import Glibc

/// Counts a repetition table over the inputs in parallel (`nazif learn`, and the first pass of
/// `nazif clean` without `--table`).
/// With `spool`, each batch's key text goes there for the second pass; the inputs in `copies` are
/// copied as they are read (``OnceOnlyInputs``). `problems` says what was
/// done to bad records (``recordProblemLines(policy:skipped:malformed:repaired:)``); `fields`
/// counts the JSON records without a string `--field` or `--group-by` value.
func learnTable(
    paths: [String], displayNames: [String: String] = [:], mode: DocumentMode,
    policy: ErrorPolicy, threads: Int, spool: KeySpool? = nil,
    copies: [String: SpooledInput] = [:], progress: ProgressMeter? = nil
) throws -> (table: RepetitionTable, problems: [String], fields: FieldTally) {
    var table = RepetitionTable()
    var fields = FieldTally()
    var failure: Failure? = nil
    var skipped = 0, malformed = 0, repaired = 0
    let worker = LearnWorker(mode: mode, policy: policy, keepsKeys: spool != nil)
    let pipeline = OrderedPipeline<LearnWorker.Result>(threads: threads) { result in
        for document in result.documents { table.add(lineHashes: document.hashes, group: document.group) }
        spool?.append(result.keys)
        skipped += result.skipped
        malformed += result.malformed
        repaired += result.repaired
        fields.add(result.fields)
        if let problem = result.failure {
            failure = problem
            return false
        }
        return true
    }
    try processBatches(paths: paths, displayNames: displayNames, mode: mode, copies: copies, through: pipeline) { batch in
        let result = worker.count(batch)
        progress?.completed(bytes: batch.chunk.bytes.count, documents: result.documents.count)
        return result
    }
    if let failure { throw failure }
    return (table, recordProblemLines(policy: policy, skipped: skipped, malformed: malformed, repaired: repaired), fields)
}

/// Inputs that can be read only once — standard input, and pipes, FIFOs or devices given by name
/// (`nazif clean --jsonl <(zcat a.gz)`) — copied to temporary files while the first pass reads
/// them, so that the second pass of `clean` reads the same bytes again. The first pass counts as
/// the input arrives: a producer streaming records into `nazif clean` (the Python package) is
/// overlapped with the counting instead of waited for before it.
struct OnceOnlyInputs {
    /// The paths the first pass reads: each once-only input itself where it is first named, its
    /// copy where it is named again (by then the copy is whole).
    var firstPassPaths: [String]
    /// The copies, by the path the first pass reads and copies them from.
    var copies: [String: SpooledInput]
}

/// Copies each once-only input whole before anything else reads it, and rewrites `paths` to name
/// the copies (for commands that read their inputs twice but cannot count in the first read,
/// `dedup`); their messages keep the original names. The copies are removed when released.
func spoolOnceOnlyInputs(_ paths: inout [String], displayNames: inout [String: String]) throws -> [SpooledInput] {
    let original = paths
    let inputs = try prepareOnceOnlyCopies(&paths, displayNames: &displayNames)
    var copied: [SpooledInput] = []
    for path in original {
        guard let copy = inputs.copies[path], !copied.contains(where: { $0 === copy }) else { continue }
        let input = try InputFile.open(path)
        input.copyWhileReading(to: copy.descriptor)
        try input.readToEnd()
        copy.finishCopy()
        copied.append(copy)
    }
    return copied
}

/// Makes an empty copy for each once-only input, for the first pass to fill as it reads
/// (``readBatches(paths:displayNames:mode:copies:_:)``), and rewrites `paths` (the second
/// pass's) to name the copies; their messages keep the original names. The copies are removed
/// when released.
func prepareOnceOnlyCopies(_ paths: inout [String], displayNames: inout [String: String]) throws -> OnceOnlyInputs {
    var inputs = OnceOnlyInputs(firstPassPaths: paths, copies: [:])
    for index in paths.indices {
        let path = paths[index]
        guard path == InputFile.standardInput || !InputFile.isRegularOrDirectory(path) else { continue }
        // A path named twice ("- -", a FIFO named twice) is read once.
        if let copy = inputs.copies[path] {
            paths[index] = copy.path
            inputs.firstPassPaths[index] = copy.path
            continue
        }
        let name = InputFile.displayName(of: path)
        let copy = try SpooledInput(name: name)
        inputs.copies[path] = copy
        displayNames[copy.path] = name
        paths[index] = copy.path
    }
    return inputs
}

/// The copy of an input that can be read only once, filled by the first pass
/// (``InputFile/copyWhileReading(to:)``) and read by name in the second. Removed when released.
final class SpooledInput {
    private let file: TemporaryFile

    /// A new empty copy in `$TMPDIR`; `name` is the input's name for messages.
    init(name: String) throws {
        do {
            file = try TemporaryFile(prefix: "\(ProcessEnvironment.temporaryDirectory)/nazif-stdin-")
        } catch {
            throw Failure.io("cannot create a temporary file for \(name): \(error.message)")
        }
    }

    var path: String { file.path }
    /// Where the first pass writes the input's bytes.
    var descriptor: FileDescriptor { file.descriptor }

    /// The input was copied whole.
    func finishCopy() { file.closeDescriptor() }

    deinit { file.remove() }
}

enum ProcessEnvironment {
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }
}
