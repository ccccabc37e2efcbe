#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#else
    #error("Boilerplate needs a C library with memchr, memcmp and memcpy")
#endif

/// The C library's byte routines, the only ones Boilerplate calls: this is the one file that
/// imports the platform's C module, so the rest of the module builds the same on Linux (glibc or
/// musl) and on Apple platforms.
enum CLibrary {
    /// The address of the first `byte` in `count` bytes from `base`, or nil (memchr).
    ///
    /// ```swift
    /// CLibrary.firstByte(0x0A, in: base, count: n).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
    /// ```
    @inline(__always)
    static func firstByte(_ byte: UInt8, in base: UnsafePointer<UInt8>, count: Int) -> UnsafeRawPointer? {
        // SAFETY: memchr reads `count` bytes from `base`, which the caller's buffer holds.
        UnsafeRawPointer(memchr(base, Int32(byte), count))
    }

    /// The offset of the first `byte` in `bytes[start...]`, or `bytes.count`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = firstByte(byte, in: base + start, count: bytes.count - start)
        else { return bytes.count }
        return found - UnsafeRawPointer(base)
    }

    /// Whether `count` bytes at `left` equal those at `right` (memcmp).
    @inline(__always)
    static func equalBytes(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
        // SAFETY: both ranges are `count` bytes inside the callers' buffers.
        memcmp(left, right, count) == 0
    }

    /// Copies `count` bytes from `source` to `destination` (memcpy; the ranges do not overlap).
    @inline(__always)
    static func copyBytes(to destination: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count: Int) {
        // SAFETY: both ranges are `count` bytes inside the callers' buffers and do not overlap.
        memcpy(destination, source, count)
    }
}
