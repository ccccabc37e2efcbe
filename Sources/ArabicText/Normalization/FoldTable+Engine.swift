/// Whitespace state carried along a text: a space waiting to be written before the next visible
/// character, and whether the current line has had a visible character yet.
struct FoldState {
    /// The offset of the first ill-formed byte sequence seen (written as U+FFFD), if any.
    var firstInvalidOffset: Int? = nil
    var pendingSpace = false
    var atLineStart = true
    /// Where the pending space run began in the source, for offset maps.
    var pendingSpaceSource = 0
    var pendingSpaceSourceLength = 0
}

/// Scratch buffers for the slow path, allocated on first use.
final class SlowPathScratch {
    var filtered = ByteWriter(capacity: 64)
    var normalized = ByteWriter(capacity: 64)
    var folded = ByteWriter(capacity: 64)
}

/// The fold loop's output cursor: the writer's base, count and capacity held in locals
/// (registers) while the loop runs, written back to the writer before anything else touches it.
struct FoldOutputCursor {
    var destination: UnsafeMutablePointer<UInt8>
    var written: Int
    var capacity: Int

    @inline(__always)
    init(_ out: borrowing ByteWriter) {
        destination = out.base
        written = out.count
        capacity = out.capacity
    }

    /// Makes room for `room` more bytes: when they do not fit, grows the writer by `reserving`.
    @inline(__always)
    mutating func ensure(room: Int, reserving: Int, in out: inout ByteWriter) {
        if written &+ room > capacity {
            out.count = written
            out.reserve(reserving)
            destination = out.base
            capacity = out.capacity
        }
    }

    /// Takes the writer's state after someone else (the slow path) wrote to it.
    @inline(__always)
    mutating func reload(from out: borrowing ByteWriter) {
        written = out.count
        destination = out.base
        capacity = out.capacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        destination[written] = byte
        written &+= 1
    }

    @inline(__always)
    mutating func copy(_ source: UnsafePointer<UInt8>, length: Int) {
        for offset in 0..<length { destination[written &+ offset] = source[offset] }
        written &+= length
    }
}

/// Where the slow path rolls back to: the last normalization boundary in the source and the
/// output, and the whitespace state there.
struct FoldRollbackPoint {
    var source = 0
    var output: Int
    var state: FoldState
    /// True when the point lies inside a run of plain text, where the state is always
    /// "mid-line, no space pending" and is not saved character by character.
    var isPlain = false

    /// Marks a boundary outside a plain run, saving the state.
    @inline(__always)
    mutating func mark(source: Int, output: Int, state: FoldState) {
        self.source = source
        self.output = output
        self.state = state
        isPlain = false
    }

    /// Marks a boundary inside a plain run (the state there is implied).
    @inline(__always)
    mutating func markPlain(source: Int, output: Int) {
        self.source = source
        self.output = output
        isPlain = true
    }
}

// The normalizer's single pass over UTF-8.
//
// Fast path: a code point whose quick check is "yes" for the Unicode form, and whose combining
// class keeps canonical order, is unchanged by ICU, so its fold entry applies directly. That is
// nearly every character of real Arabic text.
//
// Slow path: anything else (presentation forms, a mark out of order, a hamza or madda that may
// compose with the letter before it) rolls the output back to the last normalization boundary,
// hands that segment to ICU's normalizeUTF8, folds ICU's output and writes it. Folding can make
// new text that composes (ی → ي before ◌ٔ gives ئ), so a segment is normalized and folded
// until it stops changing: the result is a fixed point, which is what makes profiles idempotent.
extension FoldTable {
    /// Folds `input` into `out`, carrying `state` across calls. `blockKernel` allows the SIMD
    /// block kernel where the processor has it (tests turn it off to compare the two loops).
    func run<Recorder: OffsetRecorder>(
        _ input: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter, state: inout FoldState,
        recorder: inout Recorder, blockKernel: Bool = true
    ) {
        let count = input.count
        guard count > 0, let source = input.baseAddress else { return }
        let entries = self.entries
        out.reserve(count + 16)
        var cursor = FoldOutputCursor(out)
        var current = state
        var index = 0
        var rollback = FoldRollbackPoint(output: cursor.written, state: current)
        var lastCombiningClass: UInt8 = 0
        var scratch: SlowPathScratch? = nil
        // The block kernel, where the processor has it and no offsets are recorded (it writes
        // whole blocks without telling the recorder about each character).
        let blockMap = Recorder.self == NoOffsets.self && blockKernel ? self.blockMap : nil
        // Where the block kernel may be tried again after it stopped short.
        var blockRetry = 0

        while index < count {
            // SAFETY: every read below is at index or index + 1, both checked against count;
            // writes stay below `capacity`, kept ahead of `written` by the check before them.
            let lead = source[index]
            var entry: FoldEntry
            var length: Int
            if lead < 0x80 {
                entry = entries[Int(lead)]
                length = 1
            } else if lead >= 0xC2 && lead <= 0xDF && index &+ 1 < count
                && source[index &+ 1] & 0xC0 == 0x80
            {
                entry = entries[Int(lead & 0x1F) << 6 | Int(source[index &+ 1] & 0x3F)]
                length = 2
            } else {
                let decoded = input.decodeMultiByte(at: index, lead: UInt32(lead))
                length = decoded.length
                if decoded.isWellFormed {
                    entry = self.entry(decoded.value)
                } else {
                    entry = Self.replacementCharacterEntry
                    if current.firstInvalidOffset == nil { current.firstInvalidOffset = index }
                }
            }
            cursor.ensure(room: 8, reserving: 8 &+ (count &- index), in: &out)

            // The common case: a character copied as it is, with nothing to normalize, and the
            // run of such characters (and single spaces between them) that usually follows.
            if entry.meta == FoldEntry.plainCopy {
                // (Replacements enter the run below, after the general path writes them.)
                rollback.mark(source: index, output: cursor.written, state: current)
                writePendingSpace(&current, &cursor, recorder: &recorder)
                current.atLineStart = false
                recorder.identity(source: index, length: length, output: cursor.written)
                cursor.copy(source + index, length: length)
                index &+= length
                cursor.ensure(room: count &- index &+ 16, reserving: count &- index &+ 16, in: &out)
                lastCombiningClass = plainRun(
                    source, count: count, index: &index, cursor: &cursor, rollback: &rollback,
                    blockMap: blockMap, blockRetry: &blockRetry, recorder: &recorder)
                continue
            }
            let action = entry.action
            if action == .dropBeforeNormalization {
                index &+= length
                continue
            }
            if entry.hasBoundaryBefore {
                rollback.mark(source: index, output: cursor.written, state: current)
            }
            if !entry.isQuickCheckYes
                || (entry.combiningClass != 0 && entry.combiningClass < lastCombiningClass)
            {
                if scratch == nil { scratch = SlowPathScratch() }
                index = rollBackAndNormalize(
                    input, to: rollback, scanningFrom: index &+ length, into: &out,
                    state: &current, recorder: &recorder, scratch: scratch!)
                cursor.reload(from: out)
                lastCombiningClass = 0
                continue
            }
            lastCombiningClass = entry.combiningClass
            length = apply(
                entry, action, source, count: count, at: index, length: length,
                cursor: &cursor, state: &current, recorder: &recorder)
            index &+= length
        }
        out.count = cursor.written
        state = current
    }

    /// Writes the space waiting before the next visible character, if one is.
    @inline(__always)
    private func writePendingSpace<Recorder: OffsetRecorder>(
        _ current: inout FoldState, _ cursor: inout FoldOutputCursor, recorder: inout Recorder
    ) {
        if current.pendingSpace {
            recorder.atomic(
                source: current.pendingSpaceSource,
                sourceLength: current.pendingSpaceSourceLength,
                output: cursor.written, outputLength: 1)
            cursor.append(0x20)
            current.pendingSpace = false
        }
    }

    /// The plain-run fast path, entered after a plain character was written: characters that
    /// are copied or replaced one for one, marks dropped in canonical order, and single spaces
    /// between words, with no bookkeeping beyond the rollback point. Returns the combining class
    /// of the last mark dropped (0 when none), for the canonical-order check after the run.
    ///
    /// From here every character written is content, so the state is "mid-line, no space
    /// pending". Output never outgrows input here: the caller ensured room for the remaining
    /// input plus 16 bytes, and a longer replacement leaves the loop.
    @inline(__always)
    private func plainRun<Recorder: OffsetRecorder>(
        _ source: UnsafePointer<UInt8>, count: Int, index: inout Int,
        cursor: inout FoldOutputCursor, rollback: inout FoldRollbackPoint,
        blockMap: UnsafeMutablePointer<UInt8>?, blockRetry: inout Int, recorder: inout Recorder
    ) -> UInt8 {
        var runCombiningClass: UInt8 = 0
        let fast = self.fast
        // `FastEntry.spaceBit` when the last character written was a collapsible space.
        var previousSpace: UInt32 = 0
        // One table load per character and no branch that depends on the text (ASCII or two
        // bytes, letter or space) in the common case: the slot and the length are selected
        // arithmetically. Three- and four-byte sequences, ill-formed bytes, marks, line breaks and
        // a second space in a row leave the loop. The last byte of the input is left to the
        // general path, so `index + 1` is always readable.
        while index &+ 1 < count {
            if let blockMap, index >= blockRetry, count &- 1 &- index >= 32 {
                var afterSpace: UInt32 = previousSpace != 0 ? 1 : 0
                // SAFETY: the kernel reads source[index..<count - 1] and writes inside
                // destination[written..<written + count - 1 - index], which capacity covers
                // (remaining input plus 16 bytes, ensured by the caller).
                let folded = FoldBlockKernel.foldEasyPrefix(
                    source + index, count: count &- 1 &- index,
                    into: cursor.destination + cursor.written,
                    prepared: blockMap, afterSpace: &afterSpace)
                // Stopped at once (marks or rare letters): one character at a time for a while;
                // after a longer block it is tried again right after (see the design notes).
                blockRetry = index &+ folded &+ (folded == 0 ? 16 : 1)
                if folded > 0 {
                    index &+= folded
                    cursor.written &+= folded
                    // The last character folded is the rollback point, as the loop below
                    // leaves it.
                    let lastLength = source[index &- 1] & 0xC0 == 0x80 ? 2 : 1
                    rollback.markPlain(source: index &- lastLength, output: cursor.written &- lastLength)
                    runCombiningClass = 0
                    previousSpace = afterSpace != 0 ? FastEntry.spaceBit : 0
                    continue
                }
            }
            let lead = Int(source[index])
            let follower = Int(source[index &+ 1])
            // Arithmetic, so that the compiler cannot turn "ASCII or not" into a branch (see the
            // design notes): an ASCII byte is its own slot; any other lead is read with the byte
            // after it, and the table answers "other" for a pair that is not a well-formed
            // two-byte sequence.
            let multiByte = lead >> 7  // 0 or 1
            let runLength = 1 &+ multiByte
            let pairSlot = lead << 8 | follower
            let runEntry = fast[lead ^ ((lead ^ pairSlot) & -multiByte)]
            if runEntry >= FastEntry.droppableMark || runEntry & previousSpace != 0 {
                // Tashkeel after a letter: dropped where it stands, as long as marks stay in
                // canonical order.
                guard runEntry & FastEntry.kindMask == FastEntry.droppableMark,
                    previousSpace == 0
                else { break }
                let markClass = UInt8(truncatingIfNeeded: runEntry)
                guard markClass >= runCombiningClass else { break }
                runCombiningClass = markClass
                recorder.dropped(source: index, length: runLength)
                index &+= runLength
                continue
            }
            rollback.markPlain(source: index, output: cursor.written)
            runCombiningClass = 0
            let outputLength = Int(truncatingIfNeeded: runEntry >> 16) & 3
            if runEntry & FastEntry.replacedBit != 0 {
                recorder.atomic(
                    source: index, sourceLength: runLength, output: cursor.written,
                    outputLength: outputLength)
            } else {
                recorder.identity(source: index, length: runLength, output: cursor.written)
            }
            // SAFETY: output in this loop is never longer than its input, and capacity covers
            // the remaining input plus 16 bytes, so the two-byte store stays in bounds.
            UnsafeMutableRawPointer(cursor.destination + cursor.written)
                .storeBytes(of: UInt16(truncatingIfNeeded: runEntry).littleEndian, as: UInt16.self)
            cursor.written &+= outputLength
            index &+= runLength
            previousSpace = runEntry & FastEntry.spaceBit
        }
        if previousSpace != 0 {
            // The run stopped just after a space: whether it is kept, collapsed or trimmed
            // depends on what follows, so hand it back to the general path.
            index &-= 1
            cursor.written &-= 1
            recorder.rollback(toOutput: cursor.written)
            rollback.source = index
            rollback.output = cursor.written
        }
        return runCombiningClass
    }

    /// The slow path: rolls the output back to the last boundary and lets ICU normalize the
    /// segment from there. Returns the index after the segment.
    @inline(never)
    private func rollBackAndNormalize<Recorder: OffsetRecorder>(
        _ input: UnsafeBufferPointer<UInt8>, to rollback: FoldRollbackPoint, scanningFrom scanStart: Int,
        into out: inout ByteWriter, state current: inout FoldState, recorder: inout Recorder,
        scratch: SlowPathScratch
    ) -> Int {
        recorder.rollback(toOutput: rollback.output)
        out.count = rollback.output
        let invalid = current.firstInvalidOffset
        if rollback.isPlain {
            current.pendingSpace = false
            current.atLineStart = false
        } else {
            current = rollback.state
        }
        current.firstInvalidOffset = invalid
        return normalizeSegment(
            input, from: rollback.source, scanningFrom: scanStart, into: &out,
            state: &current, recorder: &recorder, scratch: scratch)
    }

    /// The general path for one character in normal order: applies its fold entry (copy,
    /// replace, drop, a space, a line break). Returns the bytes consumed (a CR LF pair is two).
    /// The caller ensured eight bytes of room.
    @inline(__always)
    private func apply<Recorder: OffsetRecorder>(
        _ entry: FoldEntry, _ action: FoldAction, _ source: UnsafePointer<UInt8>, count: Int,
        at index: Int, length: Int, cursor: inout FoldOutputCursor, state current: inout FoldState,
        recorder: inout Recorder
    ) -> Int {
        switch action {
        case .copy, .replace:
            writePendingSpace(&current, &cursor, recorder: &recorder)
            current.atLineStart = false
            if action == .copy {
                recorder.identity(source: index, length: length, output: cursor.written)
                cursor.copy(source + index, length: length)
            } else {
                let replacementLength = entry.replacementLength
                recorder.atomic(
                    source: index, sourceLength: length, output: cursor.written,
                    outputLength: replacementLength)
                // SAFETY: eight bytes of room were ensured by the caller; four are stored.
                UnsafeMutableRawPointer(cursor.destination + cursor.written)
                    .storeBytes(of: entry.replacement.littleEndian, as: UInt32.self)
                cursor.written &+= replacementLength
            }
        case .drop:
            recorder.dropped(source: index, length: length)
        case .dropBeforeNormalization:
            break
        case .space:
            noteSpace(&current, source: index, length: length)
        case .lineFeed:
            current.pendingSpace = false
            current.atLineStart = true
            recorder.identity(source: index, length: 1, output: cursor.written)
            cursor.append(0x0A)
        case .carriageReturn:
            if index &+ 1 < count && source[index &+ 1] == 0x0A {
                current.pendingSpace = false
                current.atLineStart = true
                recorder.identity(source: index, length: 2, output: cursor.written)
                cursor.append(0x0D)
                cursor.append(0x0A)
                return 2
            }
            noteSpace(&current, source: index, length: 1)
        }
        return length
    }

    /// U+FFFD standing in for ill-formed bytes: always written as its own three bytes.
    static let replacementCharacterEntry = FoldEntry(
        action: .replace, replacement: 0xBDBFEF, replacementLength: 3, combiningClass: 0,
        flags: FoldEntry.quickCheckYes | FoldEntry.boundaryBefore)

    @inline(__always)
    private func noteSpace(_ state: inout FoldState, source: Int, length: Int) {
        if !state.atLineStart && !state.pendingSpace {
            state.pendingSpace = true
            state.pendingSpaceSource = source
            state.pendingSpaceSourceLength = length
        }
    }

    /// Normalizes and folds the segment `input[start..<end]`, where `end` is the first boundary at
    /// or after `scanStart`, and writes it. Returns `end`.
    private func normalizeSegment<Recorder: OffsetRecorder>(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, scanningFrom scanStart: Int,
        into out: inout ByteWriter, state: inout FoldState, recorder: inout Recorder,
        scratch: SlowPathScratch
    ) -> Int {
        // Find the segment's end and copy it without the characters removed before normalization.
        var end = scanStart
        while end < input.count {
            let decoded = input.decodeScalar(at: end)
            let entry = self.entry(decoded.value)
            if entry.action != .dropBeforeNormalization && entry.hasBoundaryBefore { break }
            end &+= decoded.length
        }
        scratch.filtered.truncate(to: 0)
        var index = start
        while index < end {
            let decoded = input.decodeScalar(at: index)
            if !decoded.isWellFormed {
                if state.firstInvalidOffset == nil { state.firstInvalidOffset = index }
                scratch.filtered.appendPacked(0xBDBFEF, length: 3)
            } else if self.entry(decoded.value).action != .dropBeforeNormalization {
                for offset in 0..<decoded.length { scratch.filtered.append(input[index + offset]) }
            }
            index &+= decoded.length
        }

        // Normalize and fold until nothing changes.
        var current = scratch.filtered.bytes
        for _ in 0..<4 {
            scratch.normalized.truncate(to: 0)
            if let normalizer {
                normalizer.normalize(current, into: &scratch.normalized)
            } else {
                scratch.normalized.append(current)
            }
            scratch.folded.truncate(to: 0)
            foldWithoutWhitespace(scratch.normalized.bytes, into: &scratch.folded)
            if normalizer == nil || scratch.folded.equals(scratch.normalized.bytes)
                || (normalizer?.isNormalized(scratch.folded.bytes) ?? true)
            {
                break
            }
            swap(&scratch.filtered, &scratch.folded)
            current = scratch.filtered.bytes
        }

        // Write the folded segment through the whitespace rules, as one piece of the offset map.
        let outputStart = out.count
        let folded = scratch.folded.bytes
        var position = 0
        while position < folded.count {
            let decoded = folded.decodeScalar(at: position)
            let entry = self.entry(decoded.value)
            switch entry.action {
            case .space:
                noteSpace(&state, source: start, length: end - start)
            case .lineFeed:
                state.pendingSpace = false
                state.atLineStart = true
                out.append(0x0A)
            case .carriageReturn:
                if position + 1 < folded.count && folded[position + 1] == 0x0A {
                    state.pendingSpace = false
                    out.append(0x0D)
                } else {
                    noteSpace(&state, source: start, length: end - start)
                }
            default:
                if state.pendingSpace {
                    out.append(0x20)
                    state.pendingSpace = false
                }
                state.atLineStart = false
                for offset in 0..<decoded.length { out.append(folded[position + offset]) }
            }
            position += decoded.length
        }
        recorder.atomic(
            source: start, sourceLength: end - start, output: outputStart,
            outputLength: out.count - outputStart)
        return end
    }

    /// Applies the fold entries (replace, drop) to normalized text, leaving whitespace as it is.
    private func foldWithoutWhitespace(
        _ text: UnsafeBufferPointer<UInt8>,
        into folded: inout ByteWriter
    ) {
        var position = 0
        while position < text.count {
            let decoded = text.decodeScalar(at: position)
            let entry = self.entry(decoded.value)
            switch entry.action {
            case .replace:
                folded.appendPacked(entry.replacement, length: Int(entry.replacementLength))
            case .drop, .dropBeforeNormalization:
                break
            default:
                for offset in 0..<decoded.length { folded.append(text[position + offset]) }
            }
            position += decoded.length
        }
    }
}
