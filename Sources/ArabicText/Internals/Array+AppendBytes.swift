extension Array where Element == UInt8 {
    /// Appends the bytes `write` puts at the pointer it is given (room for `maximum` bytes) and
    /// returns the count of: the one way the byte transforms write into a caller's array.
    ///
    /// ```swift
    /// output.appendBytes(atMost: input.count * 2) { out in transform(input, out) }
    /// ```
    @inline(__always)
    mutating func appendBytes(atMost maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        let start = count
        // Zeroed room first: a memset, far cheaper than the transforms that fill it.
        append(contentsOf: repeatElement(0, count: maximum))
        let written = withUnsafeMutableBufferPointer { buffer in
            // SAFETY: the buffer holds `maximum` bytes from `start`; `write` promises to stay in them.
            write(buffer.baseAddress! + start)
        }
        precondition(written >= 0 && written <= maximum, "a transform wrote outside its room")
        removeLast(maximum - written)
    }
}
