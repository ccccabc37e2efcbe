/// Why the Dedup module refused a signature file. One error type for the module, its kinds
/// static members (as swift-system's `Errno`).
///
/// ```swift
/// do {
///     _ = try SignatureFile(serialized: bytes)
/// } catch where error.code == .unsupportedKeyVersion {
///     print("make the signatures again with this nazif")
/// } catch {
///     print(error)          // corrupt signature file: the file ends early
/// }
/// ```
public struct DedupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    ///
    /// ```swift
    /// if error.code == .truncated { print("copy the file again") }
    /// ```
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A stable name of the kind, such as `"truncated"`.
        public let rawValue: String

        /// A kind by its stable name.
        ///
        /// ```swift
        /// DedupError.Code(rawValue: "truncated") == .truncated   // true
        /// ```
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The file does not start with the signature magic.
        public static let notASignatureFile = Code(rawValue: "not-a-signature-file")
        /// A format version this Nazif cannot read.
        public static let unsupportedVersion = Code(rawValue: "unsupported-version")
        /// Made with another key definition (another Nazif version).
        public static let unsupportedKeyVersion = Code(rawValue: "unsupported-key-version")
        /// The checksum does not match, or a field is out of range.
        public static let checksumMismatch = Code(rawValue: "checksum-mismatch")
        /// The file ends early.
        public static let truncated = Code(rawValue: "truncated")
        /// Bytes after the last document.
        public static let trailingBytes = Code(rawValue: "trailing-bytes")

        public var description: String { rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What failed, in words.
    public let message: String

    /// An error of a kind, with its message.
    ///
    /// ```swift
    /// let error = DedupError(code: .truncated, message: "corrupt signature file: the file ends early")
    /// ```
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Not a Nazif signature file (no `NAZIFSG` header).
    public static let notASignatureFile = DedupError(code: .notASignatureFile, message: "not a Nazif signature file (no NAZIFSG header)")
    /// The checksum does not match, or a field is out of range: the file is corrupted.
    public static let checksumMismatch = DedupError(code: .checksumMismatch, message: "corrupt signature file: the checksum does not match")
    /// The file ends early.
    public static let truncated = DedupError(code: .truncated, message: "corrupt signature file: the file ends early")
    /// Bytes after the last document.
    public static let trailingBytes = DedupError(code: .trailingBytes, message: "corrupt signature file: unexpected bytes after the last document")

    /// A format version this Nazif cannot read.
    ///
    /// ```swift
    /// print(DedupError.unsupportedVersion(9))
    /// ```
    public static func unsupportedVersion(_ version: UInt32) -> DedupError {
        DedupError(
            code: .unsupportedVersion,
            message: "signature format version \(version); this nazif reads version \(SignatureFile.formatVersion)")
    }

    /// Signatures made with another key definition.
    ///
    /// ```swift
    /// print(DedupError.unsupportedKeyVersion(1))
    /// ```
    public static func unsupportedKeyVersion(_ version: UInt32) -> DedupError {
        DedupError(
            code: .unsupportedKeyVersion,
            message: "signatures made with key version \(version); this nazif uses \(SignatureFile.keyVersion): make them again with this nazif")
    }
}

/// The signature file reader's error, by its former name.
@available(*, deprecated, renamed: "DedupError")
public typealias SignatureFileError = DedupError
