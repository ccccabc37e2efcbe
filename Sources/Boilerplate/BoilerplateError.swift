/// Why the Boilerplate module refused a file: a repetition table that cannot be read, or a
/// lexicon with a line it cannot parse. One error type for the module, its kinds static members
/// (as swift-system's `Errno`), so a caller matches the kind and prints the message.
///
/// ```swift
/// do {
///     _ = try RepetitionTable(serialized: bytes)
/// } catch where error.code == .checksumMismatch {
///     print("the table is corrupt: count it again")
/// } catch {
///     print(error)          // corrupt table: the file ends early
/// }
/// ```
public struct BoilerplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    ///
    /// ```swift
    /// if error.code == .truncated { print("copy the table again") }
    /// ```
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A stable name of the kind, such as `"truncated"`.
        public let rawValue: String

        /// A kind by its stable name.
        ///
        /// ```swift
        /// BoilerplateError.Code(rawValue: "truncated") == .truncated   // true
        /// ```
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The file does not start with the table magic.
        public static let notATable = Code(rawValue: "not-a-table")
        /// A table format version this Nazif cannot read.
        public static let unsupportedVersion = Code(rawValue: "unsupported-version")
        /// A table counted with another key definition (another Nazif version).
        public static let unsupportedKeyVersion = Code(rawValue: "unsupported-key-version")
        /// The table's checksum does not match.
        public static let checksumMismatch = Code(rawValue: "checksum-mismatch")
        /// The table file ends early.
        public static let truncated = Code(rawValue: "truncated")
        /// Bytes after the table's last group.
        public static let trailingBytes = Code(rawValue: "trailing-bytes")
        /// A table field out of range or out of order: the file was not written by Nazif.
        public static let malformed = Code(rawValue: "malformed")
        /// A lexicon line that cannot be parsed.
        public static let lexiconSyntax = Code(rawValue: "lexicon-syntax")

        public var description: String { rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// For a lexicon, the 1-based line that failed; nil for a table.
    public let line: Int?
    /// What failed, in words (without the line number).
    public let message: String

    /// An error of a kind, with its message.
    ///
    /// ```swift
    /// let error = BoilerplateError(code: .malformed, message: "corrupt table: two groups named x")
    /// ```
    public init(code: Code, line: Int? = nil, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }

    /// Not a Nazif repetition table (no `NAZIFRT` header).
    public static let notATable = BoilerplateError(code: .notATable, message: "not a Nazif repetition table (no NAZIFRT header)")
    /// The table's checksum does not match: the file is corrupted.
    public static let checksumMismatch = BoilerplateError(code: .checksumMismatch, message: "corrupt table: the checksum does not match")
    /// The table file ends early.
    public static let truncated = BoilerplateError(code: .truncated, message: "corrupt table: the file ends early")
    /// Bytes after the table's last group.
    public static let trailingBytes = BoilerplateError(code: .trailingBytes, message: "corrupt table: unexpected bytes after the last group")

    /// A table format version this Nazif cannot read.
    ///
    /// ```swift
    /// BoilerplateError.unsupportedVersion(9).description   // table format version 9; this nazif reads version 1
    /// ```
    public static func unsupportedVersion(_ version: UInt32) -> BoilerplateError {
        BoilerplateError(
            code: .unsupportedVersion,
            message: "table format version \(version); this nazif reads version \(RepetitionTable.formatVersion)")
    }

    /// A table counted with another key definition: lines would not meet.
    ///
    /// ```swift
    /// print(BoilerplateError.unsupportedKeyVersion(1))
    /// ```
    public static func unsupportedKeyVersion(_ version: UInt32) -> BoilerplateError {
        BoilerplateError(
            code: .unsupportedKeyVersion,
            message: "table counted with key version \(version); this nazif uses \(RepetitionTable.keyVersion): count again with this nazif")
    }

    /// A table field out of range or out of order (a line counted in more documents than its
    /// group has, a group named twice, hashes not increasing).
    ///
    /// ```swift
    /// print(BoilerplateError.malformed("group \"x\" appears twice"))   // corrupt table: group "x" appears twice
    /// ```
    public static func malformed(_ reason: String) -> BoilerplateError {
        BoilerplateError(code: .malformed, message: "corrupt table: \(reason)")
    }

    /// A lexicon line that cannot be parsed.
    ///
    /// ```swift
    /// print(BoilerplateError.lexiconSyntax(line: 3, "unknown scope 'page'"))   // line 3: unknown scope 'page'
    /// ```
    public static func lexiconSyntax(line: Int, _ message: String) -> BoilerplateError {
        BoilerplateError(code: .lexiconSyntax, line: line, message: message)
    }
}

/// The table reader's error, by its former name.
@available(*, deprecated, renamed: "BoilerplateError")
public typealias TableFileError = BoilerplateError
