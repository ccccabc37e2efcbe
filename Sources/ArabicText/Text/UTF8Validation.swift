/// Checking and repairing UTF-8 at byte speed.
///
/// ```swift
/// let bytes: [UInt8] = [0x61, 0xFF, 0x62]
/// bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }   // 1
/// let (repaired, count) = bytes.withUnsafeBufferPointer { UTF8Validation.repaired($0) }
/// // repaired == "a\u{FFFD}b" as UTF-8, count == 1
/// ```
public enum UTF8Validation {
    /// The byte offset of the first ill-formed sequence, or nil when the bytes are valid UTF-8.
    /// Runs of ASCII are checked eight bytes at a time, and two-byte sequences (Arabic, Latin-1)
    /// take a short path of their own.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        while index < count {
            // SAFETY: every read is at an index checked against count; the unaligned load reads
            // bytes index..<index+8, inside the buffer.
            let lead = base[index]
            if lead < 0x80 {
                if index + 8 <= count
                    && UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                } else {
                    index += 1
                }
                continue
            }
            if lead &- 0xC2 <= 0xDF - 0xC2 {
                guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return index }
                index += 2
                continue
            }
            let decoded = bytes.decodeMultiByte(at: index, lead: UInt32(lead))
            if !decoded.isWellFormed { return index }
            index += decoded.length
        }
        return nil
    }

    /// The bytes with every ill-formed sequence replaced by U+FFFD (one per maximal subpart, as
    /// Unicode recommends), and the number of replacements.
    public static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], replacements: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var replacements = 0
        var index = 0
        var cleanStart = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let decoded = bytes.decodeMultiByte(at: index, lead: UInt32(lead))
            if decoded.isWellFormed {
                index += decoded.length
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cleanStart..<index]))
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            replacements += 1
            index += decoded.length
            cleanStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cleanStart..<bytes.count]))
        return (output, replacements)
    }
}
