import Boilerplate

let plain = Cleaner()

/// `clean` on one document, without a table and with one that counts the document in three
/// documents of its group (so every line is a template candidate). Checked: the kept text is
/// whole input lines in order (a subsequence), removals lie inside the text and do not
/// overlap; invalid UTF-8 is reported with an offset inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClean(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    let document = Document(utf8: Array(input))
    var table = RepetitionTable()
    for _ in 0..<3 { table.add(document, group: "g") }
    for (cleaner, group) in [(plain, ""), (Cleaner(table: table), "g")] {
        let verdict = cleaner.decide(utf8: input, group: group)
        if let bad = verdict.firstInvalidOffset {
            precondition(bad >= 0 && bad < count, "invalid offset outside the input")
            continue
        }
        var end = 0
        for span in verdict.keptSpans {
            precondition(span.lowerBound >= end && span.upperBound <= count, "kept span out of order")
            end = span.upperBound
        }
        end = 0
        for removal in verdict.removals.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            precondition(removal.range.lowerBound >= end && removal.range.upperBound <= count, "removal outside or overlapping")
            end = removal.range.upperBound
        }
        // Kept lines are whole lines of the input, byte for byte.
        for span in verdict.keptSpans {
            precondition(span.lowerBound == 0 || input[span.lowerBound - 1] == 0x0A, "kept span starts inside a line")
            precondition(span.upperBound == count || input[span.upperBound - 1] == 0x0A, "kept span ends inside a line")
        }
        let cleaned = Array(verdict.cleanedBytes(of: input, terminate: false))
        precondition(cleaned.count <= count, "cleaned text longer than the input")
    }
    return 0
}
