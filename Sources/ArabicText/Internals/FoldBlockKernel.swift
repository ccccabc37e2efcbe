internal import CLineScan

/// The normalizer's block kernel (`CLineScan`'s `nazif_fold_easy_prefix`, AVX2): 32 bytes of
/// ASCII, Arabic letters and single spaces folded at once through a 256-byte map. Everything C
/// that `FoldTable` uses for it is fenced here.
enum FoldBlockKernel {
    /// Whether the processor runs the kernel (AVX2).
    static var isAvailable: Bool { nazif_fold_kernel_available() != 0 }

    /// The kernel's form of a map (256 bytes, see `FoldTable.makeBlockMap`), allocated; the
    /// caller frees it.
    ///
    /// ```swift
    /// let prepared = FoldBlockKernel.prepared(map)
    /// ```
    static func prepared(_ map: UnsafePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let prepared = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        prepared.initialize(repeating: 0, count: 256)
        // SAFETY: both buffers hold 256 bytes.
        nazif_fold_prepare_map(map, prepared)
        return prepared
    }

    /// Folds the longest prefix of `source[0..<count]` the kernel takes into `destination`
    /// (as long as the prefix; bytes of `destination[0..<count]` past it may be written);
    /// returns its length in bytes and updates `afterSpace` (1 when its last character is a
    /// space). The caller guarantees `destination` has room for `count` bytes.
    @inline(__always)
    static func foldEasyPrefix(
        _ source: UnsafePointer<UInt8>, count: Int, into destination: UnsafeMutablePointer<UInt8>,
        prepared: UnsafePointer<UInt8>, afterSpace: inout UInt32
    ) -> Int {
        // SAFETY: the kernel reads source[0..<count] and the 256 bytes of `prepared`, and
        // writes inside destination[0..<count], which the caller has room for.
        Int(nazif_fold_easy_prefix(source, count, destination, prepared, &afterSpace))
    }
}
