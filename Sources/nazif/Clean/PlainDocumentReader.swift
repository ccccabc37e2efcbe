import Glibc

/// How large one plain-text document may be. A file (or a piece of one between separators) is
/// one document, which the cleaner holds whole with its per-line tables: about 6 bytes of memory
/// per byte of ordinary text and about 240 bytes per line, so a bound on both keeps memory
/// bounded whatever the input's shape. Articles are far below both (the seeds: 3–12 KB, 60–150
/// lines). Over either bound the input is refused (exit 65) after reading at most that much,
/// with advice: cut it into documents (`--lines`, `--doc-separator`, form feeds) or raise the
/// bound.
struct DocumentLimits: Sendable, Equatable {
    /// The most bytes one plain-text document may have.
    var maxBytes: Int
    /// The most lines one plain-text document may have.
    var maxLines: Int

    static let defaultMegabytes = 64
    static let defaultLines = 1_000_000
    static let standard = DocumentLimits(maxBytes: defaultMegabytes << 20, maxLines: defaultLines)
}

/// Reads a plain-text input as whole documents, in batches of about `batchSize` bytes that end
/// where a document ends (after a form feed or a separator line), so a file of many documents
/// streams in flat memory and the cleaner sees exactly the documents it would see in one piece
/// (`DocumentSeparators.split`). A file without separators is one batch, as before; a document
/// over the limits is refused before more of it is read.
struct PlainDocumentReader {
    let input: InputFile
    let separator: [UInt8]?
    let limits: DocumentLimits
    var batchSize = 4 << 20

    /// Calls `body` with each batch in order; `body` returns false to stop.
    func read(_ body: (DocumentBatch) throws -> Bool) throws {
        // Lines longer than the byte limit are cut by the reader, so a single huge line is
        // refused too, after reading about the limit.
        let reader = ChunkReader(input: input, chunkSize: 1 << 20, lineSplitSize: limits.maxBytes + 1)
        var pending: [UInt8] = []
        var scan = BoundaryScan()
        var documentsBefore = 0
        var pendingOffset = 0
        var pendingLine = 1
        var emitted = false

        func emit(upTo end: Int, documents: Int) throws -> Bool {
            let bytes: [UInt8]
            if end == pending.count {
                bytes = pending
                pending = []
            } else {
                bytes = Array(pending[..<end])
                pending.removeSubrange(..<end)
            }
            let chunk = Chunk(bytes: bytes, offset: pendingOffset, firstLine: pendingLine, startsLine: true, endsLine: true)
            let batch = DocumentBatch(source: input.name, chunk: chunk, documentsBefore: documentsBefore)
            documentsBefore += documents
            pendingOffset += end
            pendingLine += chunk.bytes.withUnsafeBufferPointer { LineFilter.countLineBreaks($0) }
            scan.shift(by: end)
            emitted = true
            return try body(batch)
        }

        while let chunk = try reader.next() {
            // A cut line is longer than the byte bound on its own: refuse it at once.
            let lineTooLong = !chunk.endsLine
            pending.append(contentsOf: chunk.bytes)
            pending.withUnsafeBufferPointer { scan.advance(over: $0, separator: separator) }
            if let boundary = scan.lastBoundary, boundary >= batchSize {
                if try !emit(upTo: boundary, documents: scan.documentsEnded) { return }
            }
            let open = pending.count - (scan.lastBoundary ?? 0)
            if lineTooLong || open > limits.maxBytes || scan.linesInOpenDocument > limits.maxLines {
                throw tooLarge(
                    documentNumber: documentsBefore + scan.documentsEnded + 1,
                    numbered: separator != nil || documentsBefore + scan.documentsEnded > 0,
                    line: pendingLine
                        + pending.withUnsafeBufferPointer {
                            LineFilter.countLineBreaks(UnsafeBufferPointer(rebasing: $0[..<(scan.lastBoundary ?? 0)]))
                        }, bytes: lineTooLong || open > limits.maxBytes)
            }
        }
        // The rest, or the one empty document of an empty input.
        if !pending.isEmpty || !emitted {
            _ = try emit(upTo: pending.count, documents: 0)
        }
    }

    private func tooLarge(documentNumber: Int, numbered: Bool, line: Int, bytes: Bool) -> Failure {
        let which = numbered ? "document \(documentNumber), from line \(line)," : "the document"
        let bound =
            bytes
            ? "\(limits.maxBytes >> 20) MiB (--max-document-size)"
            : "\(limits.maxLines) lines (--max-document-lines)"
        return .data(
            "\(input.name): \(which) is over \(bound), the most one plain-text document may have; "
                + "cut the input into documents (--lines: one a line; --doc-separator STRING or form feeds between them; --jsonl) "
                + "or raise the bound")
    }
}

/// Finds, line by line, where documents end in bytes that arrive a chunk at a time: the same
/// cuts as ``DocumentSeparators/split(_:separator:)`` (a form feed, a line equal to the
/// separator), found only in complete lines so a cut is never decided on half a line.
struct BoundaryScan {
    /// Where the next unscanned line starts.
    private(set) var position = 0
    /// The end of the last document found (after its separator), if any.
    private(set) var lastBoundary: Int? = nil
    /// Documents ended before `lastBoundary`.
    private(set) var documentsEnded = 0
    /// Lines scanned since the last boundary.
    private(set) var linesInOpenDocument = 0

    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]?) {
        guard let base = bytes.baseAddress else { return }
        var lineStart = position
        while lineStart < bytes.count {
            // SAFETY: lineStart < bytes.count, so the search stays inside the buffer.
            guard let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { break }
            let lineEnd = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let next = lineEnd + 1
            var content = lineEnd
            if content > lineStart && bytes[content - 1] == 0x0D { content -= 1 }
            linesInOpenDocument += 1
            if let separator, content - lineStart == separator.count,
                bytes[lineStart..<content].elementsEqual(separator)
            {
                end(at: next)
            } else if let feed = bytes[lineStart..<content].firstIndex(of: 0x0C) {
                let separatorEnd = feed + 1 == content ? next : feed + 1
                end(at: separatorEnd)
                lineStart = separatorEnd
                continue
            }
            lineStart = next
        }
        position = lineStart
    }

    private mutating func end(at boundary: Int) {
        lastBoundary = boundary
        documentsEnded += 1
        linesInOpenDocument = 0
    }

    /// The first `count` bytes were handed on (up to the last boundary).
    mutating func shift(by count: Int) {
        position -= count
        if let boundary = lastBoundary {
            lastBoundary = boundary == count ? nil : boundary - count
        }
        documentsEnded = 0
    }
}
