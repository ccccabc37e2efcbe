/// The data files the names code embeds (the name dictionary, the romanizer model) are
/// tab-separated lines with `#` comments: this walks their lines as byte ranges, without a
/// String or an Array per line.
enum TabSeparatedLines {
    /// Calls `body` with the fields (byte ranges of `bytes`) of each line that is neither empty
    /// nor a `#` comment; the last line needs no line break. The array is reused between lines.
    static func forEach<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, _ body: (_ fields: [Range<Int>]) -> Void
    ) where Bytes.Index == Int {
        var start = bytes.startIndex
        var fields: [Range<Int>] = []
        for index in bytes.startIndex...bytes.endIndex where index == bytes.endIndex || bytes[index] == 0x0A {
            let line = start..<index
            start = index + 1
            guard !line.isEmpty, bytes[line.lowerBound] != 0x23 else { continue }  // '#'
            fields.removeAll(keepingCapacity: true)
            var fieldStart = line.lowerBound
            for position in line where bytes[position] == 0x09 {
                fields.append(fieldStart..<position)
                fieldStart = position + 1
            }
            fields.append(fieldStart..<line.upperBound)
            body(fields)
        }
    }
}
