import Dedup
import Testing

@Suite struct IndexTests {
    let parameters = MinHashParameters()

    /// Property: over random mixes of copies and distinct texts, identical documents always
    /// share a cluster, documents from disjoint vocabularies never do, every document's cluster
    /// is a document at or before it, and the kept documents are a subsequence of the input.
    @Test(arguments: 1...12)
    func clustersProperty(seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let originals = (0..<20).map { Texts.text(30 + next(200), seed: seed * 100 + UInt64($0)) }
        var order: [Int] = []
        for _ in 0..<60 { order.append(next(originals.count)) }
        var index = DuplicateIndex(parameters: parameters)
        var clusters: [Int] = []
        for (number, original) in order.enumerated() {
            let cluster = index.add(Signature(text: originals[original], parameters: parameters), length: number)
            #expect(cluster <= number)
            clusters.append(cluster)
        }
        for a in order.indices {
            for b in order.indices where b > a && order[a] == order[b] {
                #expect(index.cluster(of: a) == index.cluster(of: b))
            }
        }
        for keep in DuplicateIndex.KeepPolicy.allCases {
            let removed = Set(index.removals(keep: keep).map(\.document))
            let kept = order.indices.filter { !removed.contains($0) }
            #expect(kept == kept.sorted())
            #expect(Set(kept.map { index.cluster(of: $0) }).count == kept.count, "one kept per cluster")
        }
    }

    @Test(arguments: 1...6)
    func disjointNeverCluster(seed: UInt64) {
        var index = DuplicateIndex(parameters: parameters)
        let latin = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
        for number in 0..<30 {
            // Each document draws from its own vocabulary: numbered words no other one uses.
            let words = (0..<80).map { "\(latin[($0 * 7 + Int(seed)) % latin.count])\(Self.letters(number))q\(Self.letters($0 % 13))" }
            #expect(index.add(Signature(text: words.joined(separator: " "), parameters: parameters)) == number)
        }
        #expect(index.removals(keep: .first).isEmpty)
    }

    /// A number spelled in letters (the key form folds every digit to 0).
    static func letters(_ number: Int) -> String {
        var number = number, text = ""
        repeat {
            text.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(number % 26))))
            number /= 26
        } while number > 0
        return text
    }

    @Test(arguments: DuplicateIndex.KeepPolicy.allCases)
    func keepPolicy(_ keep: DuplicateIndex.KeepPolicy) {
        let base = Texts.words(300, seed: 42)
        let texts = [
            base.joined(separator: " "), base.joined(separator: " ") + " وفي الختام",
            base.joined(separator: " "),
        ]
        var index = DuplicateIndex(parameters: parameters)
        for text in texts { index.add(Signature(text: text, parameters: parameters), length: text.utf8.count) }
        let removals = index.removals(keep: keep)
        #expect(removals.count == 2)
        let kept = keep == .first ? 0 : 1
        #expect(removals.allSatisfy { $0.kept == kept && $0.cluster == 0 && $0.similarity > 0.9 })
    }

    @Test func memoryPerDocumentIsBounded() {
        var index = DuplicateIndex(parameters: parameters, expectedDocuments: 2000)
        for number in 0..<2000 { index.add(Signature(text: Texts.text(40, seed: UInt64(number) + 1000), parameters: parameters)) }
        let perDocument = index.memoryBytes / index.count
        #expect(perDocument < 16 * 8 * 4 + 112 + 16, "\(perDocument) bytes per document")
    }
}
