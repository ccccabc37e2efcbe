import CLineScan

/// The SIMD byte kernels of `CLineScan` that the command line needs besides the cleaner's own:
/// reached through this library (`package` access), so the CLI never imports a C module.
package enum ByteKernels {
    /// The offset of the first '"', '\\' or control character (below 0x20) in
    /// `base[from..<to]`, or `to` when there is none: where a JSON string's plain run ends.
    ///
    /// ```swift
    /// // "ab\"c" from 0 to 5 stops at 2, the backslash.
    /// ```
    @inline(__always)
    package static func jsonStringStop(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return to }
        // SAFETY: the kernel reads base[from..<to] only, which the caller's buffer holds.
        return Int(nazif_json_string_stop(base, from, to))
    }

    /// How many bytes of `bytes` equal `byte` (AVX2 where the processor has it).
    ///
    /// ```swift
    /// // ByteKernels.occurrences(of: 0x0A, in: "a\nb\n" as bytes) == 2
    /// ```
    package static func occurrences(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        // SAFETY: the kernel reads bytes[0..<count] only.
        return Int(nazif_count_byte(base, bytes.count, byte))
    }
}
