import CLineScan

/// Cache hints (`CLineScan`'s `nazif_prefetch`, the compiler's prefetch builtin).
enum CacheHint {
    /// Asks for the cache line holding `address`; reads nothing (any address is allowed).
    ///
    /// ```swift
    /// CacheHint.prefetch(slots + nextSlot)
    /// ```
    @inline(__always)
    static func prefetch<Pointee>(_ address: UnsafePointer<Pointee>) {
        nazif_prefetch(UnsafeRawPointer(address))
    }
}
