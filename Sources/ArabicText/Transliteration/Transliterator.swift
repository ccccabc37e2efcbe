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
        if let rules, let (line, column, status) = Self.costlyMistake(in: rules) {
            throw .invalidRules(line: line, column: column, icuStatus: status)
        }
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

    /// Two mistakes in rules that ICU takes very long, and very much memory, to refuse, found
    /// before ICU sees the rules: their line and column (1-based, characters) and ICU's name for
    /// them, or nil.
    ///
    /// - A segment `(` not closed before its rule ends (`;` or the end): ICU's work doubles with
    ///   each one (24 took 8 s and 2 GB; 32, in 6 KB of article text, more than 120 s and 8 GB;
    ///   fuzz-005). `U_MISMATCHED_SEGMENT_DELIMITERS`.
    /// - A segment reference `$N` naming more segments than the rules have parentheses: ICU makes
    ///   room for N references before it checks them (`$888888888`, 12 bytes: 4 GB and 33 s;
    ///   fuzz-004). `U_UNDEFINED_SEGMENT_REFERENCE`.
    ///
    /// Valid rules have neither (a segment is closed within its rule, and `$N` needs N
    /// segments), so none is refused. Quoted text ('…'), escaped characters (\\( \\$), sets
    /// ([…], nested; a parenthesis there is a character) and comments (# to the end of the line)
    /// are skipped; digits are any decimal digits, as ICU reads them.
    static func costlyMistake(in rules: String) -> (line: Int, column: Int, status: String)? {
        let scalars = Array(rules.unicodeScalars)
        var parentheses = 0
        var open: [(line: Int, column: Int)] = []
        var references: [(value: Int, line: Int, column: Int)] = []
        var inQuote = false, inComment = false, escaped = false
        var setDepth = 0
        var line = 1, column = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer {
                index += 1
                column += 1
            }
            if scalar == "\n" {
                line += 1
                column = 0
                inComment = false
                escaped = false
                continue
            }
            if inComment { continue }
            if escaped {
                escaped = false
                continue
            }
            switch scalar {
            case "\\": escaped = true
            case "'": inQuote.toggle()
            case _ where inQuote: break
            case "[": setDepth += 1
            case "]" where setDepth > 0: setDepth -= 1
            case _ where setDepth > 0: break
            case "#": inComment = true
            case "(":
                parentheses += 1
                open.append((line, column))
            case ")": _ = open.popLast()
            case ";":
                if let first = open.first { return (first.line, first.column, "U_MISMATCHED_SEGMENT_DELIMITERS") }
            case "$":
                var next = index + 1, value = 0
                while next < scalars.count, scalars[next].properties.numericType == .decimal,
                    let digit = scalars[next].properties.numericValue
                {
                    value = min(value * 10 + Int(digit), 1 << 40)
                    next += 1
                }
                if next > index + 1 { references.append((value, line, column)) }
            default: break
            }
        }
        if let first = open.first { return (first.line, first.column, "U_MISMATCHED_SEGMENT_DELIMITERS") }
        return references.first { $0.value > parentheses }.map { ($0.line, $0.column, "U_UNDEFINED_SEGMENT_REFERENCE") }
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
