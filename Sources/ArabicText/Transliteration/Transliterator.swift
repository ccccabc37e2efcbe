import Synchronization

/// An ICU transform — `Arabic-Latin`, `Any-Latin; Latin-ASCII`, `Arabic-Latin/BGN`, or your own
/// rules — applied to UTF-8 text. Thread-safe: ICU transliterators are not, so each call borrows
/// a private clone from a pool. `Transliterator.cached(id:)` shares one instance per ID.
///
/// ```swift
/// let latin = try Transliterator(id: "Arabic-Latin")
/// latin.transliterate("بوتين")   // "bwtyn" — ICU spells letters, not names (see Romanizer)
/// let custom = try Transliterator(id: "My-Rules", rules: "ب > b; ت > t;")
/// ```
public final class Transliterator: Sendable {
    /// The transform's ID.
    public let id: String
    // SAFETY: each handle is used by one thread at a time: taken from `idle` under the lock,
    // returned after use. `prototype` is only cloned (utrans_clone reads it) under the lock.
    private let prototype: ICUTransformHandle
    private let idle = Mutex<[ICUTransformHandle]>([])

    /// Opens a transform by ID, or compiles custom rules under that ID. `reverse` runs it
    /// backwards (`Latin-Arabic` from `Arabic-Latin`).
    ///
    /// ```swift
    /// let toASCII = try Transliterator(id: "Any-Latin; Latin-ASCII")
    /// ```
    public init(id: String, rules: String? = nil, reverse: Bool = false) throws(ArabicTextError) {
        switch ICUTransformHandle.open(id: id, rules: rules, reverse: reverse) {
        case .success(let handle):
            self.prototype = handle
        case .failure(let failure):
            if let rules {
                let (ruleLine, column) = Self.position(in: rules, line: failure.line, offset: failure.offset)
                throw .invalidRules(line: ruleLine, column: column, icuStatus: failure.error.name)
            }
            throw .unknownTransform(id: id, icuStatus: failure.error.name)
        }
        self.id = id
    }

    /// ICU's parse error position as a 1-based line and column (characters) in the rules, or
    /// (0, 0) when ICU gives none. ICU's transform parser reports no line, and its offset counts
    /// UTF-16 units from the start of the whole text; a positive line means the offset is within
    /// that line.
    static func position(in rules: String, line: Int, offset: Int) -> (line: Int, column: Int) {
        guard offset >= 0 else { return (0, 0) }
        if line >= 1 { return (line, offset + 1) }
        var currentLine = 1, column = 1, units = 0
        for scalar in rules.unicodeScalars {
            if units >= offset { break }
            units += scalar.utf16.count
            if scalar == "\n" {
                currentLine += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (currentLine, column)
    }

    deinit {
        prototype.close()
        for handle in idle.withLock({ $0 }) { handle.close() }
    }

    private static let cache = Mutex<[String: Transliterator]>([:])

    /// The shared transliterator for an ID (opened once per process).
    ///
    /// ```swift
    /// let latin = try Transliterator.cached(id: "Arabic-Latin")
    /// ```
    public static func cached(id: String) throws(ArabicTextError) -> Transliterator {
        if let found = cache.withLock({ $0[id] }) { return found }
        let made = try Transliterator(id: id)
        return cache.withLock { entries in
            if let existing = entries[id] { return existing }
            entries[id] = made
            return made
        }
    }

    /// The IDs of every transform ICU has installed.
    ///
    /// ```swift
    /// Transliterator.availableIDs.filter { $0.hasPrefix("Arabic") }
    /// ```
    public static var availableIDs: [String] {
        ICUTransformHandle.availableIDs
    }

    /// Transliterates a string.
    ///
    /// ```swift
    /// try Transliterator.cached(id: "Arabic-Latin").transliterate("سلام")   // "slạm"
    /// ```
    public func transliterate(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            transliterate(utf8: bytes, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Transliterates UTF-8 bytes (ill-formed sequences become U+FFFD), appending to `output`.
    ///
    /// ```swift
    /// bytes.withUnsafeBufferPointer { latin.transliterate(utf8: $0, into: &out) }
    /// ```
    public func transliterate(utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard input.count > 0 else { return }
        let handle = borrow()
        defer { idle.withLock { $0.append(handle) } }
        handle.transliterate(input, into: &output)
    }

    private func borrow() -> ICUTransformHandle {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        switch idle.withLock({ _ in prototype.clone() }) {
        case .success(let clone):
            return clone
        case .failure(let error):
            // Cloning a transliterator that opened fails only when memory runs out.
            fatalError("\(error)")
        }
    }
}
