import Dedup

/// The clusters of every document read, by input: which records go, which cluster each is in.
/// Built the same way from documents signed in this process and from signature files, so
/// `nazif dedup` and `signatures` + `clusters` + `apply` give the same output.
struct Clustering {
    private var index: DuplicateIndex
    /// For each document added (in order): its input and record line.
    private var sources: [UInt32] = []
    private var lines: [UInt32] = []

    init(parameters: MinHashParameters) {
        index = DuplicateIndex(parameters: parameters, expectedDocuments: 1 << 16)
    }

    var count: Int { index.count }
    var memoryBytes: Int { index.memoryBytes + sources.capacity * 4 + lines.capacity * 4 }

    mutating func add(source: Int, line: Int, length: Int, signature: Signature) {
        index.add(signature, length: length)
        sources.append(UInt32(source))
        lines.append(UInt32(clamping: line))
    }

    /// Where a document came from.
    func place(_ document: Int) -> (source: Int, line: Int) { (Int(sources[document]), Int(lines[document])) }

    /// The removals, in document order, and (when `withClusters`) every document's cluster.
    mutating func plan(keep: DuplicateIndex.KeepPolicy, sourceCount: Int, withClusters: Bool) -> RemovalPlan {
        var plan = RemovalPlan(sourceCount: sourceCount)
        for removal in index.removals(keep: keep) {
            let (source, line) = place(removal.document)
            plan.removed[source].append(line)
            plan.removals.append(removal)
        }
        if withClusters {
            for document in 0..<index.count {
                let (source, line) = place(document)
                plan.clusters[source].append((line, index.cluster(of: document) + 1))
            }
        }
        return plan
    }
}

/// What to drop (and mark) in each input.
struct RemovalPlan {
    /// Per input: the lines of the records to drop, increasing.
    var removed: [[Int]]
    /// Per input: (line, cluster number from 1) of every document, increasing (for --mark).
    var clusters: [[(line: Int, cluster: Int)]]
    /// The removals as the index gave them (for --explain and the removal list).
    var removals: [DuplicateIndex.Removal] = []

    init(sourceCount: Int) {
        removed = Array(repeating: [], count: sourceCount)
        clusters = Array(repeating: [], count: sourceCount)
    }
}

/// The removal list file: a comment line, then one removed record a line, tab-separated:
/// source, record line, the kept record's source and line, the estimated similarity.
///
/// ```
/// # nazif dedup removals v1: source, line, kept source, kept line, similarity
/// part-1.jsonl	17	part-0.jsonl	3	0.9427
/// ```
enum RemovalList {
    static let header = "# nazif dedup removals v1: source, line, kept source, kept line, similarity\n"

    static func render(_ plan: RemovalPlan, clustering: Clustering, names: [String]) -> [UInt8] {
        var out: [UInt8] = Array(header.utf8)
        for removal in plan.removals {
            let (source, line) = clustering.place(removal.document)
            let (keptSource, keptLine) = clustering.place(removal.kept)
            out.append(contentsOf: "\(names[source])\t\(line)\t\(names[keptSource])\t\(keptLine)\t\(formatSimilarity(removal.similarity))\n".utf8)
        }
        return out
    }

    static func formatSimilarity(_ value: Double) -> String {
        let scaled = Int((value * 10000).rounded())
        let fraction = String(scaled % 10000)
        return "\(scaled / 10000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// The lines to drop for `source`, increasing. A line that is not a comment and not five
    /// tab-separated fields with a record number: exit 65 with the file and line.
    static func lines(in bytes: [UInt8], file: String, source: String) throws -> [Int] {
        var result: [Int] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if rawLine.isEmpty || rawLine.first == UInt8(ascii: "#") { continue }
            let fields = rawLine.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 5, let line = Int(String(decoding: fields[1], as: UTF8.self)), line >= 1 else {
                throw Failure.data("\(file):\(lineNumber): not a removal list line (source, line, kept source, kept line, similarity)")
            }
            if fields[0].elementsEqual(source.utf8) { result.append(line) }
        }
        result.sort()
        return result
    }
}
