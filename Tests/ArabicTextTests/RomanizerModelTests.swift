import NazifTestSupport
import Testing

@testable import ArabicText

/// The trained romanizer model: the file parses to the counts its header states, candidates are
/// ordered and distinct, and news names the letter rules got wrong.
@Suite struct RomanizerModelTests {
    /// The header's "# Counts: graphones G, 1-grams …" line against what the parser read.
    @Test func modelParsesWithTheCountsItsHeaderStates() {
        let model = RomanizerModel.builtIn
        let header = EmbeddedData.romanizer_model_tsv.split(separator: "\n").first { $0.hasPrefix("# Counts:") }
        let numbers = (header ?? "").split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        // "graphones G, 1-grams N1, 2-grams N2, …": the order digits and the counts alternate.
        #expect(numbers.count == 1 + 2 * model.order)
        #expect(numbers.first == model.graphoneCount)
        #expect(model.order == 4)
        for order in 1...model.order {
            #expect(numbers[2 * order - 1] == order)
            #expect(numbers[2 * order] == model.ngramCounts[order - 1], "\(order)-grams")
        }
        #expect(EmbeddedData.romanizer_model_tsv.utf8.count <= 2_000_000)
    }

    /// News names the rules spelled wrong, right by the model; none of them (Arabic or Latin)
    /// is in the dictionary, so none was trained on. (بيسكوف and نتنياهو are not here: the
    /// dictionary gives بيسكوف to Beskov, and the model spells نتنياهو Ntniaho.)
    @Test(arguments: [("سوناك", "Sunak"), ("نافالني", "Navalny"), ("توكاييف", "Tokayev")])
    func newsNamesTheRulesGotWrong(_ arabic: String, _ latin: String) {
        #expect(NameDictionary.builtIn.latin(for: arabic) == nil)
        #expect(Romanizer.shared.romanize(arabic) == latin)
        #expect(Romanizer(dictionary: .builtIn, unknownWords: .rules).romanize(arabic) != latin)
    }

    /// Candidates come best first, distinct, and the first is what `romanize` answers, for any
    /// number asked.
    @Test(arguments: ["نتنياهو", "بودولياك", "كيم جونغ أون", "غوتيريش بلينكن", "موديز", "الزبداني", "آشخانه"])
    func candidatesAreSortedDistinctAndStartWithTheAnswer(_ name: String) {
        for count in [1, 2, 5, 10] {
            let candidates = Romanizer.shared.candidates(name, count: count)
            #expect(!candidates.isEmpty && candidates.count <= count)
            #expect(candidates.first?.latin == Romanizer.shared.romanize(name), "\(count)")
            #expect(Set(candidates.map(\.latin)).count == candidates.count)
            #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    @Test func wordsWithoutArabicLettersPassThrough() {
        #expect(RomanizerModel.builtIn.candidates(for: "Putin", count: 3).isEmpty)
        #expect(Romanizer.shared.candidates("", count: 3).isEmpty)
    }
}
