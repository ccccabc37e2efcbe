/// An index of documents by their MinHash band keys that assigns each added document to a
/// cluster of near-duplicates, usable by a long-running service (add documents as they come,
/// ask for a cluster at any time) and by batch deduplication (``removals(keep:)`` at the end).
///
/// A document that shares a band key with an earlier one becomes a candidate pair with it; the
/// pair is a duplicate when the sketches' estimated similarity reaches the threshold, and
/// duplicates are joined by union-find. Documents are numbered from 0 in the order added, and a
/// cluster is named by its first document. Memory per document: a slot of 8 bytes in each band
/// table (at most 70 % full), `bands × rows` sketch bytes, and 8 bytes of union-find and length.
///
/// ```swift
/// var index = DuplicateIndex(parameters: MinHashParameters())
/// let first = index.add(Signature(text: article, parameters: index.parameters))
/// let second = index.add(Signature(text: article + " حصري", parameters: index.parameters))
/// first == second   // true: one cluster
/// ```
public struct DuplicateIndex: Sendable {
    /// The parameters every added signature must have been made with.
    public let parameters: MinHashParameters
    private var tables: [BandTable]
    private var exact = BandTable()
    private var sketches: [UInt8] = []
    private var parent: [UInt32] = []
    private var lengths: [UInt32] = []
    private var kinds: [Signature.Kind] = []

    /// An empty index.
    ///
    /// ```swift
    /// var index = DuplicateIndex(parameters: MinHashParameters(bands: 14, rows: 8))
    /// ```
    public init(parameters: MinHashParameters, expectedDocuments: Int = 1024) {
        self.parameters = parameters
        tables = Array(repeating: BandTable(capacity: expectedDocuments), count: parameters.bands)
        sketches.reserveCapacity(expectedDocuments * parameters.permutations)
    }

    /// The number of documents added.
    ///
    /// ```swift
    /// index.count   // 2
    /// ```
    public var count: Int { parent.count }

    /// Adds a document and returns its cluster (the number of the cluster's first document).
    /// `length` (its size in bytes, say) is what ``KeepPolicy/longest`` compares.
    ///
    /// ```swift
    /// let cluster = index.add(signature, length: text.utf8.count)
    /// ```
    @discardableResult
    public mutating func add(_ signature: Signature, length: Int = 0) -> Int {
        precondition(parent.count < Int(UInt32.max), "too many documents")
        let document = parent.count
        parent.append(UInt32(document))
        lengths.append(UInt32(clamping: length))
        kinds.append(signature.kind)
        switch signature.kind {
        case .empty:
            sketches.append(contentsOf: repeatElement(0, count: parameters.permutations))
        case .exact:
            sketches.append(contentsOf: repeatElement(0, count: parameters.permutations))
            if let earlier = exact.findOrInsert(signature.bandKeys[0], document: document) { union(earlier, document) }
        case .shingled:
            precondition(
                signature.sketch.count == parameters.permutations && signature.bandKeys.count == parameters.bands,
                "signature made with other parameters")
            sketches.append(contentsOf: signature.sketch)
            for band in 0..<parameters.bands {
                guard let earlier = tables[band].findOrInsert(signature.bandKeys[band], document: document) else { continue }
                if find(earlier) == find(document) { continue }
                if similarity(earlier, document) >= parameters.threshold { union(earlier, document) }
            }
        }
        return find(document)
    }

    /// The cluster of a document added earlier (the number of the cluster's first document).
    ///
    /// ```swift
    /// index.cluster(of: 1)   // 0
    /// ```
    public mutating func cluster(of document: Int) -> Int { find(document) }

    /// The estimated similarity of two added documents (0 unless both were shingled, or both
    /// are exact and equal).
    ///
    /// ```swift
    /// index.similarity(0, 1)   // 0.98
    /// ```
    public func similarity(_ a: Int, _ b: Int) -> Double {
        switch (kinds[a], kinds[b]) {
        case (.shingled, .shingled):
            let width = parameters.permutations
            return sketches.withUnsafeBufferPointer { all in
                Signature.similarity(
                    UnsafeBufferPointer(rebasing: all[(a * width)..<((a + 1) * width)]),
                    UnsafeBufferPointer(rebasing: all[(b * width)..<((b + 1) * width)]))
            }
        case (.exact, .exact):
            return 1  // joined only when the exact hashes are equal
        default:
            return 0
        }
    }

    /// Which document of a cluster stays.
    public enum KeepPolicy: String, Sendable, CaseIterable {
        /// The first added.
        case first
        /// The longest (by the `length` given to ``DuplicateIndex/add(_:length:)``), the first
        /// of equal ones.
        case longest
    }

    /// A document to remove: its number, its cluster's kept document and their estimated
    /// similarity.
    public struct Removal: Sendable, Hashable {
        /// The removed document.
        public let document: Int
        /// Its cluster (the number of the cluster's first document).
        public let cluster: Int
        /// The document kept in its place.
        public let kept: Int
        /// The estimated similarity of the removed and the kept document.
        public let similarity: Double
    }

    /// Every document to remove, in document order: all but one of each cluster.
    ///
    /// ```swift
    /// for removal in index.removals(keep: .first) { print(removal.document, removal.kept) }
    /// ```
    public mutating func removals(keep: KeepPolicy) -> [Removal] {
        var kept = [UInt32](repeating: UInt32.max, count: count)  // per root
        for document in 0..<count {
            let root = find(document)
            switch keep {
            case .first:
                if kept[root] == UInt32.max { kept[root] = UInt32(document) }
            case .longest:
                if kept[root] == UInt32.max || lengths[document] > lengths[Int(kept[root])] { kept[root] = UInt32(document) }
            }
        }
        var result: [Removal] = []
        for document in 0..<count {
            let root = find(document)
            let keeper = Int(kept[root])
            if keeper != document {
                result.append(Removal(document: document, cluster: root, kept: keeper, similarity: similarity(document, keeper)))
            }
        }
        return result
    }

    /// Bytes held by the index (tables, sketches, union-find, lengths, kinds).
    ///
    /// ```swift
    /// print(index.memoryBytes / max(1, index.count), "bytes per document")
    /// ```
    public var memoryBytes: Int {
        tables.reduce(exact.bytes) { $0 + $1.bytes } + sketches.capacity + parent.capacity * 4
            + lengths.capacity * 4 + kinds.capacity
    }

    // MARK: - Union-find (the smaller number is the root, so a cluster's root is its first document)

    private mutating func find(_ document: Int) -> Int {
        var node = document
        while Int(parent[node]) != node {
            let grand = parent[Int(parent[node])]
            parent[node] = grand
            node = Int(grand)
        }
        return node
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        if rootA == rootB { return }
        if rootA < rootB { parent[rootB] = UInt32(rootA) } else { parent[rootA] = UInt32(rootB) }
    }
}
