import Glibc

/// A run of whole lines read from one input (or a piece of one very long line).
struct Chunk: Sendable {
    var bytes: [UInt8]
    /// The byte offset of the chunk's first byte in its input.
    var offset: Int
    /// The number (from 1) of the line the chunk starts in.
    var firstLine: Int = 1
    /// False when the chunk starts inside a line (a line longer than the split size was cut).
    var startsLine: Bool
    /// False when the chunk stops inside a line.
    var endsLine: Bool
}

/// Reads an input in chunks that end at line breaks, so chunks can be processed independently
/// and in parallel. Memory stays flat: a chunk is about `chunkSize` bytes. A line longer than
/// `lineSplitSize` is cut before a white-space run (or, failing that, before any ASCII byte or
/// scalar start) and marked as continuing.
final class ChunkReader {
    let input: InputFile
    let chunkSize: Int
    let lineSplitSize: Int
    /// Whether chunks carry their first line's number (a pass over every byte on the reading
    /// thread; the line filter counts on its workers instead).
    let numbersLines: Bool
    private var carry: [UInt8] = []
    private var carryStartsLine = true
    private var offset = 0
    private var lineNumber = 1
    private var atEnd = false

    init(
        input: InputFile, chunkSize: Int = 1 << 20, lineSplitSize: Int = 16 << 20,
        numbersLines: Bool = true
    ) {
        self.input = input
        self.chunkSize = chunkSize
        self.numbersLines = numbersLines
        self.lineSplitSize = max(lineSplitSize, chunkSize)
    }

    func next() throws -> Chunk? {
        var readSize = chunkSize
        while true {
            var buffer = carry
            carry = []
            // Never past the split size (by more than a chunk): a line too long to keep whole
            // costs at most about that much memory before it is cut.
            try fill(&buffer, adding: buffer.count < lineSplitSize ? min(readSize, lineSplitSize - buffer.count) : readSize)
            let startsLine = carryStartsLine
            let chunkOffset = offset
            if let newline = lastNewline(in: buffer) {
                carry = Array(buffer[(newline + 1)...])
                buffer.removeSubrange((newline + 1)...)
                carryStartsLine = true
                offset += buffer.count
                return numbered(Chunk(bytes: buffer, offset: chunkOffset, startsLine: startsLine, endsLine: true))
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                offset += buffer.count
                carryStartsLine = true
                return numbered(Chunk(bytes: buffer, offset: chunkOffset, startsLine: startsLine, endsLine: true))
            }
            if buffer.count >= lineSplitSize {
                let cut = Self.splitPoint(in: buffer)
                carry = Array(buffer[cut...])
                buffer.removeSubrange(cut...)
                carryStartsLine = false
                offset += buffer.count
                return numbered(Chunk(bytes: buffer, offset: chunkOffset, startsLine: startsLine, endsLine: false))
            }
            // No line break yet: keep the bytes and read more.
            carry = buffer
            readSize = max(readSize, buffer.count)
        }
    }

    /// Appends up to `count` bytes from the input, read straight into the array's storage.
    /// Regular files fill the request; pipes stop early once a line break has arrived, so
    /// interactive use sees its lines promptly.
    private func fill(_ buffer: inout [UInt8], adding count: Int) throws {
        guard !atEnd else { return }
        var failure: Failure? = nil
        var reachedEnd = false
        let input = self.input
        let start = buffer.count
        buffer = [UInt8](unsafeUninitializedCapacity: start + count) { storage, initialized in
            // SAFETY: storage has room for start + count bytes; the old bytes are copied into the
            // first `start`, reads go into the rest, and `initialized` counts exactly those.
            let base = storage.baseAddress!
            buffer.withUnsafeBufferPointer { old in
                if start > 0 { base.initialize(from: old.baseAddress!, count: start) }
            }
            var filled = start
            while filled < storage.count {
                let got: Int
                do {
                    got = try input.read(into: base + filled, count: storage.count - filled)
                } catch let error as Failure {
                    failure = error
                    break
                } catch {
                    failure = .io("\(input.name): \(error)")
                    break
                }
                if got == 0 {
                    reachedEnd = true
                    break
                }
                let newData = UnsafeBufferPointer(start: base + filled, count: got)
                filled += got
                if !input.isRegularFile && memchr(newData.baseAddress!, 0x0A, got) != nil { break }
            }
            initialized = filled
        }
        if reachedEnd { atEnd = true }
        if let failure { throw failure }
    }

    /// Stamps the chunk with its first line number and counts its line breaks (when asked to).
    private func numbered(_ chunk: Chunk) -> Chunk {
        guard numbersLines else { return chunk }
        var chunk = chunk
        chunk.firstLine = lineNumber
        lineNumber += chunk.bytes.withUnsafeBufferPointer { LineFilter.countLineBreaks($0) }
        return chunk
    }

    private func lastNewline(in buffer: [UInt8]) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            var index = bytes.count - 1
            while index >= 0 {
                if bytes[index] == 0x0A { return index }
                index -= 1
            }
            return nil
        }
    }

    /// Where to cut a very long line: before its last run of spaces, else before its last ASCII
    /// byte, else before its last scalar's first byte.
    static func splitPoint(in buffer: [UInt8]) -> Int {
        var index = buffer.count - 1
        let floor = buffer.count / 2
        while index > floor {
            if (buffer[index] == 0x20 || buffer[index] == 0x09)
                && buffer[index - 1] != 0x20 && buffer[index - 1] != 0x09
            {
                return index
            }
            index -= 1
        }
        index = buffer.count - 1
        while index > floor {
            if buffer[index] < 0x80 { return index }
            index -= 1
        }
        index = buffer.count - 1
        while index > 1 && buffer[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
