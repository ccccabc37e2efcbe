import ArabicText

/// How many documents of each group (site) each line key occurs in: the memory of the
/// cross-document rule. Built by counting documents (``add(lineHashes:group:)``, `nazif learn`),
/// merged by addition (``merge(_:)``, `nazif merge`), saved to and loaded from a compact file
/// (``serialized()``, ``init(serialized:)``).
///
/// Size: 12 bytes per distinct line per group on disk; about 40 bytes in memory.
///
/// ```swift
/// var table = RepetitionTable()
/// table.add(Document(article), group: "aawsat.com")
/// let data = table.serialized()
/// ```
public struct RepetitionTable: Sendable {
    /// One group's counts.
    public struct Group: Sendable {
        /// The group's name (a site's host, a `--group-by` value, or "" for one group).
        public let name: String
        /// The number of documents counted in the group.
        public internal(set) var documents: Int
        /// Line key hash → documents that contain it.
        var counts: CountTable

        /// The number of distinct line keys.
        public var distinctLines: Int { counts.count }
    }

    /// The groups by name.
    public internal(set) var groups: [String: Group] = [:]

    /// An empty table.
    public init() {}

    /// The group of that name, if counted.
    public func group(named name: String) -> Group? { groups[name] }

    /// In how many documents of the group the line key occurs.
    @inline(__always)
    public func count(of hash: UInt64, in group: Group) -> Int {
        Int(group.counts.count(of: hash))
    }

    /// Counts one document: each distinct line key once.
    ///
    /// ```swift
    /// var table = RepetitionTable()
    /// for page in pages { table.add(Document(page.text), group: page.host) }
    /// ```
    public mutating func add(_ document: Document, group name: String) {
        add(lineHashes: document.lineHashes, group: name)
    }

    /// Counts one document given its line hashes (``Document/lineHashes``, or already
    /// ``distinctSorted(_:)`` on another thread): each distinct hash once.
    package mutating func add(lineHashes: [UInt64], group name: String) {
        var group = groups.removeValue(forKey: name) ?? Group(name: name, documents: 0, counts: CountTable())
        group.documents = Self.saturatingSum(group.documents, 1)
        // Hashes already sorted (``distinctSorted(_:)``, done on a worker thread) skip the sort.
        let distinct = Self.isDistinctSorted(lineHashes) ? lineHashes : Self.distinctSorted(lineHashes)
        for hash in distinct { group.counts.add(hash) }
        groups[name] = group
    }

    /// The hashes sorted, each once: what ``add(lineHashes:group:)`` counts. Callers that count
    /// on one thread and prepare on others do this part on the others.
    ///
    package static func distinctSorted(_ hashes: [UInt64]) -> [UInt64] {
        var sorted = hashes
        sorted.sort()
        var kept = 0
        for index in sorted.indices where index == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    static func isDistinctSorted(_ hashes: [UInt64]) -> Bool {
        for index in hashes.indices.dropFirst() where hashes[index - 1] >= hashes[index] { return false }
        return true
    }

    /// `a + b`, or `Int.max` when that overflows: document totals saturate, like line counts.
    package static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// Adds another table's counts (shards counted apart). Counts saturate instead of wrapping:
    /// a line's count at `UInt32.max`, a group's documents at `Int.max`.
    ///
    /// ```swift
    /// var total = try RepetitionTable(serialized: a)
    /// total.merge(try RepetitionTable(serialized: b))
    /// ```
    public mutating func merge(_ other: RepetitionTable) {
        for (name, theirs) in other.groups {
            guard var mine = groups.removeValue(forKey: name) else {
                groups[name] = theirs
                continue
            }
            mine.documents = Self.saturatingSum(mine.documents, theirs.documents)
            for (hash, count) in theirs.counts.pairs { mine.counts.add(hash, count) }
            groups[name] = mine
        }
    }

    /// The hashes of a document's line keys (non-blank lines with a non-empty key), as
    /// ``Cleaner`` computes them (``Document/lineHashes``).
    package static func lineHashes(of text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { lineHashes(ofUTF8: $0) }
    }

    /// The hashes of a UTF-8 document's line keys.
    package static func lineHashes(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        lineHashesCheckingUTF8(text).hashes
    }

    /// The hashes of a document's line keys, and the offset of its first ill-formed UTF-8
    /// sequence (nil when valid), found while computing the keys.
    package static func lineHashesCheckingUTF8(_ text: UnsafeBufferPointer<UInt8>) -> (hashes: [UInt64], firstInvalid: Int?) {
        Cleaner.withKeyText(ofUTF8: text) { (lineHashes(ofKeyText: $0), $1) }
    }

    /// The hashes of the line keys in a document's key text (``Cleaner/keyText(ofUTF8:)``):
    /// one per line with a non-empty key.
    package static func lineHashes(ofKeyText keys: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var hashes: [UInt64] = []
        var start = 0
        while start < keys.count {
            let position = LineTable.nextLineBreak(keys, from: start)
            var end = position
            if end > start && keys[end - 1] == 0x0D { end -= 1 }
            if end > start { hashes.append(KeyHash.lineHash(UnsafeBufferPointer(rebasing: keys[start..<end]))) }
            start = position + 1
        }
        return hashes
    }

}
