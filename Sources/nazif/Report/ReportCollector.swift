/// Chooses the documents the report shows, as they stream past in input order: the ones with
/// most removals, and a random sample (seeded, so a run is repeatable) of the others. Memory
/// stays bounded by the sample size whatever the input's. Also tallies the site-template lines
/// of every document, sampled or not.
struct ReportCollector {
    /// How many documents are shown: the first half by most removals, the rest at random.
    let sampleSize: Int
    private(set) var mostRemovals: [ReportDocument] = []  // most removals first
    private var reservoir: [ReportDocument] = []
    private var random: SplitMix64
    private var seen = 0
    private(set) var templates = TemplateTally()

    var mostRemovalsCount: Int { (sampleSize + 1) / 2 }
    var randomCount: Int { sampleSize - mostRemovalsCount }

    init(sampleSize: Int, seed: UInt64) {
        self.sampleSize = max(0, sampleSize)
        random = SplitMix64(seed: seed)
    }

    mutating func add(_ document: ReportDocument) {
        var document = document
        document.sequence = seen
        seen += 1
        for line in document.templateLines {
            templates.add(group: document.group, line: line.text, detail: line.detail)
        }
        document.templateLines = []
        // Most removals: ties keep the earlier document.
        if mostRemovalsCount > 0, !document.removals.isEmpty,
            mostRemovals.count < mostRemovalsCount || document.removals.count > mostRemovals.last!.removals.count
        {
            var position = mostRemovals.count
            while position > 0 && mostRemovals[position - 1].removals.count < document.removals.count { position -= 1 }
            mostRemovals.insert(document, at: position)
            if mostRemovals.count > mostRemovalsCount { mostRemovals.removeLast() }
        }
        // The random sample: a reservoir of every document, large enough to leave `randomCount`
        // once the ones already shown for their removals are taken out.
        let capacity = randomCount == 0 ? 0 : randomCount + mostRemovalsCount
        if reservoir.count < capacity {
            reservoir.append(document)
        } else if capacity > 0 {
            let slot = Int(random.next() % UInt64(seen))
            if slot < capacity { reservoir[slot] = document }
        }
    }

    /// The documents to show, each with why it was chosen: most removals first, then the random
    /// sample in input order.
    var chosen: [(document: ReportDocument, reason: SampleReason)] {
        let shown = Set(mostRemovals.map(\.sequence))
        let others = reservoir.filter { !shown.contains($0.sequence) }
            .sorted { $0.sequence < $1.sequence }.prefix(randomCount)
        return mostRemovals.map { ($0, .mostRemovals) } + others.map { ($0, .random) }
    }

    var documentsSeen: Int { seen }
}

enum SampleReason {
    case mostRemovals, random
}

/// The site-template lines removed in a run, per group, with the table's count of each
/// (capped: a corpus of many sites keeps the first ``limit`` distinct lines).
struct TemplateTally {
    struct Line {
        var text: [UInt8]
        /// The table's words: "in 5 of 40 documents of okaz.com.sa".
        var detail: String
        /// Documents of this run it was removed from.
        var removedFrom: Int
        var firstSeen: Int
    }

    static let limit = 20_000
    private(set) var groups: [String: [[UInt8]: Line]] = [:]
    private(set) var distinct = 0
    /// Lines not kept once ``limit`` was reached (their removals still count in the summary).
    private(set) var omitted = 0

    mutating func add(group: String, line: [UInt8], detail: String) {
        if groups[group]?[line] != nil {
            groups[group]![line]!.removedFrom += 1
            return
        }
        guard distinct < Self.limit else {
            omitted += 1
            return
        }
        groups[group, default: [:]][line] = Line(text: line, detail: detail, removedFrom: 1, firstSeen: distinct)
        distinct += 1
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the random sample
/// is the same for the same input and seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
