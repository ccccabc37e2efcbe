import ArabicText
import Glibc

/// A chunk of whole lines handed to a subcommand's transform, valid UTF-8 guaranteed.
struct LineChunk {
    /// The lines' bytes (ending with a line break unless `endsLine` is false or the input ended).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the first byte in the input, for commands that report byte positions.
    let offset: Int
    /// False when the chunk begins inside a very long line cut by the reader.
    let startsLine: Bool
    /// False when the chunk stops inside such a line.
    let endsLine: Bool
}

/// What a worker made of one chunk.
struct ChunkResult: Sendable {
    var output: [UInt8]
    /// Line breaks in the part of the input that was processed.
    var lineBreaks: Int
    var replacements: Int
    /// The first invalid byte (fail policy): its offset in the input and its column in its line.
    var invalid: (offset: Int, column: Int)?
    /// With `--jsonl`: what happened to the chunk's records.
    var records = RecordCounts()
    /// With `--jsonl` and the fail policy: the first malformed record (`lineBreaks` counts the
    /// lines before it).
    var malformed: MalformedRecord?

    init(
        output: [UInt8], lineBreaks: Int, replacements: Int, invalid: (offset: Int, column: Int)?,
        records: RecordCounts = RecordCounts(), malformed: MalformedRecord? = nil
    ) {
        self.output = output
        self.lineBreaks = lineBreaks
        self.replacements = replacements
        self.invalid = invalid
        self.records = records
        self.malformed = malformed
    }
}

/// Drives a line-oriented subcommand: reads the inputs in chunks of whole lines, checks UTF-8,
/// transforms chunks in parallel and writes the results in input order. Memory stays flat.
struct LineFilter {
    let command: String
    let options: LineInputOptions
    /// Turns a chunk into output bytes. Runs on worker threads.
    let transform: @Sendable (LineChunk) -> [UInt8]
    /// Optionally, a transform that checks UTF-8 as it goes and returns the first invalid offset:
    /// valid chunks (nearly all) then skip the separate validation pass.
    var checkingTransform: (@Sendable (LineChunk) -> (output: [UInt8], firstInvalid: Int?))? = nil
    /// Lines longer than this are cut (before a space) and transformed in pieces.
    var lineSplitSize = 16 << 20
    /// With `--jsonl --field`: rewrites the field of each record (replacing `transform`); records
    /// are never cut.
    var fieldRewriter: JSONFieldRewriter? = nil

    init(command: String, options: LineInputOptions, transforms: LineTransforms) {
        self.command = command
        self.options = options
        self.transform = transforms.transform
        self.checkingTransform = transforms.checking
        self.fieldRewriter = transforms.fieldRewriter
    }

    func run() throws {
        let paths = options.paths
        try InputFile.checkReadable(paths)
        let sink = try OutputSink.make(path: options.output)
        let state = FilterState(sink: sink)
        let progress = ProgressMeter(command: command, show: options.progress)
        progress.begin(
            pass: "reading", totalBytes: ProgressMeter.totalSize(of: paths),
            unit: fieldRewriter == nil ? "lines" : "records")
        defer { progress.finish() }
        for (index, path) in paths.enumerated() {
            let input = try InputFile.open(path)
            try filter(input, state: state, progress: progress)
            if state.failure != nil || sink.isClosed { break }
            // Keep files' lines apart when one does not end with a line break.
            if index + 1 < paths.count && !state.outputEndsLine {
                try sink.write([0x0A])
                state.outputEndsLine = true
            }
        }
        progress.finish()
        if let failure = state.failure {
            sink.discard()
            throw failure
        }
        try sink.commit()
        if state.replacements > 0 {
            reportError("nazif \(command): replaced \(state.replacements) invalid UTF-8 sequence(s) with U+FFFD")
        }
        if let fieldRewriter {
            for line in state.records.warnings(field: fieldRewriter.fieldName) { reportError("nazif \(command): \(line)") }
        }
    }

    private func filter(_ input: InputFile, state: FilterState, progress: ProgressMeter) throws {
        // Chunks of 256 KiB: the input, its output and the normalizer's buffer stay in a core's
        // L2 cache, and the last chunk (one core busy, the other idle) is short. 1 MiB chunks
        // measured 44 ms for the 20 MB corpus, 256 KiB ones 35 ms (medians of 21 runs).
        let reader = ChunkReader(
            input: input, chunkSize: 256 << 10,
            lineSplitSize: fieldRewriter == nil ? lineSplitSize : Int.max / 2,
            numbersLines: false)
        let policy = options.onError
        let transform: @Sendable (LineChunk) -> TransformOutput
        if let fieldRewriter {
            transform = { fieldRewriter.rewrite($0, policy: policy) }
        } else {
            let plain = self.transform
            transform = { TransformOutput(bytes: plain($0)) }
        }
        let checkingTransform = fieldRewriter == nil ? self.checkingTransform : nil
        let name = input.name
        let fieldName = fieldRewriter?.fieldName ?? ""
        var lineNumber = 1
        let pipeline = OrderedPipeline<ChunkResult>(threads: options.threadCount) { result in
            do {
                try state.sink.write(result.output)
            } catch {
                state.failure = error as? Failure ?? .io("\(error)")
                return false
            }
            if let last = result.output.last { state.outputEndsLine = last == 0x0A }
            state.replacements += result.replacements
            state.records.add(result.records)
            if let malformed = result.malformed, malformed.isMissingField {
                state.failure = .data(
                    FieldTally.strictMessage(
                        source: name, line: lineNumber + result.lineBreaks,
                        name: fieldName, option: "--field"))
                return false
            }
            if let malformed = result.malformed {
                state.failure = .data(
                    "\(name):\(lineNumber + result.lineBreaks): malformed JSON: \(malformed.message) "
                        + "at byte \(malformed.offset); --on-error replace writes such records unchanged")
                return false
            }
            if let invalid = result.invalid {
                state.failure = Self.invalidUTF8(
                    in: name, line: lineNumber + result.lineBreaks,
                    offset: invalid.offset, column: invalid.column)
                return false
            }
            lineNumber += result.lineBreaks
            return !state.sink.isClosed
        }
        do {
            while !pipeline.isStopped, let chunk = try reader.next() {
                pipeline.submit {
                    let result = Self.process(chunk, policy: policy, transform: transform, checking: checkingTransform)
                    progress.completed(bytes: chunk.bytes.count, documents: result.lineBreaks)
                    return result
                }
            }
        } catch {
            pipeline.finish()
            state.failure = state.failure ?? (error as? Failure ?? .io("\(name): \(error)"))
            return
        }
        pipeline.finish()
    }

    /// Checks a chunk's UTF-8 and transforms it (worker thread).
    static func process(
        _ chunk: Chunk, policy: ErrorPolicy, transform: (LineChunk) -> TransformOutput,
        checking: ((LineChunk) -> (output: [UInt8], firstInvalid: Int?))? = nil
    ) -> ChunkResult {
        chunk.bytes.withUnsafeBufferPointer { bytes in
            if let checking {
                let attempt = checking(
                    LineChunk(
                        bytes: bytes, offset: chunk.offset,
                        startsLine: chunk.startsLine, endsLine: chunk.endsLine))
                if attempt.firstInvalid == nil {
                    return ChunkResult(
                        output: attempt.output, lineBreaks: countLineBreaks(bytes),
                        replacements: 0, invalid: nil)
                }
                // Rare: invalid UTF-8. Redo the chunk the general way, which reports or repairs it.
            }
            guard let bad = UTF8Validation.firstInvalidOffset(in: bytes) else {
                let output = transform(
                    LineChunk(
                        bytes: bytes, offset: chunk.offset,
                        startsLine: chunk.startsLine, endsLine: chunk.endsLine))
                return result(output, lineBreaks: countLineBreaks(bytes), replacements: 0, invalid: nil)
            }
            if policy == .fail {
                // Transform the lines before the bad one, then report it.
                var lineStart = bad
                while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                let before = UnsafeBufferPointer(rebasing: bytes[0..<lineStart])
                let output =
                    lineStart == 0
                    ? TransformOutput(bytes: [])
                    : transform(
                        LineChunk(
                            bytes: before, offset: chunk.offset, startsLine: chunk.startsLine, endsLine: true))
                return result(
                    output, lineBreaks: countLineBreaks(before), replacements: 0,
                    invalid: (chunk.offset + bad, bad - lineStart))
            }
            let (repaired, count) = UTF8Validation.repaired(bytes)
            let output = repaired.withUnsafeBufferPointer { fixed in
                transform(
                    LineChunk(
                        bytes: fixed, offset: chunk.offset, startsLine: chunk.startsLine,
                        endsLine: chunk.endsLine))
            }
            return result(output, lineBreaks: countLineBreaks(bytes), replacements: count, invalid: nil)
        }
    }

    /// A chunk's result from its transform's output. A malformed record (fail policy) stops the
    /// chunk there, before any invalid UTF-8 further on.
    private static func result(
        _ output: TransformOutput, lineBreaks: Int, replacements: Int,
        invalid: (offset: Int, column: Int)?
    ) -> ChunkResult {
        if let malformed = output.malformed {
            return ChunkResult(
                output: output.bytes, lineBreaks: malformed.lineBreaksBefore,
                replacements: replacements, invalid: nil, records: output.records,
                malformed: malformed)
        }
        return ChunkResult(
            output: output.bytes, lineBreaks: lineBreaks, replacements: replacements,
            invalid: invalid, records: output.records)
    }

    /// The failure for ill-formed UTF-8 at `offset` (0-based), `column` bytes into line `line`.
    static func invalidUTF8(in name: String, line: Int, offset: Int, column: Int) -> Failure {
        .data(
            "\(name):\(line): invalid UTF-8 at byte \(offset) (byte \(column + 1) of the line); "
                + "--on-error replace writes U+FFFD instead")
    }

    /// Calls `body` for each line: its content (without "\n" or "\r\n") and whether a line
    /// break follows it. A chunk ending with a line break has no empty line after it.
    static func forEachLine(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ content: UnsafeBufferPointer<UInt8>, _ lineBreak: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let end =
                memchr(base + start, 0x0A, bytes.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            body(
                UnsafeBufferPointer(rebasing: bytes[start..<contentEnd]),
                UnsafeBufferPointer(rebasing: bytes[contentEnd..<min(end + 1, bytes.count)]))
            start = end + 1
        }
    }

    static func countLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        ByteCount.occurrences(of: 0x0A, in: bytes)
    }
}

/// Mutable state of one run, touched by the pipeline's consumer (one thread at a time) and read
/// by the main thread after the pipeline finished.
final class FilterState: @unchecked Sendable {
    // SAFETY (@unchecked): written only inside OrderedPipeline's consume callback, which runs on
    // one thread at a time; read by the main thread only after finish() (a happens-after edge).
    let sink: OutputSink
    var failure: Failure?
    var replacements = 0
    var records = RecordCounts()
    var outputEndsLine = true

    init(sink: OutputSink) { self.sink = sink }
}
