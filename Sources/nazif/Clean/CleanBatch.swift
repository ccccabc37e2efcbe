import ArabicText
import Boilerplate

/// Per-rule totals for `--stats`.
struct CleanStats: Sendable {
    var documents = 0
    var documentsChanged = 0
    var lines = 0
    var bytesIn = 0
    var bytesOut = 0
    var skippedRecords = 0
    /// Of the skipped records, those that were malformed JSON (left out under every policy:
    /// `replace` repairs only invalid UTF-8).
    var malformedRecords = 0
    var repairedRecords = 0
    /// Lone surrogate escapes read as U+FFFD, and the records that had them.
    var loneSurrogates = 0
    var recordsWithLoneSurrogates = 0
    /// JSON records read, and those without a string `--field` or `--group-by` value.
    var fields = FieldTally()
    var recordsWithoutField: Int { fields.withoutField }
    /// Documents that lost more than half of their article-like text to one rule.
    var documentsWithArticleLoss = 0
    /// Rule → (lines, bytes) removed.
    var rules: [String: (lines: Int, bytes: Int)] = [:]

    mutating func add(_ other: CleanStats) {
        documents += other.documents
        documentsChanged += other.documentsChanged
        lines += other.lines
        bytesIn += other.bytesIn
        bytesOut += other.bytesOut
        skippedRecords += other.skippedRecords
        malformedRecords += other.malformedRecords
        repairedRecords += other.repairedRecords
        loneSurrogates += other.loneSurrogates
        recordsWithLoneSurrogates += other.recordsWithLoneSurrogates
        fields.add(other.fields)
        documentsWithArticleLoss += other.documentsWithArticleLoss
        for (rule, counts) in other.rules {
            let current = rules[rule] ?? (0, 0)
            rules[rule] = (current.lines + counts.lines, current.bytes + counts.bytes)
        }
    }

    /// What was done to bad records, one line each, for standard error (after the run).
    func problemLines(policy: ErrorPolicy) -> [String] {
        var lines = recordProblemLines(
            policy: policy, skipped: skippedRecords, malformed: malformedRecords,
            repaired: repairedRecords)
        if loneSurrogates > 0 {
            lines.append(
                "read \(loneSurrogates) lone surrogate escape(s) (\\ud800-\\udfff without a pair) as U+FFFD in \(recordsWithLoneSurrogates) record(s)"
            )
        }
        return lines
    }

    /// The report printed by `--stats`.
    var report: String {
        var text = "documents: \(documents) (\(documentsChanged) changed), lines: \(lines), bytes: \(bytesIn) in, \(bytesOut) out"
        if skippedRecords > 0 { text += ", \(skippedRecords) bad record(s) skipped (\(malformedRecords) malformed JSON)" }
        if repairedRecords > 0 { text += ", \(repairedRecords) record(s) with invalid UTF-8 repaired" }
        if recordsWithoutField > 0 { text += ", \(recordsWithoutField) record(s) without the field passed through" }
        text += "\n"
        if documentsWithArticleLoss > 0 {
            text += "documents that lost more than half of their article-like text to one rule: \(documentsWithArticleLoss)\n"
        }
        let removedLines = rules.values.reduce(0) { $0 + $1.lines }
        let removedBytes = rules.values.reduce(0) { $0 + $1.bytes }
        text += "removed: \(removedLines) lines, \(removedBytes) bytes\n"
        for (rule, counts) in rules.sorted(by: { ($0.value.lines, $1.key) > ($1.value.lines, $0.key) }) {
            let padded = rule + String(repeating: " ", count: max(0, 24 - rule.count))
            text += "  \(padded) \(counts.lines) lines, \(counts.bytes) bytes\n"
        }
        return text
    }
}

/// What a worker made of one batch of documents.
struct CleanBatchResult: Sendable {
    var output: [UInt8] = []
    var explain: [UInt8] = []
    var stats = CleanStats()
    var failure: Failure?
    /// One line per document that lost more than half of its article-like text to one rule.
    var warnings: [String] = []
    /// Every document, for `--report` (its collector keeps a sample).
    var report: [ReportDocument] = []
}

/// Cleans the documents of a batch (worker thread).
struct CleanWorker: Sendable {
    let cleaner: Cleaner
    let mode: DocumentMode
    let policy: ErrorPolicy
    let explain: ExplainFormat?
    let normalizer: ArabicNormalizer?
    /// Tally removals per rule (`--stats`): a dictionary update per removed line otherwise spent.
    var talliesRules = true
    /// Hand each document to `--report`.
    var collectsReport = false

    func clean(_ batch: DocumentBatch) -> CleanBatchResult {
        var result = CleanBatchResult()
        result.output.reserveCapacity(batch.chunk.bytes.count)
        var keys = batch.keys.map { KeyBlob.Reader($0) }
        var fields = FieldTally()
        forEachDocument(
            in: batch, mode: mode, policy: policy, fields: &fields,
            { record in
                cleanRecord(record, source: batch.source, keys: &keys, into: &result)
            },
            problem: { problem in
                switch policy {
                case .fail:
                    let advice =
                        problem.isEncoding
                        ? "--on-error replace writes U+FFFD instead, skip leaves the record out"
                        : "--on-error skip leaves such records out"
                    result.failure = .data("\(batch.source):\(problem.line): \(problem.message) at byte \(problem.byte); \(advice)")
                    return false
                case .skip:
                    result.stats.skippedRecords += 1
                    if !problem.isEncoding { result.stats.malformedRecords += 1 }
                    return true
                case .replace:
                    if problem.isEncoding {
                        result.stats.repairedRecords += 1
                    } else {
                        result.stats.skippedRecords += 1
                        result.stats.malformedRecords += 1
                    }
                    return true
                }
            })
        result.stats.fields.add(fields)
        if let strict = fields.strictFailure, result.failure == nil { result.failure = .data(strict) }
        return result
    }

    /// Cleans one document; returns the first invalid UTF-8 offset (writing nothing) if any.
    private func cleanRecord(
        _ record: DocumentRecord, source: String, keys: inout KeyBlob.Reader?,
        into result: inout CleanBatchResult
    ) -> Int? {
        if let json = record.json, json.value == nil {
            result.output.append(contentsOf: json.line)
            result.output.append(0x0A)
            return nil
        }
        let verdict =
            keys?.withNextEntry(for: record.text) { key, lineHashes in
                cleaner.decide(
                    DocumentView(text: record.text, keyText: key, lineHashes: lineHashes, firstInvalidOffset: nil),
                    group: record.group)
            } ?? cleaner.decide(utf8: record.text, group: record.group)
        if let bad = verdict.firstInvalidOffset { return bad }
        if record.loneSurrogates > 0 {
            result.stats.loneSurrogates += record.loneSurrogates
            result.stats.recordsWithLoneSurrogates += 1
        }
        result.stats.documents += 1
        result.stats.lines += verdict.lineCount
        result.stats.bytesIn += record.text.count
        if !verdict.removals.isEmpty { result.stats.documentsChanged += 1 }
        if let loss = verdict.articleLoss {
            result.stats.documentsWithArticleLoss += 1
            var place = source
            if mode.isLineOriented { place += ":\(record.line)" }
            if let piece = record.piece { place += " (document \(piece.number), line \(record.line))" }
            result.warnings.append(
                "\(place): \(loss.rule) removed \(loss.removedBytes) of the \(loss.articleBytes) bytes of article-like text (long, punctuated paragraphs); see --explain"
            )
        }
        if talliesRules {
            for removal in verdict.removals {
                let current = result.stats.rules[removal.rule] ?? (0, 0)
                result.stats.rules[removal.rule] = (current.lines + 1, current.bytes + removal.range.count)
            }
        }
        if collectsReport {
            var place = source
            if mode.isLineOriented { place += ":\(record.line)" }
            if let piece = record.piece { place += " document \(piece.number) (line \(record.line))" }
            if let json = record.json, let id = json.id {
                place += " id " + String(decoding: UnsafeBufferPointer(rebasing: json.line[id]), as: UTF8.self)
            }
            result.report.append(ReportDocument(place: place, group: record.group, text: record.text, verdict: verdict))
        }
        switch explain {
        case .json?: appendExplanation(verdict, record: record, source: source, to: &result.explain)
        case .text?: appendReport(verdict, record: record, source: source, to: &result.explain)
        case nil: break
        }

        let before = result.output.count
        if let json = record.json, let value = json.value {
            if verdict.removals.isEmpty && normalizer == nil {
                result.output.append(contentsOf: json.line)
            } else {
                result.output.append(contentsOf: UnsafeBufferPointer(rebasing: json.line[..<value.lowerBound]))
                if let normalizer {
                    JSONText.appendString(
                        normalize(verdict.cleanedBytes(of: record.text, terminate: false), normalizer),
                        to: &result.output)
                } else {
                    // The kept lines escaped straight from the record's text.
                    result.output.append(UInt8(ascii: "\""))
                    verdict.forEachCleanedPiece(of: record.text, terminate: false) { JSONText.appendEscaped($0, to: &result.output) }
                    result.output.append(UInt8(ascii: "\""))
                }
                result.output.append(contentsOf: UnsafeBufferPointer(rebasing: json.line[value.upperBound...]))
            }
            result.output.append(0x0A)
        } else if let normalizer {
            result.output += normalize(verdict.cleanedBytes(of: record.text), normalizer)
        } else {
            verdict.appendCleaned(of: record.text, to: &result.output)
        }
        // A document cut from a longer input: its separator goes back after it.
        if let piece = record.piece { result.output.append(contentsOf: piece.separator) }
        result.stats.bytesOut += result.output.count - before
        return nil
    }

    private func normalize(_ bytes: [UInt8], _ normalizer: ArabicNormalizer) -> [UInt8] {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { _ = normalizer.normalize(utf8: $0, into: &out) }
        return out
    }

    /// {"source":…,"line":…,"id":…,"lines":…,"removed":[{"line":…,"start":…,"end":…,"rule":…,"detail":…}]}
    private func appendExplanation(
        _ verdict: DocumentVerdict, record: DocumentRecord, source: String,
        to out: inout [UInt8]
    ) {
        out.append("{\"source\":")
        JSONText.appendString(source, to: &out)
        if mode.isLineOriented {
            out.append(",\"record\":")
            out.appendDecimal(record.line)
        } else if let piece = record.piece {
            out.append(",\"document\":")
            out.appendDecimal(piece.number)
            out.append(",\"line\":")
            out.appendDecimal(record.line)
        }
        if let json = record.json, let id = json.id {
            out.append(",\"id\":")
            out.append(contentsOf: UnsafeBufferPointer(rebasing: json.line[id]))
        }
        out.append(",\"lines\":")
        out.appendDecimal(verdict.lineCount)
        out.append(",\"removed\":[")
        for (index, removal) in verdict.removals.enumerated() {
            if index > 0 { out.append(0x2C) }
            out.append("{\"line\":")
            out.appendDecimal(removal.line)
            out.append(",\"start\":")
            out.appendDecimal(removal.range.lowerBound)
            out.append(",\"end\":")
            out.appendDecimal(removal.range.upperBound)
            out.append(",\"rule\":")
            JSONText.appendString(removal.rule, to: &out)
            out.append(",\"detail\":")
            JSONText.appendString(removal.detail, to: &out)
            out.append("}")
        }
        out.append("]}\n")
    }
}

extension CleanWorker {
    /// A table for people: one header per document, one row per removed line.
    fileprivate func appendReport(
        _ verdict: DocumentVerdict, record: DocumentRecord, source: String,
        to out: inout [UInt8]
    ) {
        out.append("== \(source)")
        if mode.isLineOriented { out.append(":\(record.line)") }
        if let piece = record.piece { out.append(" document \(piece.number) (line \(record.line))") }
        out.append(": \(verdict.lineCount) lines, \(verdict.removals.count) removed\n")
        for removal in verdict.removals {
            let line = String(decoding: UnsafeBufferPointer(rebasing: record.text[removal.range]), as: UTF8.self)
            let excerpt = line.count > 60 ? String(line.prefix(60)) + "…" : line
            let detail = removal.detail.count > 40 ? String(removal.detail.prefix(40)) + "…" : removal.detail
            out.append("  line \(removal.line)\t\(removal.rule)\t\(detail)\t| \(excerpt)\n")
        }
    }
}

extension JSONText {
    static func appendString(_ bytes: [UInt8], to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendString($0, to: &output) }
    }
}

/// Counts line keys per group (worker thread for `learn` and the first pass of `clean`).
struct LearnWorker: Sendable {
    let mode: DocumentMode
    let policy: ErrorPolicy
    /// Keep each document's key text for the second pass of `clean` (``KeySpool``).
    var keepsKeys = false

    struct Result: Sendable {
        var documents: [(group: String, hashes: [UInt64])] = []
        var failure: Failure?
        var skipped = 0
        /// Of the skipped, the malformed JSON records.
        var malformed = 0
        /// Records with invalid UTF-8 counted with U+FFFD in its place (`--on-error replace`).
        var repaired = 0
        /// The batch's key blob, when kept and every record of the batch was sound.
        var keys: [UInt8]?
        /// JSON records without a string `--field` or `--group-by` value.
        var fields = FieldTally()
    }

    func count(_ batch: DocumentBatch) -> Result {
        var result = Result()
        var blob: [UInt8]? = keepsKeys ? [] : nil
        blob?.reserveCapacity(batch.chunk.bytes.count)
        if blob != nil { KeyBlob.start(&blob!) }
        var batchHashes: [UInt64] = []
        var fields = FieldTally()
        forEachDocument(
            in: batch, mode: mode, policy: policy, fields: &fields,
            { record in
                guard record.json == nil || record.json?.value != nil else { return nil }
                // The key text is read where the normalizer wrote it: copied only into the blob.
                return Cleaner.withKeyText(ofUTF8: record.text) { key, bad -> Int? in
                    if let bad { return bad }
                    let hashes = RepetitionTable.lineHashes(ofKeyText: key)
                    result.documents.append((record.group, RepetitionTable.distinctSorted(hashes)))
                    if blob != nil {
                        KeyBlob.append(text: record.text, key: key, hashCount: hashes.count, to: &blob!)
                        batchHashes.append(contentsOf: hashes)
                    }
                    return nil
                }
            },
            problem: { problem in
                // A batch with a bad record is not spooled: the second pass computes its keys.
                blob = nil
                if policy == .fail {
                    result.failure = .data("\(batch.source):\(problem.line): \(problem.message) at byte \(problem.byte)")
                    return false
                }
                if policy == .replace && problem.isEncoding {
                    result.repaired += 1
                } else {
                    result.skipped += 1
                    if !problem.isEncoding { result.malformed += 1 }
                }
                return true
            })
        result.fields = fields
        if let strict = fields.strictFailure, result.failure == nil {
            result.failure = .data(strict)
            blob = nil
        }
        if blob != nil { KeyBlob.finish(&blob!, hashes: batchHashes) }
        result.keys = blob
        return result
    }
}

/// The lines that say what happened to bad records: "skipped 2 bad record(s) (1 malformed JSON)",
/// "left out 1 malformed JSON record(s): --on-error replace repairs only invalid UTF-8",
/// "replaced invalid UTF-8 with U+FFFD in 3 record(s)".
func recordProblemLines(policy: ErrorPolicy, skipped: Int, malformed: Int, repaired: Int) -> [String] {
    var lines: [String] = []
    if policy == .replace && skipped > 0 {
        // Under replace only malformed JSON is left out.
        lines.append("left out \(skipped) malformed JSON record(s): --on-error replace repairs only invalid UTF-8")
    } else if skipped > 0 {
        lines.append("skipped \(skipped) bad record(s)" + (malformed > 0 ? " (\(malformed) malformed JSON)" : ""))
    }
    if repaired > 0 { lines.append("replaced invalid UTF-8 with U+FFFD in \(repaired) record(s)") }
    return lines
}
