import ArabicText
import ArgumentParser
import Glibc

/// How `clean` and `learn` cut their input into documents.
struct DocumentOptions: ParsableArguments {
    @Flag(help: "Input is JSON Lines: one object per line; the document is the string field --field.")
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl: the field that holds the document's text.", valueName: "name"))
    var field: String = "text"

    @Option(
        name: .customLong("group-by"),
        help: ArgumentHelp(
            "With --jsonl: the field whose value groups documents (a site). Default: the host of the 'url' field when there is one, else one group.",
            valueName: "name"))
    var groupBy: String?

    @Flag(
        help:
            "With --jsonl: a record without a string --field (or --group-by) value is an error (exit 65 with its line), not a warning after the run.")
    var strict = false

    @Flag(help: "Plain text: each line is a document (default: each file, or standard input, is one document).")
    var lines = false

    @Option(
        name: .customLong("doc-separator"),
        help: ArgumentHelp(
            "Plain text: a line equal to this string ends a document, so one file or standard input can hold several (`cat a b | nazif clean`). A form feed (\\f) always ends one too. The separator lines are written back between the cleaned documents.",
            valueName: "string"))
    var documentSeparator: String?

    @Option(
        name: .customLong("max-document-size"),
        help: ArgumentHelp(
            "The most MiB one document (a plain-text document, a line with --lines, a record with --jsonl) may have. A larger one is refused (exit 65) after reading that much, so memory stays bounded (about 6 bytes a byte of text while a document is cleaned).",
            valueName: "MiB"))
    var maxDocumentSize: Int = DocumentLimits.defaultMegabytes

    @Option(
        name: .customLong("max-document-lines"),
        help: ArgumentHelp(
            "Plain text: the most lines one document may have (about 240 bytes of memory a line while it is cleaned); more is refused (exit 65).",
            valueName: "count"))
    var maxDocumentLines: Int = DocumentLimits.defaultLines

    func validate() throws {
        if maxDocumentSize < 1 || maxDocumentSize > 1 << 20 { throw ValidationError("--max-document-size needs a number of MiB from 1 to 1048576") }
        if maxDocumentLines < 1 { throw ValidationError("--max-document-lines needs a positive count") }
        if jsonl && lines { throw ValidationError("--jsonl and --lines cannot be used together") }
        if groupBy != nil && !jsonl { throw ValidationError("--group-by needs --jsonl") }
        if strict && !jsonl { throw ValidationError("--strict needs --jsonl (it checks --field and --group-by)") }
        if field.isEmpty { throw ValidationError("--field needs a name") }
        if let documentSeparator {
            if jsonl || lines { throw ValidationError("--doc-separator is for plain text documents (not --jsonl or --lines)") }
            if documentSeparator.isEmpty || documentSeparator.utf8.contains(0x0A) {
                throw ValidationError("--doc-separator needs a string without line breaks")
            }
        }
    }

    var mode: DocumentMode {
        let limits = DocumentLimits(maxBytes: maxDocumentSize << 20, maxLines: maxDocumentLines)
        if jsonl { return .jsonl(field: Array(field.utf8), groupBy: groupBy.map { Array($0.utf8) }, strict: strict, limits: limits) }
        return lines ? .lines(limits: limits) : .files(separator: documentSeparator.map { Array($0.utf8) }, limits: limits)
    }
}

/// What a document is.
enum DocumentMode: Sendable {
    /// Each input is one document, or several: a form feed, or a line equal to `separator`,
    /// ends one (``DocumentSeparators``). A document over `limits` is refused.
    case files(separator: [UInt8]?, limits: DocumentLimits)
    /// Each line is a document; a line over `limits.maxBytes` is refused.
    case lines(limits: DocumentLimits)
    /// Each line is a JSON object; the document is the string `field`; the group is the
    /// string `groupBy`, or the host of `url`. A record over `limits.maxBytes` is refused. A
    /// record without a string `field` (or `groupBy`) is counted (``FieldTally``); with `strict`
    /// it stops the run.
    case jsonl(field: [UInt8], groupBy: [UInt8]?, strict: Bool, limits: DocumentLimits)

    /// How large one document may be.
    var limits: DocumentLimits {
        switch self {
        case .files(_, let limits), .lines(let limits), .jsonl(_, _, _, let limits): return limits
        }
    }

    var isLineOriented: Bool {
        if case .files = self { return false }
        return true
    }
}

/// A unit of work: one whole input as a document, or a chunk of line-documents.
struct DocumentBatch: Sendable {
    /// The input's name for messages.
    var source: String
    var chunk: Chunk
    /// The key text of the batch's documents from the first pass (``KeyBlob``), if spooled.
    var keys: [UInt8]? = nil
    /// Plain text: the documents of the same input in earlier batches (they are numbered on).
    var documentsBefore = 0
}

/// Feeds the inputs' batches to `pipeline`, each made into a result by `work` on a worker
/// thread, until the input ends or the pipeline stops. `attach` adds to each batch, in order,
/// on the reading thread (the second pass of `clean` attaches the spooled keys). The pipeline is finished either way
/// (also when reading fails).
func processBatches<Result: Sendable>(
    paths: [String], displayNames: [String: String] = [:], mode: DocumentMode,
    copies: [String: SpooledInput] = [:], through pipeline: OrderedPipeline<Result>,
    attach: ((inout DocumentBatch) -> Void)? = nil,
    _ work: @escaping @Sendable (DocumentBatch) -> Result
) throws {
    defer { pipeline.finish() }
    try readBatches(paths: paths, displayNames: displayNames, mode: mode, copies: copies) { batch in
        var batch = batch
        attach?(&batch)
        pipeline.submit { [batch] in work(batch) }
        return !pipeline.isStopped
    }
}

/// Reads the inputs into batches, in order: for `.files`, whole documents, about 4 MiB at a time
/// (``PlainDocumentReader``), chunks of lines otherwise. `body` returns false to stop. The inputs
/// in `copies` are copied whole to theirs as they are read.
func readBatches(
    paths: [String], displayNames: [String: String] = [:], mode: DocumentMode,
    copies: [String: SpooledInput] = [:], _ body: (DocumentBatch) throws -> Bool
) throws {
    for path in paths {
        let input = try InputFile.open(path)
        if let name = displayNames[path] { input.name = name }
        let copy = copies[path]
        if let copy { input.copyWhileReading(to: copy.descriptor) }
        switch mode {
        case .lines(let limits), .jsonl(_, _, _, let limits):
            // A document is a whole line: one longer than the bound is refused once the reader
            // has read that much of it (it cuts such a line), so memory stays bounded.
            let reader = ChunkReader(input: input, chunkSize: 256 << 10, lineSplitSize: limits.maxBytes + 1)
            while let chunk = try reader.next() {
                if !chunk.endsLine {
                    throw Failure.data(
                        "\(input.name): line \(chunk.firstLine + chunk.bytes.withUnsafeBufferPointer { LineFilter.countLineBreaks($0) }) "
                            + "is over \(limits.maxBytes >> 20) MiB (--max-document-size), the most one document may have; "
                            + "cut it into lines or raise the bound")
                }
                if try !body(DocumentBatch(source: input.name, chunk: chunk)) { return }
            }
        case .files(let separator, let limits):
            var stopped = false
            try PlainDocumentReader(input: input, separator: separator, limits: limits).read { batch in
                stopped = try !body(batch)
                return !stopped
            }
            if stopped { return }
        }
        if let copy {
            // The readers stop at the end of the input: this only makes sure of it.
            try input.readToEnd()
            copy.finishCopy()
        }
    }
}

/// One document found in a batch.
struct DocumentRecord {
    /// The line of the input it starts on (from 1).
    var line: Int
    /// The document's text (UTF-8, valid).
    var text: UnsafeBufferPointer<UInt8>
    var group: String
    /// For JSON Lines: the record's line and the range of the field's value in it.
    var json: (line: UnsafeBufferPointer<UInt8>, value: Range<Int>?, id: Range<Int>?)?
    /// For a plain-text input cut into several documents: this one's number (from 1) and the
    /// separator bytes that followed it (written back after its cleaned text; empty for the last).
    var piece: (number: Int, separator: UnsafeBufferPointer<UInt8>)? = nil
    /// For JSON Lines: lone surrogate escapes in the field, read as U+FFFD.
    var loneSurrogates = 0
}

/// Where a plain-text input is cut into documents: at every form feed (U+000C, which no article
/// contains; the line break right after it goes with it), and at every line equal to the
/// `--doc-separator` string (with its line break). Documents are never empty of bytes unless the
/// input is: separators in a row give empty documents, which stay empty.
enum DocumentSeparators {
    /// The documents' byte ranges and, after each, the separator's (empty after the last).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]?) -> [(text: Range<Int>, separator: Range<Int>)] {
        var pieces: [(Range<Int>, Range<Int>)] = []
        var start = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            var content = lineEnd
            if content > lineStart && bytes[content - 1] == 0x0D { content -= 1 }
            if let separator, content - lineStart == separator.count,
                bytes[lineStart..<content].elementsEqual(separator)
            {
                pieces.append((start..<lineStart, lineStart..<next))
                start = next
            } else if let feed = bytes[lineStart..<content].firstIndex(of: 0x0C) {
                // The form feed ends the document; a line break right after it (a form feed alone
                // at a line's end) goes with the separator.
                var separatorEnd = feed + 1
                if separatorEnd == content { separatorEnd = next }
                pieces.append((start..<feed, feed..<separatorEnd))
                start = separatorEnd
                lineStart = separatorEnd
                continue
            }
            lineStart = next
        }
        // Nothing after the last separator (an input that ends with one): no empty document.
        if start < bytes.count || pieces.isEmpty { pieces.append((start..<bytes.count, bytes.count..<bytes.count)) }
        return pieces
    }
}

/// Why a record could not be read.
struct RecordProblem: Sendable {
    var line: Int
    var byte: Int
    var message: String
    /// Invalid UTF-8 (repairable), as opposed to malformed JSON.
    var isEncoding: Bool
}

/// Walks the documents of a batch. `body` processes one document and returns nil, or — when
/// the document's bytes are not valid UTF-8, which the key computation finds for free — the
/// offset of the first bad byte without having written anything; the record then goes to
/// `problem` (which says whether to go on) and, with policy `replace`, comes back repaired.
/// Malformed JSON goes to `problem` too. JSON records without a string `--field` (or
/// `--group-by`) value are counted in `fields`; with `--strict` the first one stops the walk
/// and `fields.strictFailure` says where it is.
func forEachDocument(
    in batch: DocumentBatch, mode: DocumentMode, policy: ErrorPolicy,
    fields: inout FieldTally,
    _ body: (DocumentRecord) -> Int?,
    problem: (RecordProblem) -> Bool
) {
    batch.chunk.bytes.withUnsafeBufferPointer { bytes in
        switch mode {
        case .files(let separator, _):
            let pieces = DocumentSeparators.split(bytes, separator: separator)
            let chunk = batch.chunk
            // Line numbers counted on from the previous document, not from the batch's start.
            var firstLine = chunk.firstLine, counted = 0
            for (number, piece) in pieces.enumerated() {
                let text = UnsafeBufferPointer(rebasing: bytes[piece.text])
                firstLine += LineFilter.countLineBreaks(UnsafeBufferPointer(rebasing: bytes[counted..<piece.text.lowerBound]))
                counted = piece.text.lowerBound
                let keepGoing = withRepair(
                    text, policy: policy,
                    { text in
                        var record = DocumentRecord(line: firstLine, text: text, group: "", json: nil)
                        if pieces.count > 1 || !piece.separator.isEmpty || batch.documentsBefore > 0 {
                            record.piece = (batch.documentsBefore + number + 1, UnsafeBufferPointer(rebasing: bytes[piece.separator]))
                        }
                        return body(record) == nil ? .done : .invalidUTF8
                    },
                    report: { offset in
                        let absolute = piece.text.lowerBound + offset
                        return problem(
                            RecordProblem(
                                line: chunk.firstLine + LineFilter.countLineBreaks(UnsafeBufferPointer(rebasing: bytes[0..<absolute])),
                                byte: chunk.offset + absolute, message: "invalid UTF-8", isEncoding: true))
                    })
                if !keepGoing { return }
            }
        case .lines, .jsonl:
            var start = 0
            var line = batch.chunk.firstLine
            while start < bytes.count {
                var end = start
                if let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
                    end = UnsafeRawPointer(newline) - UnsafeRawPointer(bytes.baseAddress!)
                } else {
                    end = bytes.count
                }
                var contentEnd = end
                if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<contentEnd])
                let offset = batch.chunk.offset + start
                let currentLine = line
                let keepGoing = withRepair(
                    lineBytes, policy: policy,
                    { record in
                        recordDocument(
                            record, source: batch.source, line: currentLine, offset: offset, mode: mode,
                            fields: &fields, body, problem: problem)
                    },
                    report: { bad in
                        problem(RecordProblem(line: currentLine, byte: offset + bad, message: "invalid UTF-8", isEncoding: true))
                    })
                if !keepGoing { return }
                start = end + 1
                line += 1
            }
        }
    }
}

/// Runs `attempt` on the bytes; when it finds invalid UTF-8, reports it and, with policy
/// `replace` (and `report` saying go on), runs it again on a repaired copy. Returns whether to
/// go on.
private func withRepair(
    _ bytes: UnsafeBufferPointer<UInt8>, policy: ErrorPolicy,
    _ attempt: (UnsafeBufferPointer<UInt8>) -> AttemptResult,
    report: (Int) -> Bool
) -> Bool {
    switch attempt(bytes) {
    case .done:
        return true
    case .stop:
        return false
    case .invalidUTF8:
        // The document's own offset may sit after JSON escapes: find the byte in the raw bytes.
        let bad = UTF8Validation.firstInvalidOffset(in: bytes) ?? 0
        guard report(bad), policy == .replace else { return policy != .fail }
        let (repaired, _) = UTF8Validation.repaired(bytes)
        return repaired.withUnsafeBufferPointer { fixed in
            if case .stop = attempt(fixed) { return false }
            return true
        }
    }
}

enum AttemptResult {
    case done
    case stop
    case invalidUTF8
}

/// The document of one line (`--lines`, `--jsonl`). A JSON record is counted in `fields` once
/// its attempt is done (not when it comes back for repair).
private func recordDocument(
    _ lineBytes: UnsafeBufferPointer<UInt8>, source: String, line: Int, offset: Int,
    mode: DocumentMode, fields: inout FieldTally, _ body: (DocumentRecord) -> Int?,
    problem: (RecordProblem) -> Bool
) -> AttemptResult {
    guard case .jsonl(let field, let groupBy, let strict, _) = mode else {
        return body(DocumentRecord(line: line, text: lineBytes, group: "", json: nil)) == nil ? .done : .invalidUTF8
    }
    if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .done }  // blank lines between records
    let scanned: JSONLine
    do {
        scanned = try JSONLine(lineBytes, wanted: [field, groupBy ?? urlField, idField], decoding: field)
    } catch {
        // JSONLine throws only JSONLine.Malformed (typed throws).
        return problem(
            RecordProblem(
                line: line, byte: offset + error.offset,
                message: "malformed JSON: \(error.message)", isEncoding: false)) ? .done : .stop
    }
    var counted = FieldTally(records: 1)
    let value = scanned.fields[field].flatMap { lineBytes[$0.lowerBound] == UInt8(ascii: "\"") ? $0 : nil }
    if value == nil {
        counted.withoutField = 1
        if strict {
            fields.strictFailure = FieldTally.strictMessage(
                source: source, line: line, name: String(decoding: field, as: UTF8.self),
                option: "--field")
            return .stop
        }
    }
    var group = ""
    if let groupBy {
        if let name = scanned.string(groupBy) {
            group = String(decoding: name, as: UTF8.self)
        } else {
            counted.withoutGroup = 1
            if strict {
                fields.strictFailure = FieldTally.strictMessage(
                    source: source, line: line, name: String(decoding: groupBy, as: UTF8.self),
                    option: "--group-by")
                return .stop
            }
        }
    } else if let url = scanned.string(urlField) {
        group = urlHost(url) ?? ""
    }
    guard let value else {
        // No such string field: the record passes through unchanged (once its bytes are checked).
        if UTF8Validation.firstInvalidOffset(in: lineBytes) != nil { return .invalidUTF8 }
        let record = DocumentRecord(
            line: line, text: UnsafeBufferPointer(start: nil, count: 0), group: group,
            json: (lineBytes, nil, scanned.fields[idField]))
        guard body(record) == nil else { return .invalidUTF8 }
        fields.add(counted)
        return .done
    }
    // The bytes around the field are checked here; the field's own bytes by the key computation.
    if UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: lineBytes[..<value.lowerBound])) != nil
        || UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: lineBytes[value.upperBound...])) != nil
    {
        return .invalidUTF8
    }
    var loneSurrogates = scanned.loneSurrogates
    let decoded =
        scanned.decoded
        ?? JSONLine.decodeString(
            UnsafeBufferPointer(rebasing: lineBytes[(value.lowerBound + 1)..<(value.upperBound - 1)]),
            loneSurrogates: &loneSurrogates)
    let bad = decoded.withUnsafeBufferPointer { text in
        var record = DocumentRecord(line: line, text: text, group: group, json: (lineBytes, value, scanned.fields[idField]))
        record.loneSurrogates = loneSurrogates
        return body(record)
    }
    guard bad == nil else { return .invalidUTF8 }
    fields.add(counted)
    return .done
}

let urlField = Array("url".utf8)
let idField = Array("id".utf8)
