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

    /// The names in a run of words: the longest known spans, left to right.
    func names(in words: [String]) -> [Mention] {
        var result: [Mention] = []
        var index = 0
        while index < words.count {
            var found: (Mention, Int)? = nil
            for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
                var spanWords = Array(words[index..<index + length])
                guard !spanWords.contains(where: isCommonWord) else { continue }
                if let match = match(spanWords, single: length == 1) {
                    found = (match, length)
                    break
                }
                // A one-letter conjunction or preposition glued to the first word.
                if let first = spanWords.first, let stripped = Self.withoutProclitic(first) {
                    spanWords[0] = stripped
                    if !isCommonWord(stripped), let match = match(spanWords, single: length == 1) {
                        found = (match, length)
                        break
                    }
                }
            }
            if let (mention, length) = found {
                result.append(mention)
                index += length
            } else {
                index += 1
            }
        }
        return result
    }

    /// A known name: one word by its exact spelling (keys are too coarse for running text:
    /// المقرر and المجر share one), several words by spelling or by close key (بيونج يانج).
    private func match(_ words: [String], single: Bool) -> Mention? {
        let spelling = words.joined(separator: " ")
        let dictionary = romanizer.dictionary
        let entry = single ? dictionary.exactEntry(for: spelling) : dictionary.entry(for: spelling, minimumSimilarity: 0.9)
        guard let entry else { return nil }
        if single && (entry.weight < minimumWeight || spelling.unicodeScalars.count < 3) { return nil }
        return Mention(key: NameKey(spelling), latin: romanizer.romanize(spelling), spelling: spelling)
    }

    static func withoutProclitic(_ word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 3, ["و", "ب", "ل", "ف", "ك"].contains(scalars[0]) else { return nil }
        var rest = scalars.dropFirst()
        // "وال" / "بال" / "لل": the article stays part of the name (بالرياض → الرياض).
        if scalars[0] == "ل" && rest.first == "ل" { rest = ["ا"] + rest }
        return String(String.UnicodeScalarView(rest))
    }

    func isCommonWord(_ word: String) -> Bool {
        Self.commonWords.contains(NameDictionary.spelling(word))
    }

    /// Frequent words of news Arabic that name lists also hold as name tokens (أمل "hope",
    /// عالم "world", دول "states", ثاني "second" …), in the search profile's folding. Written by
    /// hand for Nazif.
    static let commonWords: Set<String> = Set("""
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
        ادي الامام غربيه الثاني الثالث هوي الياس
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init))
}

/// Counts mentions per name (by key), with every spelling seen.
public struct NameTally: Sendable {
    /// One name's totals.
    public struct Name: Sendable {
        public var latin: String
        public var count: Int
        /// Spellings with their counts, most frequent first.
        public var spellings: [(spelling: String, count: Int)]
    }

    private var counts: [NameKey: (latin: String, count: Int, spellings: [String: Int])] = [:]

    public init() {}

    public mutating func add(_ mention: NameFinder.Mention) {
        var entry = counts[mention.key] ?? (mention.latin, 0, [:])
        entry.count += 1
        entry.spellings[mention.spelling, default: 0] += 1
        counts[mention.key] = entry
    }

    /// The names, most mentioned first (ties by Latin form).
    public func sorted() -> [Name] {
        counts.values.map { entry in
            Name(latin: entry.latin, count: entry.count,
                 spellings: entry.spellings.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) })
        }.sorted { ($0.count, $1.latin) > ($1.count, $0.latin) }
    }
}
