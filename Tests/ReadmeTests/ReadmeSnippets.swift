// The README shows these lines as written (ReadmeSnippetTests compares them): no formatting.
// swift-format-ignore-file
import ArabicText
import Boilerplate

// The README's library examples, compiled and run by ReadmeSnippetTests. Each region between
// `// README: NAME` and `// README: end` is, dedented by four spaces and after the README
// block's `import` lines, exactly one ```swift block of README.md, in README order. Change an
// example here and paste it there (the test says which block differs).

func readmeNormalization() {
    // README: normalization
    let search = ArabicNormalizer(profile: .search)
    print(search.normalize("إقرأ أيضاً"))              // اقرا ايضا
    print(search.normalize("کوریا الشمالیة"))          // كوريا الشماليه

    var options = NormalizationProfile.search.options
    options.tehMarbuta = .keep                         // every step can be set on its own
    print(ArabicNormalizer(options: options).normalize("مدرسةٌ"))   // مدرسة

    let result = search.normalizeWithOffsets("قالَ  أحمد")
    print(result.text)                                 // قال احمد
    print(result.offsets.sourceRange(for: 7..<15))     // 10..<18: "أحمد" in the original

    for token in WordTokenizer.shared.tokens(in: "ارتفع 3.5% في ٢٠٢٤... #كوريا") {
        print(token.range, token.kind)                 // arabicWord, number, arabicWord, number, punctuation, hashtag
    }
    print(SentenceSplitter.shared.sentences(in: "وصل د. أحمد. ثم غادر؟ نعم").count)   // 3 (byte ranges)
    // README: end
}

func readmeCleaning() {
    // README: cleaning
    let article = "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n\nالمصدر: الوطن\n"
    let result = Cleaner().clean(article)              // a String of lines (paragraphs)
    print(result.cleanedText)                          // the kept lines, byte for byte
    for removal in result.removals {
        print(removal.line, removal.rule, removal.detail)   // 3 marker.source المصدر
    }

    // Lines repeated across a site's pages: prepare each page once (its key text and line
    // hashes), count them in a table, then clean with the table.
    let footer = "نشرة المدينة الأسبوعية تصدر كل خميس عن دار الأفق"
    let pages = ["وصل الوفد إلى المدينة صباح اليوم.", "افتتح المعرض أبوابه للزوار.", "ارتفعت الأسعار في الأسواق."]
        .map { (host: "example.com", text: $0 + "\n" + footer + "\n") }
    let documents = pages.map { Document($0.text) }
    var table = RepetitionTable()
    for (page, document) in zip(pages, documents) { table.add(document, group: page.host) }
    let cleaner = Cleaner(table: table)
    let verdict = cleaner.decide(documents[0], group: pages[0].host)
    print(verdict.removals.map(\.rule))                // ["template.site"]
    print(String(decoding: verdict.cleanedBytes(of: documents[0]), as: UTF8.self))   // the first line
    // README: end
}

func readmeTransliteration() throws {
    // README: transliteration
    print(TransliterationScheme.buckwalter.transliterate("كِتَابٌ"))                 // kitaAbN
    print(TransliterationScheme.buckwalter.transliterate("kitaAbN", reverse: true))  // كِتَابٌ
    print(TransliterationScheme.hsb.transliterate("ثلاثة"))                        // θlAθħ

    let latin = try Transliterator.cached(id: "Any-Latin; Latin-ASCII")     // any ICU transform ID
    print(latin.transliterate("بوتين"))                                     // bwtyn
    let mine = try Transliterator(id: "Mine", rules: "ب > b; ت > t;")        // or your own ICU rules
    print(mine.transliterate("بت"))                                         // bt
    // README: end
}

func readmeNames() {
    // README: names
    print(NameKey("كيم جونغ أون") == NameKey("كيم جونج أون"))       // true: ج/غ/ك/ق for a foreign g
    print(NameKey("بيونغ يانغ") == NameKey("بیونغیانغ"))              // true: Persian letters, parts joined
    print(NameKey("فولوديمير") == NameKey("فلاديمير"))                // false: Volodymyr is not Vladimir
    print(NameKey("كيم جونغ إيل") == NameKey("كيم جونغ أون"))         // false
    print(NameKey.similarity("فلاديفوستوك", "فلاديفستوك"))            // 0.909..., for near misses

    print(Romanizer.shared.romanize("بيونج يانج"))                    // Pyongyang
    print(Romanizer.shared.romanize("سيرغي شويغو"))                   // Sergei Shoigu

    let article = "قال الرئيس الروسي فلاديمير بوتين إن بوتين لن يلتقي كيم جونغ أون في بيونغ يانغ."
    var tally = NameTally()
    for mention in NameFinder(romanizer: .shared).mentions(in: article) { tally.add(mention) }
    for name in tally.sorted() { print(name.latin, name.count, name.spellings) }
    // README: end
}
