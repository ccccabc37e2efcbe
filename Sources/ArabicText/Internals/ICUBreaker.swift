internal import CArabicICU
import Synchronization

/// One ICU break iterator over UTF-8 text. Not thread-safe; ``ICUBreakerPool`` hands each caller
/// its own.
final class ICUBreaker {
    enum Kind: Int32 {
        case word = 0
        case sentence = 1
    }

    // SAFETY: owned by this object, closed exactly once in deinit.
    private let handle: UnsafeMutableRawPointer
    let kind: Kind
    /// Boundaries are fetched from C in batches, so each costs one loop iteration, not a call.
    /// SAFETY: plain buffers owned by this object (no exclusivity bookkeeping per access),
    /// freed in deinit.
    private static let batch = 256
    private let boundaries = UnsafeMutablePointer<Int64>.allocate(capacity: batch)
    private let statuses = UnsafeMutablePointer<Int32>.allocate(capacity: batch)

    init(kind: Kind, locale: String = "ar") throws(ICUError) {
        var status: Int32 = 0
        let handle = locale.withCString { nz_breaker_open(kind.rawValue, $0, &status) }
        guard let handle, !ICUError.failed(status) else {
            throw ICUError(code: status, operation: "ubrk_open")
        }
        self.handle = handle
        self.kind = kind
    }

    deinit {
        nz_breaker_close(handle)
        boundaries.deallocate()
        statuses.deallocate()
    }

    /// Calls `body(boundary, ruleStatus)` for every boundary after the start of `text`, in order.
    /// The text must stay valid during the call.
    func forEachBoundary(
        in text: UnsafeBufferPointer<UInt8>,
        _ body: (Int, Int32) -> Void
    ) {
        guard text.count > 0 else { return }
        setText(text)
        defer { clearText() }
        while true {
            let count = nextBatch()
            if count == 0 { break }
            for index in 0..<count { body(Int(boundaries[index]), statuses[index]) }
        }
    }

    /// The segments between consecutive boundaries of `text`, with the rule status of each.
    /// Offsets are shifted by `shift`, so a piece of a larger text reports offsets into it.
    func segments(
        in text: UnsafeBufferPointer<UInt8>, into segments: inout [RawSegment],
        shiftedBy shift: Int
    ) {
        guard text.count > 0 else { return }
        setText(text)
        defer { clearText() }
        var start = shift
        while true {
            let count = nextBatch()
            if count == 0 { break }
            for index in 0..<count {
                let end = Int(boundaries[index]) + shift
                segments.append(RawSegment(start: start, end: end, status: statuses[index]))
                start = end
            }
        }
    }

    private func setText(_ text: UnsafeBufferPointer<UInt8>) {
        var status: Int32 = 0
        nz_breaker_set_text(handle, text.baseAddress, Int64(text.count), &status)
        // utext_openUTF8 and ubrk_setUText fail only on bad arguments.
        precondition(!ICUError.failed(status), "\(ICUError(code: status, operation: "ubrk_setUText"))")
    }

    /// Forgets the caller's text so no pointer to it outlives the call.
    private func clearText() {
        var status: Int32 = 0
        nz_breaker_set_text(handle, nil, 0, &status)
    }

    private func nextBatch() -> Int {
        Int(nz_breaker_next_batch(handle, boundaries, statuses, Int32(Self.batch)))
    }
}

/// A pool of break iterators of one kind, so a shared, `Sendable` tokenizer can give every thread
/// its own ICU iterator without opening one per call.
final class ICUBreakerPool: Sendable {
    let kind: ICUBreaker.Kind
    let locale: String
    // SAFETY: the breakers are only ever used by one thread at a time: take() removes one from
    // the pool under the lock, give() returns it.
    private let idle = Mutex<[UnsafeSendable<ICUBreaker>]>([])

    init(kind: ICUBreaker.Kind, locale: String = "ar") throws(ICUError) {
        self.kind = kind
        self.locale = locale
        // Open one now so a bad locale or missing ICU data fails here, not later.
        let first = try ICUBreaker(kind: kind, locale: locale)
        idle.withLock { $0.append(UnsafeSendable(first)) }
    }

    func withBreaker<Result>(_ body: (ICUBreaker) -> Result) -> Result {
        let breaker = idle.withLock { $0.popLast()?.value } ?? Self.open(kind, locale)
        defer { idle.withLock { if $0.count < 64 { $0.append(UnsafeSendable(breaker)) } } }
        return body(breaker)
    }

    private static func open(_ kind: ICUBreaker.Kind, _ locale: String) -> ICUBreaker {
        do {
            return try ICUBreaker(kind: kind, locale: locale)
        } catch {
            // The first open in init succeeded with the same arguments; only memory exhaustion
            // can make a later one fail.
            fatalError("\(error)")
        }
    }
}

/// Moves a value across isolation domains where the code guarantees exclusive use.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// ICU's word-break rule status tags (`UWordBreak`): the kind of the segment that ends at a
/// boundary. ICU gives each kind a range of 100 values.
///
/// ```swift
/// if WordRuleStatus.numbers.contains(segment.status) { /* a number */ }
/// ```
enum WordRuleStatus {
    /// `UBRK_WORD_NONE`: white space, punctuation, symbols.
    static let none: Int32 = 0
    /// `UBRK_WORD_NUMBER`, the first number status.
    static let number: Int32 = 100
    /// `UBRK_WORD_NUMBER` to `UBRK_WORD_NUMBER_LIMIT`.
    static let numbers: Range<Int32> = 100..<200
    /// `UBRK_WORD_LETTER` to `UBRK_WORD_LETTER_LIMIT`.
    static let letters: Range<Int32> = 200..<300
    /// `UBRK_WORD_KANA` to `UBRK_WORD_IDEO_LIMIT`: kana and ideographs.
    static let kanaOrIdeographs: Range<Int32> = 300..<500
}
