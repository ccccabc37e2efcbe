import CLineScan

/// The SIMD scan of a JSON string's bytes (`CLineScan`, plain C with SSE2): everything C that
/// `JSONLine` uses is fenced here.
enum JSONStringScan {
    /// The offset of the first '"', '\\' or control character (below 0x20) in
    /// `base[from..<to]`, or `to` when there is none.
    ///
    /// ```swift
    /// // "ab\"c" from 0 to 5 stops at 2, the backslash.
    /// ```
    @inline(__always)
    static func nextStop(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return to }
        // SAFETY: the kernel reads base[from..<to] only, which the caller's buffer holds.
        return Int(nazif_json_string_stop(base, from, to))
    }
}
