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
    func run<Recorder: OffsetRecorder>(
        _ input: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter, state: inout FoldState,
        recorder: inout Recorder
    ) {
        let count = input.count
        guard count > 0, let source = input.baseAddress else { return }
        let entries = self.entries
        // The loop keeps the output cursor and the whitespace state in locals (registers) and
        // writes them back before anything else touches `out` or `state`.
        out.reserve(count + 16)
        var destination = out.base
        var written = out.count
        var capacity = out.capacity
        var current = state
        var index = 0
        var starterSource = 0
        var starterOutput = written
        var starterState = current
        // True when the rollback point lies inside a run of plain text, where the state is
        // always "mid-line, no space pending" and is not saved character by character.
        var starterIsPlain = false
        var lastCombiningClass: UInt8 = 0
        var scratch: SlowPathScratch? = nil
        // The block kernel, where the processor has it and no offsets are recorded (it writes
        // whole blocks without telling the recorder about each character).
        let blockMap = Recorder.self == NoOffsets.self && FoldTable.blockKernelEnabled.load(ordering: .relaxed)
            ? self.blockMap : nil
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
                        && source[index &+ 1] & 0xC0 == 0x80 {
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
            if written &+ 8 > capacity {
                out.count = written
                out.reserve(8 &+ (count &- index))
                destination = out.base
                capacity = out.capacity
            }

            // The common case: a character copied as it is, with nothing to normalize, and the
            // run of such characters (and single spaces between them) that usually follows.
            if entry.meta == FoldEntry.plainCopy {
                // (Replacements enter the run below, after the general path writes them.)
                starterSource = index
                starterOutput = written
                starterState = current
                starterIsPlain = false
                lastCombiningClass = 0
                if current.pendingSpace {
                    recorder.atomic(source: current.pendingSpaceSource,
                                    sourceLength: current.pendingSpaceSourceLength,
                                    output: written, outputLength: 1)
                    destination[written] = 0x20
                    written &+= 1
                    current.pendingSpace = false
                }
                current.atLineStart = false
                recorder.identity(source: index, length: length, output: written)
                for offset in 0..<length { destination[written &+ offset] = source[index &+ offset] }
                written &+= length
                index &+= length
                if written &+ (count &- index) &+ 16 > capacity {
                    out.count = written
                    out.reserve(count &- index &+ 16)
                    destination = out.base
                    capacity = out.capacity
                }
                // From here every character written is content, so the state is "mid-line, no
                // space pending". Characters that are copied or replaced one for one, marks that
                // are dropped in canonical order, and single spaces between words go through with
                // no bookkeeping beyond the rollback point. Output never outgrows input here
                // (capacity was checked above; a longer replacement leaves the loop).
                var runCombiningClass: UInt8 = 0
                let fast = self.fast
                // `FastEntry.spaceBit` when the last character written was a collapsible space.
                var previousSpace: UInt32 = 0
                // One table load per character and no branch that depends on the text (ASCII or
                // two bytes, letter or space) in the common case: the slot and the length are
                // selected arithmetically. Three- and four-byte sequences, ill-formed bytes, marks,
                // line breaks and a second space in a row leave the loop. The last byte of the
                // input is left to the general path, so `index + 1` is always readable.
                while index &+ 1 < count {
                    if let blockMap, index >= blockRetry, count &- 1 &- index >= 32 {
                        var afterSpace: UInt32 = previousSpace != 0 ? 1 : 0
                        // SAFETY: the kernel reads source[index..<count - 1] and writes inside
                        // destination[written..<written + count - 1 - index], which capacity
                        // covers (remaining input plus 16 bytes, checked above).
                        let folded = FoldBlockKernel.foldEasyPrefix(source + index, count: count &- 1 &- index,
                                                                    into: destination + written, prepared: blockMap,
                                                                    afterSpace: &afterSpace)
                        // Stopped at once (marks or rare letters): one character at a time for a
                        // while. (Text stops it every 40 bytes on average, mostly after ten or
                        // so, at a line break or a comma: it is tried again right after.)
                        blockRetry = index &+ folded &+ (folded == 0 ? 16 : 1)
                        if folded > 0 {
                            index &+= folded
                            written &+= folded
                            // The last character folded is the rollback point, as the loop
                            // below leaves it.
                            let lastLength = source[index &- 1] & 0xC0 == 0x80 ? 2 : 1
                            starterSource = index &- lastLength
                            starterOutput = written &- lastLength
                            starterIsPlain = true
                            runCombiningClass = 0
                            previousSpace = afterSpace != 0 ? FastEntry.spaceBit : 0
                            continue
                        }
                    }
                    let lead = Int(source[index])
                    let follower = Int(source[index &+ 1])
                    // Written as arithmetic so that the compiler cannot turn "ASCII or not" into
                    // a branch (it is taken at every space: a misprediction per word). An ASCII
                    // byte is its own slot; any other lead is read with the byte after it, and
                    // the table answers "other" for a pair that is not a well-formed two-byte
                    // sequence, so the bytes need no test here (the compiler made such a test a
                    // branch on "ASCII or not": the loop took a fifth longer with it).
                    let multiByte = lead >> 7                      // 0 or 1
                    let runLength = 1 &+ multiByte
                    let pairSlot = lead << 8 | follower
                    let runEntry = fast[lead ^ ((lead ^ pairSlot) & -multiByte)]
                    if runEntry >= FastEntry.droppableMark || runEntry & previousSpace != 0 {
                        // Tashkeel after a letter: dropped where it stands, as long as marks stay
                        // in canonical order.
                        guard runEntry & FastEntry.kindMask == FastEntry.droppableMark,
                              previousSpace == 0 else { break }
                        let markClass = UInt8(truncatingIfNeeded: runEntry)
                        guard markClass >= runCombiningClass else { break }
                        runCombiningClass = markClass
                        recorder.dropped(source: index, length: runLength)
                        index &+= runLength
                        continue
                    }
                    starterSource = index
                    starterOutput = written
                    starterIsPlain = true
                    runCombiningClass = 0
                    let outputLength = Int(truncatingIfNeeded: runEntry >> 16) & 3
                    if runEntry & FastEntry.replacedBit != 0 {
                        recorder.atomic(source: index, sourceLength: runLength, output: written,
                                        outputLength: outputLength)
                    } else {
                        recorder.identity(source: index, length: runLength, output: written)
                    }
                    // SAFETY: output in this loop is never longer than its input, and capacity
                    // covers the remaining input plus 16 bytes, so the two-byte store stays in
                    // bounds.
                    UnsafeMutableRawPointer(destination + written)
                        .storeBytes(of: UInt16(truncatingIfNeeded: runEntry).littleEndian, as: UInt16.self)
                    written &+= outputLength
                    index &+= runLength
                    previousSpace = runEntry & FastEntry.spaceBit
                }
                if previousSpace != 0 {
                    // The run stopped just after a space: whether it is kept, collapsed or trimmed
                    // depends on what follows, so hand it back to the general path.
                    index &-= 1
                    written &-= 1
                    recorder.rollback(toOutput: written)
                    starterSource = index
                    starterOutput = written
                }
                lastCombiningClass = runCombiningClass
                continue
            }
            let action = entry.action
            if action == .dropBeforeNormalization {
                index &+= length
                continue
            }
            if entry.hasBoundaryBefore {
                starterSource = index
                starterOutput = written
                starterState = current
                starterIsPlain = false
            }
            if !entry.isQuickCheckYes
                || (entry.combiningClass != 0 && entry.combiningClass < lastCombiningClass)
            {
                // Slow path: roll back to the last boundary and let ICU normalize the segment.
                if scratch == nil { scratch = SlowPathScratch() }
                recorder.rollback(toOutput: starterOutput)
                out.count = starterOutput
                let invalid = current.firstInvalidOffset
                if starterIsPlain {
                    current.pendingSpace = false
                    current.atLineStart = false
                } else {
                    current = starterState
                }
                current.firstInvalidOffset = invalid
                index = normalizeSegment(
                    input, from: starterSource, scanningFrom: index &+ length, into: &out,
                    state: &current, recorder: &recorder, scratch: scratch!)
                written = out.count
                destination = out.base
                capacity = out.capacity
                lastCombiningClass = 0
                continue
            }
            lastCombiningClass = entry.combiningClass

            switch action {
            case .copy, .replace:
                if current.pendingSpace {
                    recorder.atomic(source: current.pendingSpaceSource,
                                    sourceLength: current.pendingSpaceSourceLength,
                                    output: written, outputLength: 1)
                    destination[written] = 0x20
                    written &+= 1
                    current.pendingSpace = false
                }
                current.atLineStart = false
                if action == .copy {
                    recorder.identity(source: index, length: length, output: written)
                    for offset in 0..<length { destination[written &+ offset] = source[index &+ offset] }
                    written &+= length
                } else {
                    let replacementLength = entry.replacementLength
                    recorder.atomic(source: index, sourceLength: length, output: written,
                                    outputLength: replacementLength)
                    // SAFETY: eight bytes of room were ensured above; four are stored.
                    UnsafeMutableRawPointer(destination + written)
                        .storeBytes(of: entry.replacement.littleEndian, as: UInt32.self)
                    written &+= replacementLength
                }
            case .drop:
                recorder.dropped(source: index, length: length)
            case .dropBeforeNormalization:
                break
            case .space:
                if !current.atLineStart && !current.pendingSpace {
                    current.pendingSpace = true
                    current.pendingSpaceSource = index
                    current.pendingSpaceSourceLength = length
                }
            case .lineFeed:
                current.pendingSpace = false
                current.atLineStart = true
                recorder.identity(source: index, length: 1, output: written)
                destination[written] = 0x0A
                written &+= 1
            case .carriageReturn:
                if index &+ 1 < count && source[index &+ 1] == 0x0A {
                    current.pendingSpace = false
                    current.atLineStart = true
                    recorder.identity(source: index, length: 2, output: written)
                    destination[written] = 0x0D
                    destination[written &+ 1] = 0x0A
                    written &+= 2
                    length = 2
                } else if !current.atLineStart && !current.pendingSpace {
                    current.pendingSpace = true
                    current.pendingSpaceSource = index
                    current.pendingSpaceSourceLength = 1
                }
            }
            index &+= length
        }
        out.count = written
        state = current
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
                || (normalizer?.isNormalized(scratch.folded.bytes) ?? true) {
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
        recorder.atomic(source: start, sourceLength: end - start, output: outputStart,
                        outputLength: out.count - outputStart)
        return end
    }

    /// Applies the fold entries (replace, drop) to normalized text, leaving whitespace as it is.
    private func foldWithoutWhitespace(_ text: UnsafeBufferPointer<UInt8>,
                                       into folded: inout ByteWriter) {
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
