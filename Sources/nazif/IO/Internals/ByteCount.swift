import CLineScan

/// Counting one byte value over a buffer (`CLineScan`, AVX2 where the processor has it): the
/// reading thread numbers every chunk's lines, and a memchr per line made that pass 5% of a
/// two-thread `clean`.
enum ByteCount {
    /// How many bytes of `bytes` equal `byte`.
    ///
    /// ```swift
    /// // ByteCount.occurrences(of: 0x0A, in: "a\nb\n" as bytes) == 2
    /// ```
    static func occurrences(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        // SAFETY: the kernel reads bytes[0..<count] only.
        return Int(nazif_count_byte(base, bytes.count, byte))
    }
}
