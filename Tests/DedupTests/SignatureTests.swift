import Dedup
import Testing

@Suite struct SignatureTests {
    let parameters = MinHashParameters()

    /// Pairs of texts that must be duplicates (the key form folds them together) or not.
    static let pairs: [(String, String, Bool, String)] = [
        (Texts.text(200, seed: 1), Texts.text(200, seed: 1), true, "identical"),
        (
            "ذهب الولد إلى المدرسة صباح يوم الأحد مع أخيه الأكبر ثم عاد في المساء",
            "ذهب الولد الى المدرسه صباح يوم الاحد مع اخيه الاكبر ثم عاد في المساء", true, "hamza and taa marbuta folded"
        ),
        (
            "ذَهَبَ الوَلَدُ إلى المدرسةِ صباحَ يومِ الأحدِ مع أخيهِ الأكبرِ ثم عاد في المساء",
            "ذهب الولد إلى المدرسة صباح يوم الأحد مع أخيه الأكبر ثم عاد في المساء", true, "tashkeel"
        ),
        (
            "ذهــب الولد إلى المدرسة صبـاح يوم الأحد مع أخيه الأكبر ثم عاد في المساء ٢٠٢٠",
            "ذهب الولد إلى المدرسة صباح يوم الأحد مع أخيه الأكبر ثم عاد في المساء 2020", true, "tatweel and Eastern digits"
        ),
        (
            "مشى على الشاطئ حتى وصل إلى المقهى الذي يحبه وجلس هناك ساعة كاملة",
            "مشي علي الشاطئ حتي وصل الي المقهي الذي يحبه وجلس هناك ساعه كامله", true, "alef maksura and yaa"
        ),
        (Texts.text(200, seed: 2), Texts.text(200, seed: 3), false, "different texts"),
        (Texts.text(200, seed: 4), Texts.edited(Texts.words(200, seed: 4), every: 3, seed: 9), false, "a third of words edited"),
        ("نص قصير", "نص قصير", true, "short, equal"),
        ("نص قصير", "نص طويل", false, "short, different"),
        ("نص  قصير\n", "نص قصير", true, "short, spacing differs"),
        ("", "", false, "empty documents never match"),
    ]

    @Test(arguments: pairs)
    func pair(_ a: String, _ b: String, duplicate: Bool, _ label: String) {
        let x = Signature(text: a, parameters: parameters), y = Signature(text: b, parameters: parameters)
        var index = DuplicateIndex(parameters: parameters)
        let first = index.add(x)
        let second = index.add(y)
        #expect((first == second) == duplicate, "\(label): similarity \(x.estimatedSimilarity(to: y))")
    }

    static let kinds: [(String, Signature.Kind, Int)] = [
        ("", .empty, 0),
        ("، . ؟", .empty, 0),
        ("كلمة", .exact, 1),
        ("أربع كلمات في نص", .exact, 4),
        ("خمس كلمات في هذا النص", .shingled, 5),
    ]

    @Test(arguments: kinds)
    func kind(_ text: String, _ kind: Signature.Kind, _ words: Int) {
        let signature = Signature(text: text, parameters: parameters)
        #expect(signature.kind == kind)
        #expect(signature.wordCount == words)
        if kind == .shingled {
            #expect(signature.bandKeys.count == parameters.bands)
            #expect(signature.sketch.count == parameters.permutations)
        }
    }

    /// The estimate follows the true Jaccard similarity of the shingle sets.
    @Test(arguments: [2, 3, 5, 10, 20, 50])
    func estimateTracksJaccard(every: Int) {
        let words = Texts.words(400, seed: UInt64(every))
        let edited = Texts.edited(words, every: every, seed: 77)
        let truth = Texts.jaccard(words, edited.split(separator: " ").map(String.init))
        let wide = MinHashParameters(bands: 64, rows: 8)
        let estimate = Signature(text: words.joined(separator: " "), parameters: wide)
            .estimatedSimilarity(to: Signature(text: edited, parameters: wide))
        #expect(abs(estimate - truth) < 0.1, "true \(truth), estimated \(estimate)")
    }

    @Test(arguments: [(16, 7, 0.8, 0.977), (14, 8, 0.8, 0.924), (16, 7, 0.5, 0.118), (20, 5, 1.0, 1.0)])
    func sCurve(bands: Int, rows: Int, similarity: Double, expected: Double) {
        let p = MinHashParameters(bands: bands, rows: rows).candidateProbability(atSimilarity: similarity)
        #expect(abs(p - expected) < 0.001, "\(p)")
    }

    @Test func seedsGiveDifferentButStableSignatures() {
        let text = Texts.text(100, seed: 5)
        let a = Signature(text: text, parameters: MinHashParameters(seed: 1))
        #expect(a == Signature(text: text, parameters: MinHashParameters(seed: 1)))
        #expect(a != Signature(text: text, parameters: MinHashParameters(seed: 2)))
    }
}
