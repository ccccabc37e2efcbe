internal import CArabicICU

/// An error reported by ICU, with the name of its status code (internal: the public API throws
/// ``ArabicTextError``, which carries the status by name).
struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ICU status code (a `UErrorCode` value; positive means failure).
    let code: Int32
    /// What was being done when ICU failed ("normalizeUTF8", "ubrk_open" ...).
    let operation: String

    init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// The ICU name of the status code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
    var name: String { String(cString: nz_status_name(code)) }

    var description: String { "ICU \(operation) failed: \(name)" }

    /// Whether a raw status means failure (ICU: positive values fail, zero and negatives succeed).
    static func failed(_ status: Int32) -> Bool { status > 0 }

    /// The ICU status code for "buffer too small".
    static let bufferOverflow: Int32 = 15
}

/// The version of the ICU library Nazif runs on, such as `"72.1"`.
///
/// ```swift
/// print(icuVersion)   // 72.1
/// ```
public var icuVersion: String {
    var buffer = [CChar](repeating: 0, count: 32)
    nz_icu_version(&buffer)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
