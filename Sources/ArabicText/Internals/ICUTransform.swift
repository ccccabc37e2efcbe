internal import CArabicICU

/// One ICU transliterator (`utrans`), opened by ID or from rules. Not thread-safe: a handle is
/// used by one thread at a time (``Transliterator`` pools clones), and closed exactly once.
///
/// ```swift
/// switch ICUTransformHandle.open(id: "Arabic-Latin", rules: nil, reverse: false) {
/// case .success(let handle): defer { handle.close() }
/// case .failure(let failure): print(failure.error)
/// }
/// ```
// SAFETY: @unchecked Sendable because the pointer is only handed between threads by a pool that
// guarantees exclusive use (see Transliterator); ICU itself is never called concurrently on it.
struct ICUTransformHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    /// Why a transform did not open: ICU's status and, for rules, the parse error position
    /// ICU reports (-1 when unknown).
    struct OpenFailure: Error {
        var error: ICUError
        var line: Int
        var offset: Int
    }

    /// Opens a transform by ID, or compiles `rules` (when given) under that ID.
    static func open(id: String, rules: String?, reverse: Bool) -> Result<ICUTransformHandle, OpenFailure> {
        var status: Int32 = 0
        var line: Int32 = -1
        var offset: Int32 = -1
        var idBytes = Array(id.utf8)
        let direction: Int32 = reverse ? 1 : 0
        // SAFETY: ICU reads the ID and rule buffers only during the call; the arrays outlive it.
        let pointer: UnsafeMutableRawPointer? = idBytes.withUnsafeMutableBufferPointer { identifier in
            if let rules {
                var ruleBytes = Array(rules.utf8)
                return ruleBytes.withUnsafeMutableBufferPointer { ruleBuffer in
                    nz_transliterator_open(
                        identifier.baseAddress, Int32(identifier.count),
                        ruleBuffer.baseAddress, Int32(ruleBuffer.count),
                        direction, &line, &offset, &status)
                }
            }
            return nz_transliterator_open(
                identifier.baseAddress, Int32(identifier.count), nil, 0,
                direction, &line, &offset, &status)
        }
        guard let pointer, !ICUError.failed(status) else {
            return .failure(
                OpenFailure(
                    error: ICUError(code: status, operation: "utrans_openU"),
                    line: Int(line), offset: Int(offset)))
        }
        return .success(ICUTransformHandle(pointer: pointer))
    }

    /// An independent copy (`utrans_clone`), or the error when memory runs out.
    func clone() -> Result<ICUTransformHandle, ICUError> {
        var status: Int32 = 0
        guard let copy = nz_transliterator_clone(pointer, &status), !ICUError.failed(status) else {
            return .failure(ICUError(code: status, operation: "utrans_clone"))
        }
        return .success(ICUTransformHandle(pointer: copy))
    }

    /// Gives the handle back to ICU; it must not be used afterwards.
    func close() { nz_transliterator_close(pointer) }

    /// Transliterates UTF-8 `input` (ill-formed sequences become U+FFFD), appending to `output`.
    func transliterate(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard input.count > 0 else { return }
        var capacity = input.count * 3 + 64
        while true {
            var status: Int32 = 0
            var needed = 0
            output.appendBytes(atMost: capacity) { out in
                // SAFETY: ICU reads input[0..<count] and writes at most `capacity` bytes at
                // `out`, which appendBytes(atMost:) reserved.
                let written = Int(
                    nz_transliterate_utf8(
                        pointer, input.baseAddress, Int32(input.count),
                        out, Int32(capacity), &status))
                if status == ICUError.bufferOverflow && written > capacity {
                    needed = written
                    return 0
                }
                // utrans fails only on bad arguments or memory exhaustion: keep what came back.
                return max(0, min(written, capacity))
            }
            guard needed > 0 else { return }
            capacity = needed
        }
    }

    /// The IDs of every transform ICU has installed.
    static var availableIDs: [String] {
        var status: Int32 = 0
        let needed = nz_transliterator_ids(nil, 0, &status)
        var buffer = [UInt8](repeating: 0, count: Int(max(needed, 1)))
        status = 0
        // SAFETY: ICU writes at most `count` bytes into the buffer.
        _ = buffer.withUnsafeMutableBufferPointer { nz_transliterator_ids($0.baseAddress, Int32($0.count), &status) }
        return buffer.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
