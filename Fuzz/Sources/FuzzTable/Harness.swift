import Boilerplate

/// The table reader on arbitrary bytes, as they are and with their last 8 bytes replaced by the
/// right checksum (a crafted file recomputes it; without this the fuzzer stops at the checksum):
/// it may refuse them, never trap; a table it accepts serializes to bytes that read back to the
/// same bytes, and merges with itself into a table that reads back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTable(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
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
    guard let table = try? RepetitionTable(serialized: bytes) else { return }
    let again = table.serialized()
    guard let back = try? RepetitionTable(serialized: again), back.serialized() == again else {
        fatalError("an accepted table does not read back")
    }
    var merged = table
    merged.merge(table)
    guard (try? RepetitionTable(serialized: merged.serialized())) != nil else {
        fatalError("a table merged with itself does not read back")
    }
}
