import ArabicText
import Boilerplate
import Dedup

/// One document's signature with where it came from.
struct DocumentSignature: Sendable {
    /// The record's line in its input (from 1).
    var line: Int
    /// The document's text length in bytes (what --keep longest compares).
    var length: Int
    var signature: Signature
}

/// Makes the signatures of a batch's documents (on a worker thread).
struct SignatureWorker: Sendable {
    let mode: DocumentMode
    let policy: ErrorPolicy
    let parameters: MinHashParameters
    /// The boilerplate remover of `--clean` (no table: the rules that need none).
    let cleaner: Cleaner?

    struct Result: Sendable {
        var documents: [DocumentSignature] = []
        var failure: Failure?
        var problems = 0
        /// JSON records without a string `--field` value.
        var fields = FieldTally()
    }

    func sign(_ batch: DocumentBatch) -> Result {
        var result = Result()
        var fields = FieldTally()
        forEachDocument(
            in: batch, mode: mode, policy: policy, fields: &fields,
            { record in
                // A JSON record without the field is passed through, never compared.
                guard record.json == nil || record.json?.value != nil else { return nil }
                if let cleaner {
                    if let bad = UTF8Validation.firstInvalidOffset(in: record.text) { return bad }
                    let verdict = cleaner.decide(utf8: record.text)
                    let cleaned = verdict.cleanedBytes(of: record.text)
                    let signature = cleaned.withUnsafeBufferPointer { Signature(utf8: $0, parameters: parameters) }
                    result.documents.append(DocumentSignature(line: record.line, length: record.text.count, signature: signature))
                    return nil
                }
                return Cleaner.withKeyText(ofUTF8: record.text) { key, bad -> Int? in
                    if let bad { return bad }
                    result.documents.append(
                        DocumentSignature(
                            line: record.line, length: record.text.count,
                            signature: Signature(keyText: key, parameters: parameters)))
                    return nil
                }
            },
            problem: { problem in
                if policy == .fail {
                    result.failure = .data("\(batch.source):\(problem.line): \(problem.message) at byte \(problem.byte)")
                    return false
                }
                result.problems += 1
                return true
            })
        result.fields = fields
        if let strict = fields.strictFailure, result.failure == nil { result.failure = .data(strict) }
        return result
    }
}

/// Reads every input and hands each document's signature to `body`, in input order (input
/// number, signature), whatever the thread count. Returns the number of records read repaired
/// or passed through unread (`--on-error replace`), and the JSON records without the field.
func signDocuments(
    paths: [String], displayNames: [String: String], options: DedupOptions, policy: ErrorPolicy,
    threads: Int, parameters: MinHashParameters,
    _ body: @escaping (Int, DocumentSignature) -> Void
) throws -> (problems: Int, fields: FieldTally) {
    var failure: Failure? = nil
    var problems = 0
    var fields = FieldTally()
    let worker = SignatureWorker(mode: options.mode, policy: policy, parameters: parameters, cleaner: options.clean ? Cleaner() : nil)
    for (number, path) in paths.enumerated() {
        let pipeline = OrderedPipeline<SignatureWorker.Result>(threads: threads) { result in
            for document in result.documents { body(number, document) }
            problems += result.problems
            fields.add(result.fields)
            if let problem = result.failure {
                failure = problem
                return false
            }
            return true
        }
        try processBatches(paths: [path], displayNames: displayNames, mode: options.mode, through: pipeline) { worker.sign($0) }
        if let failure { throw failure }
    }
    return (problems, fields)
}
