import Testing

@testable import ArabicText

/// The dictionary's byte-keyed tables: lookups by spelling after search normalization, by
/// `NameKey` for close variants, the heavier entry on a collision whatever the order read.
@Suite struct NameDictionaryTests {
    static let text = """
        # comment line
        بوتين\tPutin\t100\tw
        بوتين\tButin\t3\tw
        كوريا الشمالية\tNorth Korea\t50\th
        شويغو\tShoigu\t9\th
        شويجو\tShigeo\t2\tw
        malformed line
        إيفان\tIvan\tnot-a-number\tw
        أحمد\tAhmed\t-1\tg

        """

    @Test(
        arguments: [
            ("بوتين", "Putin"),  // the heavier of two entries
            ("بُوتِين", "Putin"),  // tashkeel ignored (search normalization)
            ("كوريا  الشمالية", "North Korea"),  // spaces collapsed
            ("شويغو", "Shoigu"),
            ("شويجو", "Shigeo"),  // its own spelling wins over a heavier key match
            ("احمد", "Ahmed"),  // alef forms folded; a negative weight still parses
            ("إيفان", nil),  // malformed weight: skipped
            ("بيوتين", nil),  // different key
        ] as [(String, String?)])
    func looksUp(_ arabic: String, _ latin: String?) {
        #expect(NameDictionary(parsing: Self.text).latin(for: arabic) == latin)
    }

    @Test func heavierEntryWinsInEitherOrder() {
        var forward = NameDictionary(), backward = NameDictionary()
        let light = NameDictionary.Entry(arabic: "بوتين", latin: "Butin", weight: 3)
        let heavy = NameDictionary.Entry(arabic: "بوتين", latin: "Putin", weight: 100)
        forward.add(light); forward.add(heavy)
        backward.add(heavy); backward.add(light)
        #expect(forward.latin(for: "بوتين") == "Putin")
        #expect(backward.latin(for: "بوتين") == "Putin")
        #expect(forward.count == 2)
        #expect(NameDictionary(parsing: Self.text).count == 6)
    }

    @Test func builtInKnowsNewsNamesBySpellingAndKey() {
        #expect(NameDictionary.builtIn.latin(for: "كيم جونغ أون") == "Kim Jong Un")
        #expect(NameDictionary.builtIn.latin(for: "شويجو") == "Shoigu")
        #expect(NameDictionary.builtIn.exactEntry(for: "بوتين")?.source == "h")
    }
}
