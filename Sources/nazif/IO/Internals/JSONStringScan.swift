import Boilerplate

/// The SIMD scan of a JSON string's bytes (a `CLineScan` kernel, reached through
/// ``ByteKernels`` in Boilerplate): what `JSONLine` uses of it.
enum JSONStringScan {
    /// The offset of the first '"', '\\' or control character (below 0x20) in
    /// `base[from..<to]`, or `to` when there is none.
    ///
    /// ```swift
    /// // "ab\"c" from 0 to 5 stops at 2, the backslash.
    /// ```
    @inline(__always)
    static func nextStop(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        ByteKernels.jsonStringStop(base, from: from, to: to)
    }
}
