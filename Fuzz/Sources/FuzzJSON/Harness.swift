/// The CLI's JSON Lines scanner (`JSONLine`, its sources linked here: the CLI is an executable
/// target) on arbitrary bytes: it refuses or accepts, never traps; field ranges lie inside the
/// line; a decoded string escaped again (`JSONText`) scans and decodes back to the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let line = UnsafeBufferPointer(start: data, count: count)
    let text = Array("text".utf8)
    guard let scanned = try? JSONLine(line, wanted: [text, Array("url".utf8)], decoding: text) else { return 0 }
    for range in scanned.fields.values { precondition(range.lowerBound >= 0 && range.upperBound <= count) }
    guard let decoded = scanned.string(text) else { return 0 }
    if let inline = scanned.decoded { precondition(inline == decoded, "decoding while scanning differs") }
    var again = Array("{\"text\":".utf8)
    decoded.withUnsafeBufferPointer { JSONText.appendString($0, to: &again) }
    again.append(UInt8(ascii: "}"))
    again.withUnsafeBufferPointer { bytes in
        guard let back = try? JSONLine(bytes, wanted: [text], decoding: text) else {
            fatalError("an escaped string does not scan")
        }
        precondition(back.string(text) == decoded, "escape and decode do not round-trip")
    }
    return 0
}
