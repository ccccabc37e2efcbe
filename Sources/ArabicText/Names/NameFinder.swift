/// Finds the dictionary's names in running text: runs of words that the dictionary knows as a
/// name (by spelling or ``NameKey``), with a conjunction or preposition glued on (وبيونغ يانغ,
/// لبيونج يانج) taken off, and common words left out.
///
/// ```swift
/// let finder = NameFinder(romanizer: .shared)
/// for mention in finder.mentions(in: article) { print(mention.latin, mention.spelling) }
/// ```
public struct NameFinder: Sendable {
    /// One occurrence of a name.
    public struct Mention: Sendable, Hashable {
        /// The name's key (spellings of one name share it).
        public var key: NameKey
        /// The name in Latin letters.
        public var latin: String
        /// The spelling as written (without a glued conjunction or preposition).
        public var spelling: String
        /// How sure the finder is, 0–1: higher for a common name (its weight in the lists), for a
        /// name of several words, and after a title (الرئيس، الزعيم، وزير …).
        public var score: Double = 1
    }

    public let romanizer: Romanizer
    /// Entries lighter than this are not taken as names when they stand alone.
    public var minimumWeight: Int

    /// Creates a finder over a romanizer's dictionary.
    ///
    /// ```swift
    /// let finder = NameFinder(romanizer: .shared)
    /// ```
    public init(romanizer: Romanizer, minimumWeight: Int = 3) {
        self.romanizer = romanizer
        self.minimumWeight = minimumWeight
    }

    /// Every name occurrence in the text, in order.
    public func mentions(in text: String) -> [Mention] {
        var mentions: [Mention] = []
        for line in text.split(separator: "\n") {
            // Runs of Arabic words; punctuation, digits and Latin break them.
            var run: [String] = []
            let tokens = WordTokenizer.shared.tokens(in: String(line))
            var lastEnd = -1
            let utf8 = Array(line.utf8)
            func flush() {
                mentions.append(contentsOf: names(in: run))
                run.removeAll()
            }
            for token in tokens {
                let word = String(decoding: utf8[token.range], as: UTF8.self)
                let adjacent = lastEnd < 0 || utf8[lastEnd..<token.range.lowerBound].allSatisfy { $0 == 0x20 }
                if token.kind == .arabicWord && adjacent {
                    run.append(word)
                } else {
                    flush()
                    if token.kind == .arabicWord { run.append(word) }
                }
                lastEnd = token.range.upperBound
            }
            flush()
        }
        return mentions
    }

    /// The names in a run of words: the longest known spans, left to right; a one-letter word
    /// (و written apart) ends a name; a person-name token followed by another one (دونالد ترامب,
    /// سيرغي شويغو) is one mention; a name right before an outlet's word (واشنطن بوست,
    /// نيويورك تايمز) is not a mention.
    func names(in words: [String]) -> [Mention] {
        let folded = words.map(NameDictionary.spelling)
        var result: [Mention] = []
        var index = 0
        while index < words.count {
            guard let (entry, spelling, length) = longestName(at: index, words: words, folded: folded) else {
                index += 1
                continue
            }
            let cue = hasCue(before: index, folded: folded)
            var end = index + length
            var spellings = [spelling]
            var latin = [romanizer.romanize(spelling)]
            var score = Self.score(weight: entry.weight) + (length > 1 ? 0.2 : 0) + (cue ? 0.3 : 0)
            // A person's given name and family name written as two tokens the lists know apart.
            // Nazif's single-word additions are family names (بوتين, شويغو): nothing follows them
            // (a keyword line's بوتين كيم is two names).
            if length == 1 && isPersonToken(entry) && entry.source != "h" {
                while end < words.count && spellings.count < 3, let next = joinable(at: end, words: words, folded: folded, cue: cue) {
                    spellings.append(next)
                    latin.append(romanizer.romanize(next))
                    score += 0.1
                    end += 1
                    if romanizer.dictionary.exactEntry(for: next)?.source == "h" { break }
                }
            }
            if end < folded.count && Self.outletWords.contains(folded[end]) {
                index = end + 1
                continue
            }
            let name = spellings.joined(separator: " ")
            result.append(
                Mention(
                    key: NameKey(name), latin: spellings.count > 1 ? latin.joined(separator: " ") : latin[0],
                    spelling: name, score: min(1, score)))
            index = end
        }
        return result
    }

    /// The longest dictionary name starting at `index` (the first word with or without a glued
    /// conjunction or preposition): its entry, its spelling as written, its length in words.
    private func longestName(at index: Int, words: [String], folded: [String]) -> (NameDictionary.Entry, String, Int)? {
        guard folded[index].unicodeScalars.count > 1 else { return nil }
        var longest = 1
        while longest < 4 && index + longest < words.count && folded[index + longest].unicodeScalars.count > 1 { longest += 1 }
        let firsts = [words[index]] + Self.withoutProclitics(words[index])
        for length in stride(from: longest, through: 1, by: -1) {
            for first in firsts {
                let spanWords = [first] + words[index + 1..<index + length]
                let spelling = spanWords.joined(separator: " ")
                let dictionary = romanizer.dictionary
                if length > 1 {
                    if let entry = dictionary.exactEntry(for: spelling) { return (entry, spelling, length) }
                    guard !spanWords.contains(where: isCommonWord),
                        let entry = dictionary.entry(for: spelling, minimumSimilarity: 0.9)
                    else { continue }
                    return (entry, spelling, length)
                }
                guard let entry = dictionary.exactEntry(for: first), first.unicodeScalars.count >= 3 else { continue }
                let strong = entry.source == "c" || entry.source == "h"
                // After a title, a light entry or a word the corpora know as a common word is a
                // name (الرئيس عون), but not a word of the hand list or an adjective (الرئيس
                // الروسي يوم …).
                let foldedFirst = NameDictionary.spelling(first)
                let rescued =
                    hasCue(before: index, folded: folded) && !Self.commonWords.contains(foldedFirst)
                    && !Self.isAdjective(foldedFirst)
                if !strong && !rescued && (entry.weight < minimumWeight || isCommonWord(first)) { continue }
                if index + 1 < folded.count && Self.commonPhrases.contains(NameDictionary.spelling(first) + " " + folded[index + 1]) { continue }
                return (entry, first, 1)
            }
        }
        return nil
    }

    /// The word at `index` as the next part of a person's name: a person-name token of the lists
    /// (not a common word, not a place), or after a title (الرئيس، وزير …) any word the lists lack
    /// that is not a common word (ديمتري بيسكوف after المتحدث).
    private func joinable(at index: Int, words: [String], folded: [String], cue: Bool) -> String? {
        let word = words[index]
        guard word.unicodeScalars.count >= 3, !isCommonWord(word), !Self.outletWords.contains(folded[index]) else { return nil }
        if let entry = romanizer.dictionary.exactEntry(for: word) { return isPersonToken(entry) ? word : nil }
        guard cue, !Self.isAdjective(folded[index]), Self.withoutProclitics(word).allSatisfy({ !isCommonWord($0) }) else { return nil }
        return word
    }

    /// A token of a person's name: from the person-name lists or Nazif's additions, and not a
    /// place (GeoNames, CLDR countries, or a word of a country's name such as Korea).
    func isPersonToken(_ entry: NameDictionary.Entry) -> Bool {
        switch entry.source {
        case "w", "g": return !countryWords.contains(entry.latin)
        case "h": return !entry.latin.contains(" ") && !countryWords.contains(entry.latin)
        default: return false
        }
    }

    private var countryWords: Set<String> { Self.countryWords(of: romanizer.dictionary) }

    /// Latin words of the dictionary's country names (North Korea → Korea), for the built-in
    /// dictionary computed once.
    static func countryWords(of dictionary: NameDictionary) -> Set<String> {
        dictionary.count == NameDictionary.builtIn.count ? builtInCountryWords : computeCountryWords(dictionary)
    }

    static let builtInCountryWords = computeCountryWords(.builtIn)

    static func computeCountryWords(_ dictionary: NameDictionary) -> Set<String> {
        var words: Set<String> = []
        for entry in dictionary.exactEntries where entry.source == "c" {
            for word in entry.latin.split(separator: " ") where word.count > 3 { words.insert(String(word)) }
        }
        return words
    }

    /// A title or role right before the name (الرئيس بوتين), or before the adjective after it
    /// (الرئيس السوري أحمد الشرع).
    func hasCue(before index: Int, folded: [String]) -> Bool {
        if index >= 1 && Self.cues.contains(folded[index - 1]) { return true }
        if index >= 2 && Self.cues.contains(folded[index - 2]) {
            return Self.isAdjective(folded[index - 1])
        }
        return false
    }

    /// A nisba adjective with the article (الروسي, الكورية), in the search folding.
    static func isAdjective(_ folded: String) -> Bool {
        folded.hasPrefix("ال") && (folded.hasSuffix("ي") || folded.hasSuffix("يه"))
    }

    /// 0.3 for an entry of weight 0, rising with the log of the weight (0.7 at 100, 0.9 at 1,000).
    static func score(weight: Int) -> Double {
        var digits = 0.0, rest = Double(max(0, weight) + 1)
        while rest >= 10 { rest /= 10; digits += 1 }
        return 0.3 + 0.2 * (digits + (rest - 1) / 9)
    }

    /// Titles and roles that precede a person's name, in the search profile's folding.
    static let cues: Set<String> = [
        "الرئيس", "رئيس", "الزعيم", "زعيم", "وزير", "وزيره", "الوزير", "الوزيره", "المتحدث", "المتحدثه",
        "مستشار", "المستشار", "السفير", "سفير", "الرفيق", "الملك", "الامير", "الشيخ", "السيد", "السيده",
        "نائب", "مدير", "قائد", "القائد", "رئيسه", "الرئيسه", "المرشد", "الجنرال", "المشير", "العقيد",
    ]

    /// Words of outlets' names that make the place before them part of the outlet (واشنطن بوست).
    static let outletWords: Set<String> = ["بوست", "تايمز", "الاخباريه", "نيوز", "برس", "جورنال", "تريبيون", "تايم"]

    /// Two-word phrases whose first word a list holds as a name (مسقط رأس "birthplace").
    static let commonPhrases: Set<String> = ["مسقط راس"]

    /// The word without a glued conjunction or preposition (وبوتين → بوتين, وبالرياض → الرياض,
    /// للرياض → الرياض), longest prefix first; empty if the rest would be too short.
    static func withoutProclitics(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        var result: [String] = []
        for prefix in ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"] {
            let prefixScalars = Array(prefix.unicodeScalars)
            guard scalars.count > prefixScalars.count + 2, Array(scalars.prefix(prefixScalars.count)) == prefixScalars else { continue }
            var rest = Array(scalars.dropFirst(prefixScalars.count))
            // "لل": the article's alef went (للرياض → الرياض).
            if prefixScalars.last == "ل" && rest.first == "ل" { rest = ["ا"] + rest }
            result.append(String(String.UnicodeScalarView(rest)))
        }
        return result
    }

    func isCommonWord(_ word: String) -> Bool {
        let folded = NameDictionary.spelling(word)
        return Self.commonWords.contains(folded) || Self.corpusCommonWords.contains(folded)
    }

    /// Frequent words of UD Arabic-PUD and Tashkeela that are not names (Data/name_common_words.txt,
    /// built by Tools/names/common_words.py), in the search profile's folding.
    static let corpusCommonWords: Set<String> = Set(
        EmbeddedData.name_common_words_txt.split(separator: "\n").compactMap { line in
            line.hasPrefix("#") ? nil : NameDictionary.spelling(String(line))
        })

    /// Frequent words of news Arabic that name lists also hold as name tokens (أمل "hope",
    /// عالم "world", دول "states", ثاني "second" …), in the search profile's folding. Written by
    /// hand for Nazif.
    static let commonWords: Set<String> = Set(
        """
        في من الي علي عن مع هذا هذه ذلك تلك التي الذي الذين اللذين كان كانت يكون تكون قد لقد ان او ام \
        ثم بين بعد قبل حتي منذ عند كل بعض غير اي ما ماذا لماذا كيف متي اين لا لم لن ليس هو هي هم هن \
        نحن انت انا قال قالت يقول تقول اكد اكدت اضاف اضافت وقال وقالت ذكر ذكرت اشار اعلن اعلنت يوم \
        ايام عام اعوام سنه شهر اسبوع اول اولي ثاني ثانيه ثالث اخر اخري امس اليوم الان غدا جديد جديده \
        كبير كبيره صغير رئيس الرئيس وزير الوزير وزاره دوله الدوله دول الدول حكومه الحكومه بلد البلاد \
        امل سلام نور صباح فجر سعيد جميل كريم عادل امين رشيد سالم شريف نبيل كمال جمال منير وفاء \
        مصر اخبار خبر عاجل فيديو صور صوره شمال جنوب شرق غرب الشمالي الجنوبي الشماليه الجنوبيه \
        الغربيه الشرقيه الغربي الشرقي الروسي الروسيه الامريكي الامريكيه الاميركي الاميركيه العسكري \
        العسكريه الدولي الدوليه الاسلحه اسلحه سلاح الحرب حرب القوات قوات وسائل وكاله مدينه المدينه \
        منطقه المنطقه الزعيم زعيم الرفيق المحترم الخارجيه الدفاع الامن الاتحاديه مقابل خلال وفق حول \
        ضد عبر تحت فوق امام وراء حيث كما لكن بل اذا لو سوف عالم العالم راس قاده القاده ذات ذو ايضا \
        المقرر الصعيد تاتي ياتي الابيض الاسود الاحمر الاخضر بيت البيت مجلس المجلس قمه القمه لقاء \
        اجتماع زياره الزياره رحله صفقه اتفاق مسؤول مسؤولون مسؤولين محادثات مفاوضات العلاقات علاقات \
        التعاون تعاون الاقتصاد اقتصاد سياسه السياسه رياضه صحه فن الفن ثقافه مقال مقالات صحافه افكار \
        تكنولوجيا تفاعلي مقابلات الشعب شعب الجيش جيش الحدود حدود البحر بحر النهر الجبل جبل الوادي \
        الساحل ساحل المحيط الشرقي الكامل كامل الخاص الخاصه العام العامه الوطني الوطنيه الدولية \
        بشار حافظ مالك ملك الملك امير الامير سلطان شيخ الشيخ نائب قائد القائد سفير السفير مدير \
        نصر النصر فتح الفتح امن حزب الحزب جبهه الجبهه دوله اسلاميه الاسلاميه عربي العربي العربيه \
        ملايين مليون الف مئات عشرات نحو حوالي اكثر اقل افضل اهم ابرز اكبر اصغر اقوي \
        الجزيره جزيره باسم بان بيان البيان دون فان منه منها عنه عسكري ايه برس شبكه الشبكه \
        يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر \
        كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين \
        ادي الامام غربيه الثاني الثالث هوي الياس \
        مطعم مسقط نقاش قمر كورونا روسي الصديق الصديقان اركان اسم
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init))
}

/// Counts mentions per name (by key), with every spelling seen.
public struct NameTally: Sendable {
    /// One name's totals.
    public struct Name: Sendable {
        public var latin: String
        public var count: Int
        /// The highest score of its mentions (see ``NameFinder/Mention/score``).
        public var score: Double
        /// Spellings with their counts, most frequent first.
        public var spellings: [(spelling: String, count: Int)]
    }

    private var counts: [NameKey: (latin: String, count: Int, score: Double, spellings: [String: Int])] = [:]

    public init() {}

    public mutating func add(_ mention: NameFinder.Mention) {
        var entry = counts[mention.key] ?? (mention.latin, 0, 0, [:])
        entry.count += 1
        entry.score = max(entry.score, mention.score)
        entry.spellings[mention.spelling, default: 0] += 1
        counts[mention.key] = entry
    }

    /// The names, most mentioned first (ties by Latin form).
    public func sorted() -> [Name] {
        counts.values.map { entry in
            Name(
                latin: entry.latin, count: entry.count, score: entry.score,
                spellings: entry.spellings.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) })
        }.sorted { ($0.count, $1.latin) > ($1.count, $0.latin) }
    }
}
