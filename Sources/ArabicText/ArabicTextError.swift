/// Why the ArabicText module could not do what was asked: a transform that does not exist or
/// rules that do not compile, or ICU failing to load its data. One error type for the module,
/// its kinds static members (as swift-system's `Errno`); no ICU type appears in it (ICU's status
/// is given by name).
///
/// ```swift
/// do {
///     _ = try Transliterator(id: "No-Such-Thing")
/// } catch where error.code == .unknownTransform {
///     print(Transliterator.availableIDs.prefix(3))
/// } catch {
///     print(error)
/// }
/// ```
public struct ArabicTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    ///
    /// ```swift
    /// if error.code == .invalidRules { print("line", error.line ?? 0) }
    /// ```
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A stable name of the kind, such as `"unknown-transform"`.
        public let rawValue: String

        /// A kind by its stable name.
        ///
        /// ```swift
        /// ArabicTextError.Code(rawValue: "invalid-rules") == .invalidRules   // true
        /// ```
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No installed transform has the ID.
        public static let unknownTransform = Code(rawValue: "unknown-transform")
        /// Custom transform rules that do not compile.
        public static let invalidRules = Code(rawValue: "invalid-rules")
        /// ICU failed (its data for a locale could not be loaded, memory ran out).
        public static let icuFailure = Code(rawValue: "icu-failure")

        public var description: String { rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// ICU's name of the status it reported, such as `U_INVALID_ID`.
    public let icuStatus: String
    /// For rules that do not compile: the 1-based line and column (in characters) ICU points
    /// at; nil when it points nowhere or the error is not about rules.
    public let line: Int?
    /// See ``line``.
    public let column: Int?
    /// What failed, in words.
    public let message: String

    /// An error of a kind, with its message.
    ///
    /// ```swift
    /// let error = ArabicTextError(code: .icuFailure, icuStatus: "U_MEMORY_ALLOCATION_ERROR", message: "ICU ubrk_open failed")
    /// ```
    public init(code: Code, icuStatus: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.code = code
        self.icuStatus = icuStatus
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { message }

    /// No installed transform has this ID.
    ///
    /// ```swift
    /// print(ArabicTextError.unknownTransform(id: "Nope", icuStatus: "U_INVALID_ID"))
    /// ```
    public static func unknownTransform(id: String, icuStatus: String) -> ArabicTextError {
        ArabicTextError(
            code: .unknownTransform, icuStatus: icuStatus,
            message: "no ICU transform '\(id)' (\(icuStatus)); see Transliterator.availableIDs")
    }

    /// Custom rules that do not compile, at a 1-based line and column (0, 0: ICU points nowhere).
    ///
    /// ```swift
    /// print(ArabicTextError.invalidRules(line: 2, column: 5, icuStatus: "U_MISSING_OPERATOR"))
    /// ```
    public static func invalidRules(line: Int, column: Int, icuStatus: String) -> ArabicTextError {
        ArabicTextError(
            code: .invalidRules, icuStatus: icuStatus, line: line > 0 ? line : nil,
            column: line > 0 ? column : nil,
            message: line > 0
                ? "invalid transform rules at line \(line), column \(column): \(icuStatus)"
                : "invalid transform rules: \(icuStatus)")
    }

    /// ICU failed while doing `operation`.
    static func icu(_ error: ICUError) -> ArabicTextError {
        ArabicTextError(code: .icuFailure, icuStatus: error.name, message: error.description)
    }
}

/// The transliterator's error, by its former name.
@available(*, deprecated, renamed: "ArabicTextError")
public typealias TransliterationError = ArabicTextError
