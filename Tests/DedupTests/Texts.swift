/// Arabic test documents, made from a fixed vocabulary by a seeded generator so that texts of
/// any length and overlap can be built without files.
enum Texts {
    static let vocabulary = """
        أعلنت وزارة الصحة السعودية اليوم عن تسجيل حالات جديدة في مدينة الرياض وجدة ومكة المكرمة \
        وأكد المتحدث الرسمي أن الوضع تحت السيطرة وأن الفرق الطبية تعمل على مدار الساعة لمتابعة \
        المرضى وتقديم الرعاية اللازمة لهم في المستشفيات الحكومية والخاصة كما دعا المواطنين إلى \
        الالتزام بالإجراءات الوقائية وارتداء الكمامات والتباعد الاجتماعي في الأماكن العامة والأسواق \
        والمساجد والمدارس والجامعات حتى انتهاء الجائحة وعودة الحياة إلى طبيعتها في جميع مناطق المملكة
        """.split(separator: " ").map(String.init)

    /// `count` words drawn from the vocabulary by a generator seeded with `seed`.
    static func words(_ count: Int, seed: UInt64) -> [String] {
        var state = seed &+ 0x1234_5678
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return vocabulary[Int((state >> 33) % UInt64(vocabulary.count))]
        }
    }

    static func text(_ count: Int, seed: UInt64) -> String { words(count, seed: seed).joined(separator: " ") }

    /// `words` with every `every`-th word from `from` replaced by a word of another text.
    static func edited(_ words: [String], every: Int, seed: UInt64) -> String {
        let other = Self.words(words.count, seed: seed ^ 0xFFFF)
        var copy = words
        for index in stride(from: every / 2, to: copy.count, by: every) { copy[index] = other[index] + "ز" }
        return copy.joined(separator: " ")
    }

    /// The true Jaccard similarity of two word lists' 5-word shingle sets (for checks).
    static func jaccard(_ a: [String], _ b: [String], size: Int = 5) -> Double {
        func shingles(_ words: [String]) -> Set<String> {
            guard words.count >= size else { return [] }
            return Set((0...(words.count - size)).map { words[$0..<($0 + size)].joined(separator: " ") })
        }
        let x = shingles(a), y = shingles(b)
        return Double(x.intersection(y).count) / Double(max(1, x.union(y).count))
    }
}
