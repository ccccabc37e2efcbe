import ArabicText
import Boilerplate
import NazifTestSupport
import Testing

/// The README's library examples are the code of ReadmeSnippets.swift, which compiles; this
/// suite checks that they are the same text, runs them, and checks the results their comments
/// state.
@Suite struct ReadmeSnippetTests {
    /// The ```swift blocks of README.md (without their `import` lines).
    static func readmeBlocks() -> [String] {
        let readme = TestFiles.text(TestFiles.repository + "README.md") ?? ""
        var blocks: [String] = []
        var current: [Substring]? = nil
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                let body = current!.drop { $0.hasPrefix("import ") || $0.isEmpty }
                blocks.append(body.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// The marked regions of ReadmeSnippets.swift, dedented.
    static func snippetRegions() -> [(name: String, text: String)] {
        let source = TestFiles.text(TestFiles.repository + "Tests/ReadmeTests/ReadmeSnippets.swift") ?? ""
        var regions: [(String, String)] = []
        var name: String? = nil
        var lines: [Substring] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("// README: ") {
                let label = String(trimmed.dropFirst("// README: ".count))
                if label == "end", let open = name {
                    regions.append((open, lines.map { $0.hasPrefix("    ") ? $0.dropFirst(4) : $0 }.joined(separator: "\n")))
                    name = nil
                } else {
                    name = label
                    lines = []
                }
            } else if name != nil {
                lines.append(line)
            }
        }
        return regions
    }

    @Test func readmeShowsTheCompiledExamples() {
        let blocks = Self.readmeBlocks()
        let regions = Self.snippetRegions()
        #expect(regions.count == 4)
        #expect(blocks.count == regions.count, "README has \(blocks.count) swift blocks, the snippets file \(regions.count)")
        for (block, region) in zip(blocks, regions) {
            #expect(block == region.text, "README block '\(region.name)' differs from ReadmeSnippets.swift")
        }
    }

    @Test func examplesRun() throws {
        readmeNormalization()
        readmeCleaning()
        try readmeTransliteration()
        readmeNames()
    }

    /// What the examples' comments say they print.
    @Test func examplesPrintWhatTheirCommentsSay() throws {
        let search = ArabicNormalizer(profile: .search)
        #expect(search.normalize("إقرأ أيضاً") == "اقرا ايضا")
        #expect(search.normalize("کوریا الشمالیة") == "كوريا الشماليه")
        var options = NormalizationProfile.search.options
        options.tehMarbuta = .keep
        #expect(ArabicNormalizer(options: options).normalize("مدرسةٌ") == "مدرسة")
        let result = search.normalizeWithOffsets("قالَ  أحمد")
        #expect(result.text == "قال احمد")
        #expect(result.offsets.sourceRange(for: 7..<15) == 10..<18)
        #expect(
            WordTokenizer.shared.tokens(in: "ارتفع 3.5% في ٢٠٢٤... #كوريا").map(\.kind)
                == [.arabicWord, .number, .arabicWord, .number, .punctuation, .hashtag])
        #expect(SentenceSplitter.shared.sentences(in: "وصل د. أحمد. ثم غادر؟ نعم").count == 3)

        let cleaned = Cleaner().clean("قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n\nالمصدر: الوطن\n")
        #expect(cleaned.cleanedText == "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n")
        #expect(cleaned.removals.map { "\($0.line) \($0.rule) \($0.detail)" } == ["3 marker.source المصدر"])
        let footer = "نشرة المدينة الأسبوعية تصدر كل خميس عن دار الأفق"
        let pages = ["وصل الوفد إلى المدينة صباح اليوم.", "افتتح المعرض أبوابه للزوار.", "ارتفعت الأسعار في الأسواق."]
            .map { $0 + "\n" + footer + "\n" }
        let documents = pages.map { Document($0) }
        var table = RepetitionTable()
        for document in documents { table.add(document, group: "example.com") }
        let verdict = Cleaner(table: table).decide(documents[0], group: "example.com")
        #expect(verdict.removals.map(\.rule) == ["template.site"])
        #expect(String(decoding: verdict.cleanedBytes(of: documents[0]), as: UTF8.self) == "وصل الوفد إلى المدينة صباح اليوم.\n")

        #expect(TransliterationScheme.buckwalter.transliterate("كِتَابٌ") == "kitaAbN")
        #expect(TransliterationScheme.buckwalter.transliterate("kitaAbN", reverse: true) == "كِتَابٌ")
        #expect(TransliterationScheme.hsb.transliterate("ثلاثة") == "θlAθħ")
        #expect(try Transliterator.cached(id: "Any-Latin; Latin-ASCII").transliterate("بوتين") == "bwtyn")
        #expect(try Transliterator(id: "Mine", rules: "ب > b; ت > t;").transliterate("بت") == "bt")

        #expect(NameKey("كيم جونغ أون") == NameKey("كيم جونج أون"))
        #expect(NameKey("بيونغ يانغ") == NameKey("بیونغیانغ"))
        #expect(NameKey("فولوديمير") != NameKey("فلاديمير"))
        #expect(NameKey("كيم جونغ إيل") != NameKey("كيم جونغ أون"))
        #expect(abs(NameKey.similarity("فلاديفوستوك", "فلاديفستوك") - 0.909) < 0.001)
        #expect(Romanizer.shared.romanize("بيونج يانج") == "Pyongyang")
        #expect(Romanizer.shared.romanize("سيرغي شويغو") == "Sergei Shoigu")
    }
}
