internal import CArabicICU

extension UnicodeForm {
    /// The form's number in CArabicICU's `nz_normalizer_instance`: 0 NFC, 1 NFD, 2 NFKC, 3 NFKD.
    var icuIndex: Int32 {
        switch self {
        case .nfc: 0
        case .nfd: 1
        case .nfkc: 2
        case .nfkd: 3
        }
    }
}

/// ICU's quick-check answer for one code point (`UNormalizationCheckResult`).
enum NormalizationQuickCheck: Int32 {
    case no = 0
    case yes = 1
    case maybe = 2
}

/// A handle on one of ICU's shared Normalizer2 instances. The pointer is ICU's and lives for the
/// life of the process; ICU documents these instances as thread-safe.
struct ICUNormalizerHandle: @unchecked Sendable {
    let pointer: UnsafeRawPointer

    private static let instances: [ICUNormalizerHandle] = UnicodeForm.allCases.map { form in
        var status: Int32 = 0
        guard let pointer = nz_normalizer_instance(form.icuIndex, &status),
            !ICUError.failed(status)
        else {
            // ICU's normalization data is part of libicuuc itself; failing to load it means the
            // ICU installation is broken, which no caller can recover from.
            fatalError("ICU normalizer data for \(form) is missing: \(ICUError(code: status, operation: "getInstance"))")
        }
        return ICUNormalizerHandle(pointer: pointer)
    }

    static func instance(for form: UnicodeForm) -> ICUNormalizerHandle {
        instances[Int(form.icuIndex)]
    }

    /// The largest piece handed to ICU at once (its lengths are 32-bit).
    static let maximumPiece = 64 << 20

    /// Appends the normalized form of `source` to `writer`.
    func normalize(_ source: UnsafeBufferPointer<UInt8>, into writer: inout ByteWriter) {
        guard source.count > 0 else { return }
        var start = 0
        while source.count - start > Self.maximumPiece {
            let end = pieceEnd(in: source, from: start)
            normalizePiece(UnsafeBufferPointer(rebasing: source[start..<end]), into: &writer)
            start = end
        }
        normalizePiece(UnsafeBufferPointer(rebasing: source[start...]), into: &writer)
    }

    /// A split point after `start` where no normalization segment straddles: before a code point
    /// that has a boundary before it (every ASCII byte qualifies).
    private func pieceEnd(in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + Self.maximumPiece
        while index > start + 1 {
            let byte = source[index]
            if byte < 0x80 { return index }
            if byte & 0xC0 != 0x80, hasBoundaryBefore(source.decodeScalar(at: index).value) {
                return index
            }
            index -= 1
        }
        // No boundary in 64 MB (a single base with millions of marks): cut at a scalar start.
        index = start + Self.maximumPiece
        while index < source.count, source[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }

    private func normalizePiece(_ source: UnsafeBufferPointer<UInt8>, into writer: inout ByteWriter) {
        var capacity = source.count + source.count / 2 + 16
        while true {
            writer.reserve(capacity)
            var status: Int32 = 0
            // SAFETY: ICU reads source[0..<count] and writes at most `capacity` bytes at the
            // writer's end, which reserve(capacity) made room for; it reports the full length.
            let needed = nz_normalize_utf8(
                pointer, source.baseAddress, Int32(source.count),
                writer.base + writer.count, Int32(capacity), &status)
            if status == ICUError.bufferOverflow {
                capacity = Int(needed)
                continue
            }
            // normalizeUTF8 fails only on bad arguments or memory exhaustion; neither can be
            // recovered here, and bad arguments would be a bug in this function.
            precondition(!ICUError.failed(status), "\(ICUError(code: status, operation: "normalizeUTF8"))")
            writer.count += Int(needed)
            return
        }
    }

    func isNormalized(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var status: Int32 = 0
        // SAFETY: ICU only reads source[0..<count].
        let result = nz_is_normalized_utf8(pointer, source.baseAddress, Int32(source.count), &status)
        return result == 1 && !ICUError.failed(status)
    }

    func combiningClass(_ scalar: UInt32) -> UInt8 { nz_combining_class(pointer, scalar) }

    /// ICU's quick check for one code point.
    func quickCheck(_ scalar: UInt32) -> NormalizationQuickCheck {
        var status: Int32 = 0
        return NormalizationQuickCheck(rawValue: nz_quick_check(pointer, scalar, &status)) ?? .maybe
    }

    func hasBoundaryBefore(_ scalar: UInt32) -> Bool { nz_has_boundary_before(pointer, scalar) == 1 }
}
