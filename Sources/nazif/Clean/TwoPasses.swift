import Boilerplate
import Glibc

/// Counts a repetition table over the inputs in parallel (`nazif learn`, and the first pass of
/// `nazif clean` without `--table`).
/// With `spool`, each batch's key text goes there for the second pass. `problems` says what was
/// done to bad records (``recordProblemLines(policy:skipped:malformed:repaired:)``); `fields`
/// counts the JSON records without a string `--field` or `--group-by` value.
func learnTable(
    paths: [String], displayNames: [String: String] = [:], mode: DocumentMode,
    policy: ErrorPolicy, threads: Int, spool: KeySpool? = nil,
    progress: ProgressMeter? = nil
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
    try processBatches(paths: paths, displayNames: displayNames, mode: mode, through: pipeline) { batch in
        let result = worker.count(batch)
        progress?.completed(bytes: batch.chunk.bytes.count, documents: result.documents.count)
        return result
    }
    if let failure { throw failure }
    return (table, recordProblemLines(policy: policy, skipped: skipped, malformed: malformed, repaired: repaired), fields)
}

/// Inputs that can be read only once — standard input, and pipes, FIFOs or devices given by name
/// (`nazif clean --jsonl <(zcat a.gz)`) — copied to temporary files, so that the two passes of
/// `clean` read the same bytes twice. `paths` is rewritten to name the copies; their messages keep
/// the original names. The copies are removed when the result is released.
func spoolOnceOnlyInputs(_ paths: inout [String], displayNames: inout [String: String]) throws -> [SpooledInput] {
    var spools: [SpooledInput] = []
    var copies: [String: String] = [:]  // a path named twice ("- -") is read once
    for index in paths.indices {
        let path = paths[index]
        guard path == InputFile.standardInput || !InputFile.isRegularOrDirectory(path) else { continue }
        if let copy = copies[path] {
            paths[index] = copy
            continue
        }
        let input = try InputFile.open(path)
        let spool = try SpooledInput(copying: input)
        spools.append(spool)
        copies[path] = spool.path
        displayNames[spool.path] = input.name
        paths[index] = spool.path
    }
    return spools
}

/// An input copied to a temporary file, so a second pass can read it again. Removed when
/// released.
final class SpooledInput {
    let path: String
    private var cleanupToken: Int? = nil

    init(copying input: InputFile) throws {
        var template = Array("\(ProcessEnvironment.temporaryDirectory)/nazif-stdin-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure.io("cannot create a temporary file for \(input.name): \(Failure.describeErrno())")
        }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        cleanupToken = InterruptCleanup.register(path)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0.baseAddress!, count: $0.count) }
            if count == 0 { break }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, count - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Failure.io("cannot spool \(input.name): \(Failure.describeErrno())")
                }
                written += result
            }
        }
    }

    deinit {
        unlink(path)
        InterruptCleanup.unregister(cleanupToken)
    }
}

enum ProcessEnvironment {
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }
}
