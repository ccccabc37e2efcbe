import Boilerplate

/// The table reader on arbitrary bytes: it may refuse them, never trap; a table it accepts
/// serializes to bytes it reads back to the same table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTable(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let table = try? RepetitionTable(serialized: bytes) else { return 0 }
    let again = table.serialized()
    guard let back = try? RepetitionTable(serialized: again), back.serialized() == again else {
        fatalError("an accepted table does not read back")
    }
    var merged = table
    merged.merge(table)
    _ = try! RepetitionTable(serialized: merged.serialized())
    return 0
}
