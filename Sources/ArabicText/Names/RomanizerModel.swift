/// The trained joint-sequence (graphone) model the ``Romanizer`` spells unknown words with:
/// graphones (1–2 Arabic letters with 0–3 Latin letters: ب:p, تش:ch, ا:"") and a backoff n-gram
/// model over graphone sequences, built by `Tools/names/train_romanizer.py` from the dictionary's
/// training entries (`Sources/ArabicText/Data/romanizer_model.tsv`; sources and licences in its
/// header). Parsed once, on first use.
///
/// ```swift
/// let model = RomanizerModel.builtIn
/// model.candidates(for: "بيسكوف", count: 3).first?.latin   // "peskov"
/// ```
public final class RomanizerModel: Sendable {
    /// The model built into Nazif.
    public static let builtIn = RomanizerModel(parsing: EmbeddedData.romanizer_model_tsv)

    /// The n-gram order.
    public let order: Int
    /// Graphones in the model (without the sentence marks).
    public let graphoneCount: Int
    /// N-grams per order, `ngramCounts[0]` the unigrams.
    public let ngramCounts: [Int]

    /// Latin bytes of each graphone, by id (ids 0 and 1 are the start and end marks).
    let latin: [[UInt8]]
    /// Graphone ids by Arabic chunk: `chunks[code]` for one letter, `chunks[64 + a * 64 + b]` for two.
    let chunks: [[UInt16]]
    /// Open-addressing table of n-grams: packed ids, log10 p, log10 backoff, and whether the
    /// n-gram is the history of a longer one.
    let table: [Slot]
    let mask: Int

    /// One n-gram of the open-addressing table (key 0: empty).
    struct Slot: Sendable {
        var key: UInt64
        var logProbability: Float
        var backoff: Float
        var isContext: Bool
    }

    static let startID: UInt16 = 0, endID: UInt16 = 1
    /// Histories kept per letter.
    public static let defaultBeam = 16
    /// Paths scoring this much (log10) below the best of their letter are dropped.
    static let scoreBeam: Float = 6
    /// Graphones tried per Arabic chunk (the likeliest by unigram probability).
    static let optionsPerChunk = 12
    /// Below any real probability: an n-gram of unknown graphones.
    static let floor: Float = -99

    /// Parses the model file (format in its header). Malformed lines are skipped.
    ///
    /// ```swift
    /// let model = RomanizerModel(parsing: "order\t2\ng\t2\tب\tb\n2\t-0.1\n0 2\t-0.1\n2 1\t-0.1\n")
    /// ```
    public init(parsing text: String) {
        var order = 1
        var latin: [[UInt8]] = [[], []]
        var chunks = [[UInt16]](repeating: [], count: 64 + 64 * 64)
        var grams: [(UInt64, Float, Float)] = []
        var counts: [Int] = []
        var graphones = 0
        let utf8 = Array(text.utf8)
        TabSeparatedLines.forEach(in: utf8) { fields in
            let first = utf8[fields[0]]
            if first.elementsEqual("g".utf8), fields.count == 4 {
                guard let id = Self.integer(utf8[fields[1]]), id >= 2, id < 65_535 else { return }
                let codes = Self.letterCodes(utf8[fields[2]])
                guard (1...2).contains(codes.count) else { return }
                while latin.count <= id { latin.append([]) }
                latin[id] = Array(utf8[fields[3]])
                let slot = codes.count == 1 ? Int(codes[0]) : 64 + Int(codes[0]) * 64 + Int(codes[1])
                chunks[slot].append(UInt16(id))
                graphones += 1
            } else if first.elementsEqual("order".utf8), fields.count == 2 {
                order = Self.integer(utf8[fields[1]]) ?? 1
            } else if fields.count >= 2 {
                var key: UInt64 = 0, length = 0, valid = true
                var idStart = fields[0].lowerBound
                for position in fields[0].lowerBound...fields[0].upperBound
                where position == fields[0].upperBound || utf8[position] == 0x20 {
                    guard let id = Self.integer(utf8[idStart..<position]), id < 65_535 else { valid = false; break }
                    key = key << 16 | UInt64(id + 1)
                    length += 1
                    idStart = position + 1
                }
                guard valid, (1...4).contains(length),
                    let logP = Self.decimal(utf8[fields[1]])
                else { return }
                let backoff = fields.count > 2 ? Self.decimal(utf8[fields[2]]) ?? 0 : 0
                grams.append((key, logP, backoff))
                while counts.count < length { counts.append(0) }
                counts[length - 1] += 1
            }
        }
        var capacity = 16
        while capacity < grams.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var logProbabilities = [Float](repeating: Self.floor, count: capacity)
        var backoffs = [Float](repeating: 0, count: capacity)
        var isContext = [Bool](repeating: false, count: capacity)
        let mask = capacity - 1
        for (key, logP, backoff) in grams {
            var slot = Self.hash(key) & mask
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            logProbabilities[slot] = logP
            backoffs[slot] = backoff
        }
        // An n-gram is a context when a longer one extends it: histories that are not are cut
        // short, so more paths share a state.
        for (key, _, _) in grams where key >> 16 != 0 {
            var slot = Self.hash(key >> 16) & mask
            while keys[slot] != 0 {
                if keys[slot] == key >> 16 { isContext[slot] = true; break }
                slot = (slot + 1) & mask
            }
        }
        // The likeliest graphones of each chunk, by unigram probability: the rest almost never
        // make the n best and cost most of the search.
        func unigram(_ id: UInt16) -> Float {
            var slot = Self.hash(UInt64(id + 1)) & mask
            while keys[slot] != 0 {
                if keys[slot] == UInt64(id + 1) { return logProbabilities[slot] }
                slot = (slot + 1) & mask
            }
            return Self.floor
        }
        for index in chunks.indices where chunks[index].count > Self.optionsPerChunk {
            chunks[index] = Array(
                chunks[index].sorted { unigram($0) != unigram($1) ? unigram($0) > unigram($1) : $0 < $1 }
                    .prefix(Self.optionsPerChunk))
        }
        self.order = order
        self.latin = latin
        self.chunks = chunks
        // One slot holds all a probe reads (one cache miss instead of up to three).
        self.table = keys.indices.map {
            Slot(key: keys[$0], logProbability: logProbabilities[$0], backoff: backoffs[$0], isContext: isContext[$0])
        }
        self.mask = mask
        self.graphoneCount = graphones
        self.ngramCounts = counts
    }

    // MARK: - Scoring

    @inline(__always) static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    @inline(__always) func slot(of key: UInt64) -> Int? {
        var slot = Self.hash(key) & mask
        // SAFETY: the table is never full (load below 1), so the probe ends at the key or an empty
        // slot; slot stays in 0...mask, inside the buffer.
        return table.withUnsafeBufferPointer { table in
            while true {
                let found = table[slot].key
                if found == key { return slot }
                if found == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A history: up to `order - 1` graphone ids packed 16 bits each (id + 1), newest lowest.
    struct State: Hashable {
        var packed: UInt64
        var length: Int
    }

    /// log10 p(graphone | history), backing off to shorter histories.
    @inline(__always) func logProbability(of id: UInt16, after state: State) -> Float {
        var history = state.packed, length = state.length, total: Float = 0
        while true {
            if let found = slot(of: history << 16 | UInt64(id + 1)) { return total + table[found].logProbability }
            if length == 0 { return total + Self.floor }
            if let found = slot(of: history) { total += table[found].backoff }
            length -= 1
            history &= length == 0 ? 0 : (1 << UInt64(16 * length)) - 1
        }
    }

    /// The history after `id`: the last `order - 1` ids, cut to the longest that is a context.
    @inline(__always) func state(after state: State, adding id: UInt16) -> State {
        var length = min(state.length + 1, order - 1)
        var packed = (state.packed << 16 | UInt64(id + 1))
        packed &= length >= 4 ? ~0 : (1 << UInt64(16 * length)) - 1
        while length > 0 {
            if let found = slot(of: packed), table[found].isContext { break }
            length -= 1
            packed &= length == 0 ? 0 : (1 << UInt64(16 * length)) - 1
        }
        return State(packed: packed, length: length)
    }

    // MARK: - Decoding

    /// One spelling the model proposes, with its log10 joint probability.
    public struct Candidate: Sendable, Hashable {
        /// Lower-case Latin letters (and any space, hyphen or apostrophe the model writes).
        public var latin: String
        /// log10 of the probability of the word and this spelling together (its best
        /// alignment); higher is likelier.
        public var score: Double
    }

    /// A partial path: its score, history, and the arena index of its last graphone.
    struct Hypothesis {
        var score: Float
        var state: State
        var node: Int32
    }

    /// The `count` likeliest spellings of one word (search-normalized Arabic letters; anything
    /// else is skipped), best first, distinct; empty when the word has no Arabic letter or a
    /// letter the model has never seen.
    ///
    /// ```swift
    /// RomanizerModel.builtIn.candidates(for: "نتنياهو", count: 2).map(\.latin)
    /// ```
    public func candidates(for word: String, count: Int, beam: Int? = nil) -> [Candidate] {
        var word = word
        return word.withUTF8 { candidates(forUTF8: $0, count: count, beam: beam) }
    }

    /// ``candidates(for:count:beam:)`` on UTF-8 bytes.
    public func candidates(forUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int, beam: Int? = nil) -> [Candidate] {
        let wanted = max(1, count)
        let width = beam ?? Self.defaultBeam
        let letters = Self.letterCodes(bytes)
        guard !letters.isEmpty else { return [] }
        // Arena of (parent node, graphone id): the paths, shared.
        var parents: [Int32] = []
        var graphones: [UInt16] = []
        parents.reserveCapacity(letters.count * width * 8)
        graphones.reserveCapacity(letters.count * width * 8)
        var layers = [[Hypothesis]](repeating: [], count: letters.count + 1)
        layers[0] = [Hypothesis(score: 0, state: State(packed: UInt64(Self.startID + 1), length: 1), node: -1)]
        var layerBest = [Float](repeating: -.infinity, count: letters.count + 1)
        for position in 0..<letters.count {
            var layer = layers[position]
            guard !layer.isEmpty else { continue }
            Self.prune(&layer, perState: wanted, width: width)
            for hypothesis in layer {
                for span in 1...2 where position + span <= letters.count {
                    let slot =
                        span == 1
                        ? Int(letters[position])
                        : 64 + Int(letters[position]) * 64 + Int(letters[position + 1])
                    for id in chunks[slot] {
                        let score = hypothesis.score + logProbability(of: id, after: hypothesis.state)
                        // Below the score beam of the best path already there: pruning would drop
                        // it (that best can only rise), so it needs no history and no node.
                        if score < layerBest[position + span] - Self.scoreBeam { continue }
                        if score > layerBest[position + span] { layerBest[position + span] = score }
                        parents.append(hypothesis.node)
                        graphones.append(id)
                        layers[position + span].append(
                            Hypothesis(
                                score: score, state: state(after: hypothesis.state, adding: id),
                                node: Int32(parents.count - 1)))
                    }
                }
            }
            layers[position] = []
        }
        var finals = layers[letters.count]
        Self.prune(&finals, perState: wanted, width: width)
        var results: [Candidate] = []
        var bytesOut: [UInt8] = []
        for hypothesis in finals {
            let score = Double(hypothesis.score + logProbability(of: Self.endID, after: hypothesis.state))
            bytesOut.removeAll(keepingCapacity: true)
            var node = hypothesis.node
            var reversed: [UInt16] = []
            while node >= 0 { reversed.append(graphones[Int(node)]); node = parents[Int(node)] }
            for id in reversed.reversed() { bytesOut.append(contentsOf: latin[Int(id)]) }
            let text = String(decoding: bytesOut, as: UTF8.self)
            if let index = results.firstIndex(where: { $0.latin == text }) {
                // Two alignments of one spelling: the better one stands for it.
                results[index].score = max(results[index].score, score)
            } else {
                results.append(Candidate(latin: text, score: score))
            }
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.latin < $1.latin }
        return Array(results.prefix(wanted))
    }

    /// Keeps the best hypothesis of each of the `width` best histories, and with it up to
    /// `perState - 1` runners-up of the same history. The best of a history is the only one
    /// that can lead to the best spelling, and the histories kept do not depend on `perState`:
    /// the first candidate is the same whatever the number asked for.
    static func prune(_ layer: inout [Hypothesis], perState: Int, width: Int) {
        if perState == 1 { return pruneToHeads(&layer, width: width) }
        // Paths a million times less likely than the best of the letter go first (the best is
        // kept whatever `perState` is, so this too keeps the first candidate the same).
        var best = -Float.infinity
        for hypothesis in layer where hypothesis.score > best { best = hypothesis.score }
        layer.removeAll { $0.score < best - Self.scoreBeam }
        layer.sort { $0.score != $1.score ? $0.score > $1.score : $0.state.packed < $1.state.packed }
        var kept: [Hypothesis] = []
        kept.reserveCapacity(min(width * perState, layer.count))
        // The heads' histories and how many of each are kept (at most `width`: a linear scan).
        var heads: [State] = [], taken: [Int] = []
        heads.reserveCapacity(width)
        taken.reserveCapacity(width)
        for hypothesis in layer {
            if let index = heads.firstIndex(of: hypothesis.state) {
                guard taken[index] < perState else { continue }
                taken[index] += 1
            } else {
                guard heads.count < width else { continue }
                heads.append(hypothesis.state)
                taken.append(1)
            }
            kept.append(hypothesis)
        }
        layer = kept
    }

    /// ``prune(_:perState:width:)`` for one path per history (plain `romanize`), without
    /// sorting the layer: the best path of each history (the first on a tie, as the stable sort
    /// keeps it), then the `width` best of those by score and history, in that order: the same
    /// paths in the same order as the general pruning.
    static func pruneToHeads(_ layer: inout [Hypothesis], width: Int) {
        guard !layer.isEmpty else { return }
        var best = -Float.infinity
        for hypothesis in layer where hypothesis.score > best { best = hypothesis.score }
        let threshold = best - Self.scoreBeam
        // Open addressing over the layer's histories: slot → index of its best path + 1.
        var capacity = 16
        while capacity < layer.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var table = [Int32](repeating: 0, count: capacity)
        var winners: [Int32] = []
        winners.reserveCapacity(min(layer.count, 256))
        // SAFETY: slots stay in 0...mask (the table's bounds) and the table is never full (at
        // most layer.count entries in twice as many slots); indices come from layer.indices.
        layer.withUnsafeBufferPointer { paths in
            table.withUnsafeMutableBufferPointer { slots in
                for index in paths.indices where !(paths[index].score < threshold) {
                    let state = paths[index].state
                    var slot = hash(state.packed) & mask
                    while true {
                        let held = slots[slot]
                        if held == 0 {
                            slots[slot] = Int32(index + 1)
                            winners.append(Int32(index))
                            break
                        }
                        let other = Int(held - 1)
                        if paths[other].state == state {
                            if paths[index].score > paths[other].score { slots[slot] = Int32(index + 1) }
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
                // The winners as the table holds them now (a later, better path replaced one).
                for position in winners.indices {
                    let state = paths[Int(winners[position])].state
                    var slot = hash(state.packed) & mask
                    while paths[Int(slots[slot] - 1)].state != state { slot = (slot + 1) & mask }
                    winners[position] = slots[slot] - 1
                }
            }
        }
        // The `width` best, kept sorted by insertion (score descending, then history).
        func before(_ a: Hypothesis, _ b: Hypothesis) -> Bool {
            a.score != b.score ? a.score > b.score : a.state.packed < b.state.packed
        }
        var top: [Hypothesis] = []
        top.reserveCapacity(width + 1)
        for index in winners {
            let hypothesis = layer[Int(index)]
            if top.count == width, let last = top.last, !before(hypothesis, last) { continue }
            var position = top.count
            while position > 0 && before(hypothesis, top[position - 1]) { position -= 1 }
            top.insert(hypothesis, at: position)
            if top.count > width { top.removeLast() }
        }
        layer = top
    }

    // MARK: - Bytes

    /// Arabic letters U+0621–U+064A as codes 1–42 (UTF-8 D8 A1 … D9 8A); other characters skipped.
    static func letterCodes<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var codes: [UInt8] = []
        codes.reserveCapacity(bytes.count / 2)
        var lead: UInt8 = 0
        for byte in bytes {
            if byte == 0xD8 || byte == 0xD9 { lead = byte; continue }
            if lead != 0, byte & 0xC0 == 0x80 {
                let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(byte & 0x3F)
                if (0x0621...0x064A).contains(scalar) { codes.append(UInt8(scalar - 0x0620)) }
            }
            lead = 0
        }
        return codes
    }

    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 10 else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `-1.2345` and the like (no exponent).
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Float? {
        var negative = false, value: Double = 0, scale: Double = 0, digits = 0
        for (index, byte) in zip(bytes.indices, bytes) {
            if byte == 0x2D, index == bytes.startIndex { negative = true; continue }
            if byte == 0x2E, scale == 0 { scale = 1; continue }
            guard (0x30...0x39).contains(byte) else { return nil }
            digits += 1
            if scale == 0 {
                value = value * 10 + Double(byte - 0x30)
            } else {
                scale /= 10
                value += Double(byte - 0x30) * scale
            }
        }
        guard digits > 0 else { return nil }
        return Float(negative ? -value : value)
    }
}
