import ArgumentParser
import Glibc

/// `--jsonl --field NAME` of the line-by-line commands (`normalize`, `tokenize`): each line is a
/// JSON object, and only the string value of one field is transformed.
struct JSONFieldOptions: ParsableArguments {
    @Flag(
        help:
            "Input is JSON Lines: one object per line; only the string field --field is transformed and every other byte of the record is written as it was."
    )
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl: the field to transform.", valueName: "name"))
    var field: String = "text"

    @Flag(help: "With --jsonl: a record without a string --field value is an error (exit 65 with its line), not a warning after the run.")
    var strict = false

    func validate() throws {
        if field.isEmpty { throw ValidationError("--field needs a name") }
        if strict && !jsonl { throw ValidationError("--strict needs --jsonl (it checks --field)") }
    }
}

/// What a line filter's transform made of one chunk.
struct TransformOutput {
    var bytes: [UInt8]
    var records = RecordCounts()
    /// The first malformed record (fail policy); the output stops before it.
    var malformed: MalformedRecord? = nil
}

/// A JSON Lines record that breaks the grammar, or (`--strict`) has no string `--field` value.
struct MalformedRecord: Sendable {
    /// Line breaks in the chunk before the record's line.
    var lineBreaksBefore: Int
    /// The byte where the grammar breaks, from the start of the input.
    var offset: Int
    var message: String
    /// The record is well formed but has no string `--field` value (`--strict`).
    var isMissingField = false
}

/// What happened to the records of a run (or a chunk), reported on standard error at the end.
struct RecordCounts: Sendable {
    /// Records read, and those with no string field of the name (written unchanged).
    var fields = FieldTally()
    /// Malformed records written unchanged (`--on-error replace`).
    var malformedKept = 0
    /// Lone surrogate escapes (`\ud800` without its pair) read as U+FFFD, and their records.
    var loneSurrogates = 0
    var recordsWithLoneSurrogates = 0

    mutating func add(_ other: RecordCounts) {
        fields.add(other.fields)
        malformedKept += other.malformedKept
        loneSurrogates += other.loneSurrogates
        recordsWithLoneSurrogates += other.recordsWithLoneSurrogates
    }

    /// The lines to print on standard error after the run.
    func warnings(field: String) -> [String] {
        var lines: [String] = []
        if malformedKept > 0 {
            lines.append("\(malformedKept) malformed JSON record(s) written unchanged (--on-error replace)")
        }
        lines += fields.warnings(field: field, groupBy: nil)
        if loneSurrogates > 0 {
            lines.append(
                "read \(loneSurrogates) lone surrogate escape(s) (\\ud800-\\udfff without a pair) as U+FFFD in \(recordsWithLoneSurrogates) record(s)"
            )
        }
        return lines
    }
}

/// Rewrites one string field of each JSON Lines record, leaving every other byte of the record
/// (the other fields, their order and spacing, the line break) as it was. Blank lines pass
/// through; a record without the field (or whose value is not a string) passes through unchanged
/// and is counted; when a name appears twice in a record, the first is the field (as in `clean`).
///
/// ```swift
/// let rewriter = JSONFieldRewriter(fieldName: "text") { text, scratch, out in
///     JSONText.appendString(text, to: &out)   // the identity: the field re-escaped
/// }
/// ```
struct JSONFieldRewriter: Sendable {
    /// The field's name as given to `--field`.
    let fieldName: String
    /// Appends the field's new JSON value (quotes or brackets included) to `out`, from its
    /// decoded text (valid UTF-8). `scratch` is a buffer the closure may use as it likes.
    let newValue: @Sendable (_ text: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8], _ out: inout [UInt8]) -> Void

    /// `--strict`: a record without a string field of the name stops the run.
    let strict: Bool

    init(
        fieldName: String, strict: Bool = false,
        newValue: @escaping @Sendable (UnsafeBufferPointer<UInt8>, inout [UInt8], inout [UInt8]) -> Void
    ) {
        self.fieldName = fieldName
        self.strict = strict
        self.newValue = newValue
    }

    /// The chunk (whole records, valid UTF-8) with each record's field rewritten. With the fail
    /// policy the output stops before the first malformed record, which `malformed` describes;
    /// otherwise a malformed record is written unchanged and counted. With `strict`, the output
    /// stops before the first record without the field in the same way.
    func rewrite(_ chunk: LineChunk, policy: ErrorPolicy) -> TransformOutput {
        let field = Array(fieldName.utf8)
        let wanted = [field]
        var result = TransformOutput(bytes: [])
        result.bytes.reserveCapacity(chunk.bytes.count + chunk.bytes.count / 8 + 16)
        var scratch: [UInt8] = []
        var lineBreaks = 0
        var start = 0
        let bytes = chunk.bytes
        while start < bytes.count {
            // SAFETY: memchr reads bytes[start..<count], inside the chunk; start < count here.
            let end =
                memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) } ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let lineBreak = UnsafeBufferPointer(rebasing: bytes[end..<min(end + 1, bytes.count)])
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                result.bytes.append(contentsOf: line)
            } else {
                do {
                    let scanned = try JSONLine(line, wanted: wanted, decoding: field)
                    result.records.fields.records += 1
                    if let value = scanned.fields[field], line[value.lowerBound] == UInt8(ascii: "\"") {
                        var loneSurrogates = scanned.loneSurrogates
                        let decoded =
                            scanned.decoded
                            ?? JSONLine.decodeString(
                                UnsafeBufferPointer(rebasing: line[(value.lowerBound + 1)..<(value.upperBound - 1)]),
                                loneSurrogates: &loneSurrogates)
                        if loneSurrogates > 0 {
                            result.records.loneSurrogates += loneSurrogates
                            result.records.recordsWithLoneSurrogates += 1
                        }
                        result.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<value.lowerBound]))
                        decoded.withUnsafeBufferPointer { newValue($0, &scratch, &result.bytes) }
                        result.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[value.upperBound...]))
                    } else {
                        result.records.fields.withoutField += 1
                        if strict {
                            result.malformed = MalformedRecord(
                                lineBreaksBefore: lineBreaks, offset: chunk.offset + start,
                                message: "", isMissingField: true)
                            return result
                        }
                        result.bytes.append(contentsOf: line)
                    }
                } catch {
                    // JSONLine throws only JSONLine.Malformed (typed throws).
                    if policy == .fail {
                        result.malformed = MalformedRecord(
                            lineBreaksBefore: lineBreaks,
                            offset: chunk.offset + start + error.offset,
                            message: error.message)
                        return result
                    }
                    result.records.malformedKept += 1
                    result.bytes.append(contentsOf: line)
                }
            }
            result.bytes.append(contentsOf: lineBreak)
            lineBreaks += lineBreak.count
            start = end + 1
        }
        return result
    }
}
