import Boilerplate
import Dedup

/// The dedup signature file reader (`dedup clusters`) on arbitrary bytes, as they are and with
/// their last 8 bytes replaced by the right checksum (a crafted file recomputes it): it may
/// refuse them, never trap; a file it accepts writes back to bytes that read back to the same
/// entries and the same bytes; similarities between its signatures are in 0...1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignatures(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: count))
    check(bytes)
    if bytes.count >= 16 {
        let body = bytes.count - 8
        let checksum = bytes.withUnsafeBufferPointer { KeyHash.hash(UnsafeBufferPointer(rebasing: $0[0..<body])) }
        for index in 0..<8 { bytes[body + index] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(index))) }
        check(bytes)
    }
    return 0
}

func check(_ bytes: [UInt8]) {
    guard let file = try? SignatureFile(serialized: bytes) else { return }
    let again = file.serialized()
    guard let back = try? SignatureFile(serialized: again) else { fatalError("an accepted signature file does not read back") }
    precondition(
        back.entries == file.entries && back.parameters == file.parameters && back.source == file.source,
        "a signature file read back differs")
    precondition(back.serialized() == again, "a signature file does not write back to the same bytes")
    let sample = file.entries.prefix(4)
    for first in sample {
        for second in sample {
            let similarity = first.signature.estimatedSimilarity(to: second.signature)
            precondition(similarity >= 0 && similarity <= 1, "similarity \(similarity) outside 0...1")
        }
    }
}
