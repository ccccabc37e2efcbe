import Boilerplate

/// Counting one byte value over a buffer (a `CLineScan` kernel through ``ByteKernels``): the
/// reading thread numbers every chunk's lines, and a memchr per line made that pass 5% of a
/// two-thread `clean`.
enum ByteCount {
    /// How many bytes of `bytes` equal `byte`.
    ///
    /// ```swift
    /// // ByteCount.occurrences(of: 0x0A, in: "a\nb\n" as bytes) == 2
    /// ```
    static func occurrences(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        ByteKernels.occurrences(of: byte, in: bytes)
    }
}
