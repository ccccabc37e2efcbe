/// Where the bytes of a normalized text came from: for any byte range of the normalized text,
/// the byte range of the original that produced it.
///
/// ```swift
/// let result = ArabicNormalizer(profile: .search).normalizeWithOffsets("قالَ  أحمد")
/// // result.text == "قال احمد"; "احمد" is bytes 7..<15 of the result
/// result.offsets.sourceRange(for: 7..<15)   // 10..<18: "أحمد" in the original
/// ```
public struct OffsetMap: Sendable, Hashable {
    /// One stretch of output: either copied byte for byte (`isIdentity`) or produced as a whole
    /// from a stretch of source (a replaced letter, a normalized segment, a collapsed space).
    struct Piece: Sendable, Hashable {
        var outputStart: Int
        var sourceStart: Int
        var outputLength: Int
        var sourceLength: Int
        var isIdentity: Bool
        /// Source bytes right after the piece that were removed (marks of its last letter):
        /// a range ending with the piece includes them.
        var trailingSource: Int = 0
    }

    var pieces: [Piece] = []
    /// The length of the source text.
    public internal(set) var sourceLength: Int = 0
    /// The length of the normalized text.
    public internal(set) var outputLength: Int = 0

    /// The byte range of the source that produced the normalized bytes `range`. A range inside a
    /// replaced character or a normalized segment widens to the whole of its source; characters
    /// the normalizer removed are included when the range spans them.
    ///
    /// ```swift
    /// map.sourceRange(for: 0..<2)
    /// ```
    public func sourceRange(for range: Range<Int>) -> Range<Int> {
        let lower = sourceStart(forOutput: range.lowerBound)
        if range.isEmpty { return lower..<lower }
        let upper = max(lower, sourceEnd(forOutput: range.upperBound))
        return lower..<upper
    }

    /// The index of the last piece whose output starts at or before `offset`.
    private func pieceIndex(containing offset: Int) -> Int? {
        var low = 0, high = pieces.count
        while low < high {
            let mid = (low + high) / 2
            if pieces[mid].outputStart <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    private func sourceStart(forOutput offset: Int) -> Int {
        guard offset < outputLength, let index = pieceIndex(containing: offset) else {
            return offset >= outputLength ? sourceLength : 0
        }
        let piece = pieces[index]
        let inside = offset - piece.outputStart
        if inside >= piece.outputLength {
            // Between pieces (only possible with empty pieces): start of the next one.
            return index + 1 < pieces.count ? pieces[index + 1].sourceStart : sourceLength
        }
        return piece.isIdentity ? piece.sourceStart + inside : piece.sourceStart
    }

    private func sourceEnd(forOutput offset: Int) -> Int {
        guard offset > 0, let index = pieceIndex(containing: offset - 1) else { return 0 }
        let piece = pieces[index]
        let inside = offset - 1 - piece.outputStart
        let pieceEnd = piece.sourceStart + piece.sourceLength + piece.trailingSource
        if inside >= piece.outputLength - 1 { return pieceEnd }
        return piece.isIdentity
            ? piece.sourceStart + inside + 1
            : piece.sourceStart + piece.sourceLength
    }
}

/// Receives the normalizer's output pieces as it writes them.
protocol OffsetRecorder {
    mutating func identity(source: Int, length: Int, output: Int)
    /// Source bytes removed without output (a mark dropped after its letter).
    mutating func dropped(source: Int, length: Int)
    mutating func atomic(source: Int, sourceLength: Int, output: Int, outputLength: Int)
    mutating func rollback(toOutput: Int)
}

/// The recorder for callers who did not ask for offsets: every call compiles away.
struct NoOffsets: OffsetRecorder {
    @inline(__always) mutating func identity(source: Int, length: Int, output: Int) {}
    @inline(__always) mutating func dropped(source: Int, length: Int) {}
    @inline(__always) mutating func atomic(
        source: Int, sourceLength: Int, output: Int,
        outputLength: Int
    ) {}
    @inline(__always) mutating func rollback(toOutput: Int) {}
}

extension OffsetMap: OffsetRecorder {
    mutating func dropped(source: Int, length: Int) {
        guard let last = pieces.last,
            last.sourceStart + last.sourceLength + last.trailingSource == source
        else { return }
        pieces[pieces.count - 1].trailingSource += length
    }

    mutating func identity(source: Int, length: Int, output: Int) {
        if let last = pieces.last, last.isIdentity, last.trailingSource == 0,
            last.outputStart + last.outputLength == output,
            last.sourceStart + last.sourceLength == source
        {
            pieces[pieces.count - 1].outputLength += length
            pieces[pieces.count - 1].sourceLength += length
            return
        }
        pieces.append(
            Piece(
                outputStart: output, sourceStart: source, outputLength: length,
                sourceLength: length, isIdentity: true))
    }

    mutating func atomic(source: Int, sourceLength: Int, output: Int, outputLength: Int) {
        guard outputLength > 0 else { return }
        pieces.append(
            Piece(
                outputStart: output, sourceStart: source, outputLength: outputLength,
                sourceLength: sourceLength, isIdentity: false))
    }

    mutating func rollback(toOutput output: Int) {
        while let last = pieces.last, last.outputStart >= output { pieces.removeLast() }
        if let last = pieces.last, last.outputStart + last.outputLength > output {
            // Only identity runs can straddle a rollback point: cut the run there.
            let keep = output - last.outputStart
            pieces[pieces.count - 1].outputLength = keep
            pieces[pieces.count - 1].sourceLength = keep
            pieces[pieces.count - 1].trailingSource = 0
        }
    }
}
