/// A stable 64-bit hash of a line's key, the identity of a line in duplicate detection and in
/// repetition tables. Stable across runs, machines and versions of Swift (table files store it),
/// so it is not Swift's `Hasher` (seeded per process). The function is a simple multiply-mix over
/// eight-byte words (in the spirit of wyhash), with the length folded in; version 1 of the table
/// format fixes it.
///
/// ```swift
/// let hash = Array("كوريا الشماليه".utf8).withUnsafeBufferPointer { KeyHash.hash($0) }
/// ```
public enum KeyHash {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let multiplier: UInt64 = 0xBF58_476D_1CE4_E5B9

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The hash of a byte string.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = seed ^ UInt64(bytes.count) &* multiplier
        guard let base = bytes.baseAddress else { return mix(state, multiplier) }
        var index = 0
        // SAFETY: unaligned eight-byte loads at index..<index+8, all inside the buffer.
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            state = mix(state ^ word.littleEndian, multiplier)
            index += 8
        }
        // The last 0 to 7 bytes, packed little-endian.
        var tail: UInt64 = 0
        let remaining = bytes.count - index
        if remaining > 0 && bytes.count >= 8 {
            // SAFETY: an unaligned load of the buffer's last eight bytes; the remaining ones
            // are its top bytes (the same value as packing them one by one).
            let last = UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self).littleEndian
            tail = last >> UInt64(64 - 8 * remaining)
        } else {
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
        }
        state = mix(state ^ tail, multiplier ^ 0x94D0_49BB_1331_11EB)
        return mix(state, seed)
    }

    /// The hash of a line key with every run of digits counted as one: keys fold each digit to
    /// 0, and "(165)" and "(3)" in two copies of an SMS footer should meet as well.
    public static func lineHash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress, CLibrary.firstByte(0x30, in: base, count: key.count) != nil else { return hash(key) }
        // On the stack for lines of ordinary length: no allocation per line with a digit. The
        // text between runs of zeros is copied with memcpy (most lines with a digit have a few
        // numbers among many letters; a byte loop over the whole line cost more than the hash).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.count) { collapsed in
            // SAFETY: reads stay in `key`, writes in `collapsed`, which is as long as `key` and
            // never receives more bytes than were read.
            let destination = collapsed.baseAddress!
            var count = 0
            var position = 0
            while position < key.count {
                let zero =
                    CLibrary.firstByte(0x30, in: base + position, count: key.count - position)
                    .map { $0 - UnsafeRawPointer(base) } ?? key.count
                // Up to and including the first zero of a run.
                let segmentEnd = min(zero + 1, key.count)
                CLibrary.copyBytes(to: destination + count, from: base + position, count: segmentEnd - position)
                count += segmentEnd - position
                position = segmentEnd
                while position < key.count && base[position] == 0x30 { position += 1 }
            }
            return hash(UnsafeBufferPointer(start: destination, count: count))
        }
    }

    /// The hash of a string's UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }
}
