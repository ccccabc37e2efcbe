/// The second pass: every input's lines written byte for byte, except the removed records;
/// with `mark`, every record kept and the field added to each document's JSON object.
struct KeptRecordWriter {
    let sink: OutputSink
    /// `--mark FIELD`: the JSON name bytes, quoted, with the colon (`"FIELD":`).
    let mark: [UInt8]?

    init(sink: OutputSink, markField: String?) {
        self.sink = sink
        if let markField {
            var name: [UInt8] = []
            markField.utf8CString.dropLast().map { UInt8(bitPattern: $0) }.withUnsafeBufferPointer {
                JSONText.appendString($0, to: &name)
            }
            mark = name + [UInt8(ascii: ":")]
        } else {
            mark = nil
        }
    }

    /// Copies `path` to the sink: lines in `removed` (increasing) left out; with a mark, the
    /// cluster of each line in `clusters` (increasing) spliced into its object.
    func copy(path: String, displayName: String?, removed: [Int], clusters: [(line: Int, cluster: Int)]) throws {
        let input = try InputFile.open(path)
        if let displayName { input.name = displayName }
        let reader = ChunkReader(input: input, chunkSize: 1 << 20, lineSplitSize: Int.max / 2)
        var nextRemoved = 0
        var nextCluster = 0
        var output: [UInt8] = []
        while let chunk = try reader.next() {
            if sink.isClosed { return }
            output.removeAll(keepingCapacity: true)
            chunk.bytes.withUnsafeBufferPointer { bytes in
                var line = chunk.firstLine
                var start = 0
                var keptFrom = 0  // bytes from here to `start` are kept and not yet copied
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                    let next = min(end + 1, bytes.count)
                    while nextRemoved < removed.count && removed[nextRemoved] < line { nextRemoved += 1 }
                    let drop = nextRemoved < removed.count && removed[nextRemoved] == line
                    while nextCluster < clusters.count && clusters[nextCluster].line < line { nextCluster += 1 }
                    let cluster = nextCluster < clusters.count && clusters[nextCluster].line == line ? clusters[nextCluster].cluster : nil
                    if drop || (mark != nil && cluster != nil) {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[keptFrom..<start]))
                        if !drop, let cluster, let mark {
                            Self.appendMarked(UnsafeBufferPointer(rebasing: bytes[start..<next]), mark: mark, cluster: cluster, to: &output)
                        }
                        keptFrom = next
                    }
                    start = next
                    line += 1
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[keptFrom..<bytes.count]))
            }
            try sink.write(output)
        }
    }

    /// A JSON object line with `"FIELD":cluster` added before its closing brace.
    static func appendMarked(_ line: UnsafeBufferPointer<UInt8>, mark: [UInt8], cluster: Int, to output: inout [UInt8]) {
        var close = line.count - 1
        while close >= 0 && line[close] != UInt8(ascii: "}") { close -= 1 }
        guard close > 0 else {
            output.append(contentsOf: line)
            return
        }
        var before = close - 1
        while before >= 0 && (line[before] == 0x20 || line[before] == 0x09) { before -= 1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[0..<close]))
        if before >= 0 && line[before] != UInt8(ascii: "{") { output.append(UInt8(ascii: ",")) }
        output.append(contentsOf: mark)
        output.appendDecimal(cluster)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[close...]))
    }
}
