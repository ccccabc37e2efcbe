/// The shape of a MinHash-LSH index: shingle size, bands × rows permutations, the seed the
/// permutations are drawn from, and the estimated Jaccard similarity a candidate pair must reach.
///
/// The defaults, 16 bands of 7 rows (112 permutations, as many as FineWeb-2's 14 × 8), make a
/// pair at Jaccard 0.8 a candidate with probability 1 − (1 − 0.8⁷)¹⁶ = 0.977 (14 × 8 gives
/// 0.924), at 0.5 with 0.118.
///
/// ```swift
/// let parameters = MinHashParameters(shingleSize: 5, bands: 16, rows: 7, threshold: 0.8)
/// print(parameters.candidateProbability(atSimilarity: 0.8))   // 0.977…
/// ```
public struct MinHashParameters: Sendable, Hashable {
    /// Words per shingle (a document shorter than this is compared by its exact key).
    public let shingleSize: Int
    /// LSH bands.
    public let bands: Int
    /// Rows (permutations) per band.
    public let rows: Int
    /// The seed the permutations are drawn from (the same seed gives the same signatures).
    public let seed: UInt64
    /// The estimated similarity at or above which a candidate pair is a duplicate.
    public let threshold: Double
    /// The odd multipliers and the offsets of the `bands × rows` permutations.
    let multipliers: [UInt32]
    let offsets: [UInt32]

    /// Parameters; `bands × rows` must be between 1 and 1024 and `shingleSize` at least 1.
    ///
    /// ```swift
    /// let fineweb = MinHashParameters(bands: 14, rows: 8)
    /// ```
    public init(
        shingleSize: Int = 5, bands: Int = 16, rows: Int = 7, seed: UInt64 = 0x4E41_5A49_4644_4450,
        threshold: Double = 0.8
    ) {
        precondition(shingleSize >= 1 && bands >= 1 && rows >= 1 && bands * rows <= 1024, "bad MinHash parameters")
        self.shingleSize = shingleSize
        self.bands = bands
        self.rows = rows
        self.seed = seed
        self.threshold = threshold
        var state = seed
        var multipliers: [UInt32] = []
        var offsets: [UInt32] = []
        for _ in 0..<(bands * rows) {
            multipliers.append(UInt32(truncatingIfNeeded: Self.splitMix(&state) >> 32) | 1)
            offsets.append(UInt32(truncatingIfNeeded: Self.splitMix(&state) >> 32))
        }
        self.multipliers = multipliers
        self.offsets = offsets
    }

    /// The number of permutations, `bands × rows`.
    ///
    /// ```swift
    /// MinHashParameters().permutations   // 112
    /// ```
    public var permutations: Int { bands * rows }

    /// The probability that a pair at Jaccard similarity `s` shares at least one band:
    /// 1 − (1 − sʳ)ᵇ (the S-curve).
    ///
    /// ```swift
    /// MinHashParameters().candidateProbability(atSimilarity: 0.5)   // 0.118…
    /// ```
    public func candidateProbability(atSimilarity similarity: Double) -> Double {
        var power = 1.0
        for _ in 0..<rows { power *= similarity }
        var miss = 1.0
        for _ in 0..<bands { miss *= 1 - power }
        return 1 - miss
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.shingleSize == rhs.shingleSize && lhs.bands == rhs.bands && lhs.rows == rhs.rows
            && lhs.seed == rhs.seed && lhs.threshold == rhs.threshold
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(shingleSize)
        hasher.combine(bands)
        hasher.combine(rows)
        hasher.combine(seed)
        hasher.combine(threshold)
    }
}
