/// The article block: a classifier that needs no lexicon. Every line is weighed by what it is
/// made of — prose (long, punctuated, full of function words) counts for the article, anything
/// else against — and the article is the run of lines with the greatest weight (the maximum-sum
/// segment, as in Finn et al.'s body text extraction). Around it, lines go: page furniture
/// before the first paragraph, except the article's title (the headline-like line whose words
/// the first paragraphs repeat), and whatever follows the last paragraph. Inside it, short lines
/// stay (subheadings, quotes, a dateline) unless four or more headline-like lines run together
/// (a box of links to other articles).
///
/// The rule abstains on documents without prose (a menu page, a document of one short line) and
/// on documents of one line.
extension RuleContext {
    /// Weights and thresholds of the article block (characters are those of the line's key).
    enum Quality {
        /// Prose: at least this many words, sentence punctuation (or twenty words), mostly
        /// Arabic letters...
        static let proseMinimumWords = 8
        /// ...and, under twelve words, this share of them function words (في، من، على، التي،
        /// قال …, or a word with an attached و ف ب ل ك before the article ال).
        static let proseMinimumFunctionShare = 0.15
        /// A line that is not prose counts this many characters against the block.
        static let otherLinePenalty = 60
        /// A line that ends with a colon (it introduces a quote or a list) counts this many for it.
        static let colonLineWeight = 20
        /// A line another rule removed counts this many against it.
        static let removedLinePenalty = 15
        /// The title is looked for among this many lines before the first paragraph.
        static let titleWindow = 12
        /// A title's words (those that are not function words) that the first two paragraphs
        /// repeat, at least this share of them.
        static let titleMinimumOverlap = 0.25
        /// Headline-like lines in a row outside the article (on a side that reads as text) that
        /// make a list of links to other articles.
        static let sideTeaserRun = 3
        /// Headlines with their cut summaries in a row that make a list of other articles.
        static let teaserPairs = 2
        /// A teaser's summary has at most this many words.
        static let summaryWords = 60
        /// A near copy of the title differs from it in at most this many words each way.
        static let nearCopyChanges = 2
        /// Headline-like lines in a row inside the article that make a box of links.
        static let teaserRun = 4
        /// The title's words are looked for in this many first paragraphs.
        static let leadParagraphs = 3
        /// At most this many lines after a line ending with a colon are the list it announces.
        static let announcedItems = 40
    }

    mutating func applyQuality() {
        let content = contentLines
        guard content.count >= 2 else { return }
        // Each line's weight; prose lines remembered for the title's overlap.
        var weights = [Int](repeating: 0, count: content.count)
        var prose = [Bool](repeating: false, count: content.count)
        var anyProse = false
        for (position, index) in content.enumerated() {
            if !isKept(index) {
                weights[position] = -Quality.removedLinePenalty
            } else if isArticleProse(index) {
                prose[position] = true
                anyProse = true
                weights[position] = info(index).keyCharacters
            } else if info(index).endsWithColon && info(index).wordCount >= 2 {
                weights[position] = Quality.colonLineWeight
            } else if isNeutral(index) || isCodeLike(index) {
                weights[position] = 0
            } else {
                weights[position] = -Quality.otherLinePenalty
            }
        }
        // No article to find (a page of furniture, a recipe or a list of short lines, or text
        // cut before the article): nothing to weigh lines against, but a list of teasers with
        // their cut summaries still reads as one.
        guard anyProse else {
            removeTeaserPairs(in: content, protected: [])
            return
        }
        // Lines that neither lengthen nor cut the article: the items of a list that a line
        // ending with a colon announces, and a box of headlines with paragraphs on both sides
        // (the box itself goes below, as list.teasers).
        for run in headlineRuns(in: content, prose: prose) {
            let between = run.lowerBound > 0 && prose[run.lowerBound - 1] && run.upperBound < content.count && prose[run.upperBound]
            if between && run.count >= Quality.teaserRun {
                for position in run { weights[position] = 0 }
            }
        }
        for position in content.indices where isKept(content[position]) && info(content[position]).endsWithColon {
            for item in announcedItems(after: position, in: content, prose: prose) where !prose[item] { weights[item] = 0 }
        }
        // The maximum-sum run of lines (Kadane).
        var best = (sum: Int.min, start: 0, end: 0)
        var sum = 0, runStart = 0
        for position in weights.indices {
            if sum <= 0 {
                sum = 0
                runStart = position
            }
            sum += weights[position]
            if sum > best.sum { best = (sum, runStart, position) }
        }
        // The article reaches past its first and last paragraphs over text that goes with
        // them: before, sentence fragments (a standfirst cut into lines, verses); after, lines
        // that weigh nothing against it (an announced list) and short Arabic text (verses, a
        // closing sentence, a signature), up to the first line another rule removed or the
        // first box of headlines.
        var start = best.start, end = best.end
        let lastProse = prose.lastIndex(of: true) ?? -1
        while start > 0, isKept(content[start - 1]), isTextFragment(content[start - 1]) || hasMarks(content[start - 1]) {
            start -= 1
        }
        while end + 1 < content.count {
            let next = content[end + 1]
            if isKept(next) {
                guard weights[end + 1] >= 0 || (continuesText(next) && !startsTeaserRun(at: end + 1, in: content, prose: prose, lastProse: lastProse))
                else { break }
            } else {
                // A line ending with a colon that another rule removed (a column's recurring
                // "السطر الأخير :") still introduces what follows.
                guard info(next).endsWithColon, end + 2 < content.count, isKept(content[end + 2]),
                    continuesText(content[end + 2])
                else { break }
            }
            end += 1
        }
        let firstLine = content[start] + 1, lastLine = content[end] + 1
        var titles = titleLines(before: start, in: content, blockEnd: best.end)
        // An article that opens with a bulleted list ("  • الأعراض: …") keeps the list's heading
        // ("لمحة موجزة") with it.
        if start > 0, info(content[start]).isBulleted, isKept(content[start - 1]), !info(content[start - 1]).isBulleted,
            info(content[start - 1]).isHeadlineLike, info(content[start - 1]).wordCount <= 6, !titles.contains(content[start - 1])
        {
            titles.append(content[start - 1])
        }
        // A side goes only when it reads as page furniture: more of its lines went to other
        // rules or are labels (three words or fewer, no function word, no sentence end) than
        // are Arabic text. Otherwise the article's text runs on there (a list, a recipe, a
        // glossary) and that side stays.
        let before = 0..<start, after = (end + 1)..<content.count
        if isFurniture(content[before].filter { !titles.contains($0) }[...]) {
            for position in before where isKept(content[position]) && !titles.contains(content[position]) && !prose[position] {
                remove(
                    content[position], .outsideArticle,
                    .text("before the article (lines \(firstLine)–\(lastLine)); " + features(content[position], prose[position])))
            }
        }
        if isFurniture(content[after]) {
            for position in after where isKept(content[position]) && !prose[position] {
                remove(
                    content[position], .outsideArticle,
                    .text("after the article (lines \(firstLine)–\(lastLine)); " + features(content[position], prose[position])))
            }
        }
        removeTeaserRuns(in: content[start...end], prose: prose)
        // Outside the article, on a side that stayed (its lines read as Arabic text), a run of
        // headlines is still a list of links to other articles ("آخر الأخبار" without its
        // heading); the article's title breaks such a run.
        removeTeaserRuns(in: content[before], prose: prose, minimum: Quality.sideTeaserRun, outside: true, protected: titles)
        // The article's tail after its last whole paragraph (one that does not trail off with
        // "…") is outside it too: summaries cut off there read as prose by their words.
        // (A list the article announces with a colon is the article's: the tail starts after it.)
        let lastWhole =
            (start...end).last {
                prose[$0] && !endsWithEllipsis(content[$0]) || info(content[$0]).endsWithColon && isKept(content[$0])
            } ?? end
        removeTeaserRuns(in: content[(lastWhole + 1)...], prose: prose, minimum: Quality.sideTeaserRun, outside: true, protected: [])
        removeRepeatedTitle(titles.first, in: content, outside: content[start]...content[end])
        removeTeaserPairs(in: content, protected: titles)
    }

    /// A list of other articles printed with their summaries: a headline, then its summary cut
    /// off with "…" («قفزت أسعار النفط اليوم … وسط مخاوف من…»), two or more times in a row,
    /// anywhere in the page. An article's own subheading is followed by a whole paragraph, not
    /// by one that trails off, so the pairs are teasers.
    mutating func removeTeaserPairs(in content: [Int], protected: [Int]) {
        var position = 0
        while position + 3 < content.count {
            var end = position, pairs = 0
            while end + 1 < content.count, isTeaserPair(content[end], content[end + 1], protected: protected) {
                end += 2
                pairs += 1
                // A line other rules removed (the teaser's date or time) stands between two pairs.
                while end < content.count, !isKept(content[end]) { end += 1 }
            }
            if pairs >= Quality.teaserPairs {
                for index in content[position..<end] where isKept(index) {
                    remove(index, .teaserList, .count(pairs, " headlines with their cut summaries in a row"))
                }
                position = end
            } else {
                position += 1
            }
        }
    }

    /// A teaser's summary cut off with "…" ("ألقت الشرطة الإسبانية القبض أخ…", "كشف النجم
    /// البرتغالي كريستيانو …"): three to ``Quality/summaryWords`` words.
    func isCutSummary(_ index: Int) -> Bool {
        let info = info(index)
        return endsWithEllipsis(index) && info.wordCount >= 3 && info.wordCount <= Quality.summaryWords
    }

    /// A headline and, on the next line, a summary that trails off with "…".
    func isTeaserPair(_ headline: Int, _ summary: Int, protected: [Int]) -> Bool {
        // The headline may read as prose by its words ("تركيا.. التضخم في أدنى مستوى سنوي له منذ
        // 50 شهرا": two dots and three function words): the cut summary under it decides.
        guard isKept(headline), isKept(summary), !protected.contains(headline),
            isTeaserLine(headline, isProse: false) || isQuestionHeadline(headline)
        else { return false }
        return isCutSummary(summary)
    }

    /// Short Arabic text: three words or more, mostly Arabic letters, a function word among them.
    func isArabicText(_ index: Int) -> Bool {
        let info = info(index)
        return info.wordCount >= 3 && 2 * info.arabicLetters >= info.keyCharacters && functionWords(index) >= 1
    }

    /// A piece of a sentence: short Arabic text with punctuation inside or at its end.
    func isTextFragment(_ index: Int) -> Bool {
        let info = info(index)
        return isArabicText(index) && (info.endsSentence || info.innerPunctuation >= 1 || endsWithEllipsis(index))
            || isBlessing(index)
    }

    /// A greeting or blessing that opens or closes a post or a letter ("السلام عليكم ورحمة الله
    /// وبركاته", "بارك الله بكم", "جزاك الله خيرا", "بسم الله الرحمن الرحيم"): the writer's own
    /// words, however short and unpunctuated. Fifteen words at most.
    func isBlessing(_ index: Int) -> Bool {
        let info = info(index)
        guard info.wordCount >= 2, info.wordCount <= 15 else { return false }
        let key = lines.key(index)
        var words: [Range<Int>] = []
        LineTable.forEachWord(in: key) { word in if words.count < 2 { words.append(word) } }
        return words.count == 2 && ArabicWords.blessingOpeners.contains(key, words[0])
            && ArabicWords.blessingSeconds.contains(key, words[1])
    }

    /// Text that may go on after the last paragraph: mostly Arabic, and short Arabic text, or a
    /// line that ends a sentence or trails off, or a line written with tashkeel or tatweel.
    func continuesText(_ index: Int) -> Bool {
        let info = info(index)
        guard info.wordCount >= 1, 2 * info.arabicLetters >= info.keyCharacters, info.arabicLetters > 0 else { return false }
        return isArabicText(index) || info.endsSentence || endsWithEllipsis(index) || hasMarks(index) || isBlessing(index)
    }

    /// Two or more tashkeel marks or tatweels in the line's text: verse, or a writer's careful
    /// text; headlines and page furniture are not written so.
    func hasMarks(_ index: Int) -> Bool {
        let text = lines.text
        var marks = 0
        var position = info(index).range.lowerBound
        let end = info(index).range.upperBound
        while position + 1 < end {
            if text[position] == 0xD9 {
                let next = text[position + 1]
                if next == 0x80 || (next >= 0x8B && next <= 0x92) {
                    marks += 1
                    if marks >= 2 { return true }
                }
            }
            position += 1
        }
        return false
    }

    /// Whether a line starts with a function word or with و/ف glued to a word: a sentence that
    /// goes on from the line before.
    func startsWithFunctionWord(_ index: Int) -> Bool {
        let key = lines.key(index)
        var first: Range<Int>?
        LineTable.forEachWord(in: key) { word in if first == nil { first = word } }
        guard let word = first else { return false }
        if ArabicWords.function.contains(key, word) { return true }
        return word.count >= 6 && key[word.lowerBound] == 0xD9 && (key[word.lowerBound + 1] == 0x88 || key[word.lowerBound + 1] == 0x81)
    }

    /// Whether a box of headlines (four or more headline-like lines in a row) starts here. Lines
    /// of one text broken up (verses, a column set line by line: half of them written with marks
    /// or starting with a function word or و) are not a box.
    /// `lastProse` is the position of the document's last prose line (-1 for none).
    func startsTeaserRun(at position: Int, in content: [Int], prose: [Bool], lastProse: Int) -> Bool {
        let run = headlineRun(from: position, in: content, prose: prose)
        // Three suffice when no paragraph follows them: the page's list after the article.
        let last = run.upperBound > lastProse
        return run.count >= (last ? Quality.sideTeaserRun : Quality.teaserRun) && !isBrokenText(content[run])
    }

    /// A line that may stand in a box of headlines: headline-like, three to twenty words, not
    /// prose, not ending with a colon.
    func isTeaserLine(_ index: Int, isProse: Bool) -> Bool {
        let info = info(index)
        return !isProse && info.isHeadlineLike && info.wordCount >= 3 && info.wordCount <= 20 && !info.endsWithColon
    }

    /// A headline that ends with ? or ! ("ربع مليون وحدة سكنية تعرضت للتدمير في غزة!"): three to
    /// fourteen words without punctuation inside (such a line may read as prose by its words).
    func isQuestionHeadline(_ index: Int) -> Bool {
        let info = info(index)
        return info.endsWithQuestion && info.wordCount >= 3 && info.wordCount <= 14 && info.innerPunctuation == 0
    }

    /// The headline-like lines in a row from a position.
    func headlineRun(from position: Int, in content: [Int], prose: [Bool]) -> Range<Int> {
        var end = position
        while end < content.count {
            let index = content[end]
            guard isKept(index), isTeaserLine(index, isProse: prose[end]) || isQuestionHeadline(index) else { break }
            end += 1
        }
        return position..<end
    }

    /// A numbered list ("1. التطبيقات", "2- لغات البرمجة"): half of the lines or more start with
    /// a number. Inside an article, that is the article's own list, not a box of links.
    func isNumberedList(_ run: ArraySlice<Int>) -> Bool {
        let numbered = run.filter { index in
            let key = lines.key(index)
            return key.first == 0x30  // the key folds every digit to 0
        }.count
        return 2 * numbered >= run.count
    }

    /// Lines of one text set line by line: half of them or more written with marks or starting
    /// with a function word or و.
    func isBrokenText(_ run: ArraySlice<Int>) -> Bool {
        let joined = run.filter { hasMarks($0) || startsWithFunctionWord($0) }.count
        return 2 * joined >= run.count
    }

    /// Whether lines outside the article read as page furniture: more of them went to other
    /// rules or are labels (three words or fewer, no function word, no sentence end) than are
    /// Arabic text (``isArabicText(_:)``, or a line that ends a sentence).
    func isFurniture(_ side: ArraySlice<Int>) -> Bool {
        var furniture = 0, text = 0
        for index in side {
            let info = info(index)
            if !isKept(index) {
                furniture += 1
            } else if isArabicText(index) || (info.endsSentence && info.arabicLetters > 0) {
                text += 1
            } else if info.wordCount <= 3 && functionWords(index) == 0 {
                furniture += 1
            }
        }
        return furniture > text
    }

    /// The items of a list that a line ending with a colon announces ("وعلامات الترقيم هي:"):
    /// the kept lines with Arabic letters that follow it (an item may be a sentence), up to the
    /// first line another rule removed, the next line ending with a colon, or
    /// ``Quality/announcedItems`` lines.
    func announcedItems(after colon: Int, in content: [Int], prose: [Bool]) -> Range<Int> {
        var end = colon + 1
        while end < content.count && end - colon <= Quality.announcedItems {
            let index = content[end]
            guard isKept(index), info(index).arabicLetters > 0, !info(index).endsWithColon else { break }
            end += 1
        }
        return (colon + 1)..<end
    }

    /// The runs (positions in `content`) of kept headline-like lines that are not prose.
    func headlineRuns(in content: [Int], prose: [Bool]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for position in content.indices {
            let index = content[position]
            let inRun =
                isKept(index) && !prose[position] && info(index).isHeadlineLike && info(index).wordCount >= 2
                && !info(index).endsWithColon
            if inRun && start == nil { start = position }
            if !inRun, let first = start {
                runs.append(first..<position)
                start = nil
            }
        }
        if let first = start { runs.append(first..<content.count) }
        return runs
    }

    /// The features that decided a line's class, for `--explain`.
    func features(_ index: Int, _ isProse: Bool) -> String {
        let info = info(index)
        let ending = info.endsSentence ? "ends a sentence" : info.endsWithColon ? "ends with ':'" : "no final punctuation"
        return "\(isProse ? "prose" : "not prose"): \(info.wordCount) words, \(functionWords(index)) function words, "
            + "\(info.innerPunctuation) inner punctuation, \(ending)"
    }

    /// A paragraph of the article: enough words, sentence punctuation (or length), function
    /// words, and mostly Arabic letters.
    func isArticleProse(_ index: Int) -> Bool {
        let info = info(index)
        guard info.wordCount >= Quality.proseMinimumWords,
            info.endsSentence || info.innerPunctuation >= 1 || info.wordCount >= 20,
            2 * info.arabicLetters >= info.keyCharacters
        else { return false }
        // A long sentence is prose as it is; a short one needs the glue of function words
        // (a headline with a full stop has none, or one).
        if info.wordCount >= 12 && (info.endsSentence || info.innerPunctuation >= 1) { return true }
        return Double(functionWords(index)) >= Quality.proseMinimumFunctionShare * Double(info.wordCount)
    }

    /// Lines that count neither for nor against the article: a long line that trails off with
    /// "..." (a teaser's cut summary, or a paragraph), a long punctuated line in another script
    /// (a quotation).
    func isNeutral(_ index: Int) -> Bool {
        let info = info(index)
        guard info.wordCount >= Quality.proseMinimumWords else { return false }
        if endsWithEllipsis(index) { return true }
        return 2 * info.arabicLetters < info.keyCharacters && (info.endsSentence || info.innerPunctuation >= 2)
    }

    /// A line of program code in an article about programming ("let i = 0;", "alert( i );",
    /// "while (condition) {"): no Arabic letters, and a semicolon, a brace, an equals sign or
    /// a parenthesis.
    func isCodeLike(_ index: Int) -> Bool {
        guard info(index).arabicLetters == 0 else { return false }
        return lines.text[info(index).range].contains { byte in
            byte == UInt8(ascii: ";") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
        }
    }

    /// Function words of the line's key, counting a word with an attached و ف ب ل ك before ال
    /// ("والحكومة", "بالعاصمة", "للمرة") and و/ف before a function word ("وفي", "فإن").
    func functionWords(_ index: Int) -> Int {
        let key = lines.key(index)
        var found = 0
        LineTable.forEachWord(in: key) { word in
            if ArabicWords.function.contains(key, word) || Self.hasCliticArticle(key, word) {
                found += 1
            } else if word.count >= 6, key[word.lowerBound] == 0xD9,
                key[word.lowerBound + 1] == 0x88 || key[word.lowerBound + 1] == 0x81,  // و ف
                ArabicWords.function.contains(key, (word.lowerBound + 2)..<word.upperBound)
            {
                found += 1
            }
        }
        return found
    }

    /// وال، بال، فال، كال، لل at the start of a word of at least four letters.
    @inline(__always)
    static func hasCliticArticle(_ key: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count >= 8 else { return false }
        let first = key[word.lowerBound], second = key[word.lowerBound + 1]
        let third = key[word.lowerBound + 2], fourth = key[word.lowerBound + 3]
        // ل (D9 84) ل: "للمرة"
        if first == 0xD9 && second == 0x84 && third == 0xD9 && fourth == 0x84 { return true }
        // و (D9 88), ب (D8 A8), ف (D9 81), ك (D9 83), then ا (D8 A7) ل (D9 84)
        let clitic = (first == 0xD9 && (second == 0x88 || second == 0x81 || second == 0x83)) || (first == 0xD8 && second == 0xA8)
        return clitic && third == 0xD8 && fourth == 0xA7 && key[word.lowerBound + 4] == 0xD9 && key[word.lowerBound + 5] == 0x84
    }

    /// The line ends with "..." or "…".
    func endsWithEllipsis(_ index: Int) -> Bool {
        let text = lines.text[info(index).range]
        var end = text.endIndex
        while end > text.startIndex && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        let line = text[text.startIndex..<end]
        return line.ends(with: [0x2E, 0x2E, 0x2E]) || line.ends(with: [0xE2, 0x80, 0xA6])
    }

    /// The article's title (and the subtitles and captions that go with it): among the kept
    /// lines just before the first paragraph, the headline-like ones whose words the first two
    /// paragraphs repeat (a quarter of them or more); failing that, the first copy of a line
    /// printed twice there (the page's title and its heading); failing that, the nearest
    /// headline-like line of four words or more. In document order; the first is the title.
    func titleLines(before start: Int, in content: [Int], blockEnd: Int) -> [Int] {
        guard start > 0 else { return [] }
        let window = max(0, start - Quality.titleWindow)..<start
        var repeating: [Int] = []
        // The lead's stems are gathered only when some line of the window could be its title.
        if content[window].contains(where: { self.isKept($0) && self.couldRepeatLead($0) }) {
            let lead = leadWords(content[start...blockEnd].lazy.filter { self.isKept($0) && self.isArticleProse($0) })
            for position in window {
                let index = content[position]
                if isKept(index) && repeatsLead(index, lead) { repeating.append(index) }
            }
        }
        if !repeating.isEmpty { return repeating }
        // The title printed twice (the page's title and its heading): the first copy.
        var seen: [(hash: UInt64, index: Int)] = []
        for position in max(0, start - Quality.titleWindow)..<start {
            let index = content[position]
            let info = info(index)
            guard isKept(index), info.isHeadlineLike, info.wordCount >= 3, info.arabicLetters > 0 else { continue }
            if let first = seen.first(where: { $0.hash == info.keyHash }) { return [first.index] }
            seen.append((info.keyHash, index))
        }
        // No line repeats the lead: the nearest kept headline-like line of three words or more
        // (what stood between it and the first paragraph — dates, bylines, counters — went).
        for position in stride(from: start - 1, through: max(0, start - Quality.titleWindow), by: -1) {
            let index = content[position]
            let info = info(index)
            guard isKept(index) else { continue }
            if info.isHeadlineLike && info.wordCount >= 3 && info.arabicLetters > 0 && !info.endsWithColon { return [index] }
        }
        return []
    }

    /// The word stems (``stem(_:_:)``) of the first three of the given paragraphs (the
    /// article's lead).
    func leadWords(_ paragraphs: some Sequence<Int>) -> StemSet {
        var lead = StemSet()
        for index in paragraphs.prefix(Quality.leadParagraphs) {
            let key = lines.key(index)
            LineTable.forEachWord(in: key) { word in lead.insert(Self.stem(key, word)) }
        }
        return lead
    }

    /// Whether a line has the shape of a title (``repeatsLead(_:_:)``'s test before its words
    /// are compared): three to thirty words, Arabic, no colon at its end, not a long sentence.
    func couldRepeatLead(_ index: Int) -> Bool {
        let info = info(index)
        return info.wordCount >= 3 && info.wordCount <= 30 && info.arabicLetters > 0
            && !info.endsWithColon && !(info.endsSentence && info.wordCount >= 12)
    }

    /// Whether a line reads as the title of the lead: headline-like (three to thirty words,
    /// Arabic, no colon at its end, not a long sentence) and a quarter or more of its words that
    /// are not function words appear in the lead (compared by their stems).
    func repeatsLead(_ index: Int, _ lead: StemSet) -> Bool {
        guard !lead.isEmpty, couldRepeatLead(index) else { return false }
        let key = lines.key(index)
        var words = 0, repeated = 0
        LineTable.forEachWord(in: key) { word in
            guard !ArabicWords.function.contains(key, word) else { return }
            words += 1
            if lead.contains(Self.stem(key, word)) { repeated += 1 }
        }
        return words > 0 && Double(repeated) >= Quality.titleMinimumOverlap * Double(words)
    }

    /// The hash of a word without a leading و and without the article and the clitics before it
    /// (ال، بال، كال، فال، لل), when two letters or more remain: "والخارجية" and "خارجية" meet.
    static func stem(_ key: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> UInt64 {
        var start = word.lowerBound
        let end = word.upperBound
        func letter(_ offset: Int, _ second: UInt8) -> Bool {
            let position = start + offset
            return position + 1 < end && key[position] == (second >= 0xA0 && second <= 0xBF ? 0xD8 : 0xD9) && key[position + 1] == second
        }
        // و (D9 88), then at least three letters.
        if end - start >= 8 && letter(0, 0x88) { start += 2 }
        if end - start >= 8 && letter(0, 0x84) && letter(2, 0x84) {  // لل
            start += 4
        } else if end - start >= 8 && letter(0, 0xA7) && letter(2, 0x84) {  // ال
            start += 4
        } else if end - start >= 10 && (letter(0, 0xA8) || letter(0, 0x83) || letter(0, 0x81))
            && letter(2, 0xA7) && letter(4, 0x84)
        {  // بال كال فال
            start += 6
        }
        return KeyHash.hash(UnsafeBufferPointer(rebasing: key[start..<end]))
    }

    /// Four or more kept headline-like lines in a row inside the article, not introduced by a
    /// line that ends with a colon (a list the article announces).
    mutating func removeTeaserRuns(
        in block: ArraySlice<Int>, prose: [Bool], minimum: Int = Quality.teaserRun,
        outside: Bool = false, protected: [Int] = []
    ) {
        var run: [Int] = []
        func flush(_ context: inout RuleContext) {
            defer { run = [] }
            guard run.count >= minimum, !context.isBrokenText(run[...]), !context.isNumberedList(run[...]) else { return }
            var before = run[0] - 1
            while before >= 0 && context.info(before).isBlank { before -= 1 }
            if before >= 0 && context.info(before).endsWithColon { return }
            for index in run { context.remove(index, .teaserList, .count(run.count, " headline-like lines in a row")) }
        }
        for (position, index) in zip(block.indices, block) {
            let info = info(index)
            // Lines other rules removed (a time, a counter between two headlines) do not break
            // the run; very short kept lines (a section label) neither start nor break it.
            if !isKept(index) { continue }
            if protected.contains(index) {
                flush(&self)
            } else if isTeaserLine(index, isProse: prose[position]) || isQuestionHeadline(index)
                || outside && isCutSummary(index)
            {
                run.append(index)
            } else if !(info.wordCount <= 2 && !run.isEmpty && !info.endsSentence) {
                flush(&self)
            }
        }
        flush(&self)
    }

    /// Other lines with the title's key outside the article: the title printed twice (the
    /// first copy stays; a copy inside the article is the article's own).
    mutating func removeRepeatedTitle(_ title: Int?, in content: [Int], outside article: ClosedRange<Int>) {
        guard let title else { return }
        let hash = info(title).keyHash
        let titleWords = wordHashes(title)
        for index in content where index != title && !article.contains(index) && isKept(index) {
            if info(index).keyHash == hash && lines.key(index).elementsEqual(lines.key(title)) {
                remove(index, .repeatedTitle, .numbered("same as the title, line ", title + 1))
            } else if titleWords.count >= 3, abs(info(index).wordCount - titleWords.count) <= Quality.nearCopyChanges,
                nearCopy(wordHashes(index), of: titleWords)
            {
                remove(index, .repeatedTitle, .numbered("the title again, a word or two changed, line ", title + 1))
            }
        }
    }

    /// The hashes of a line's key words, in order.
    func wordHashes(_ index: Int) -> [UInt64] {
        let key = lines.key(index)
        var hashes: [UInt64] = []
        LineTable.forEachWord(in: key) { word in hashes.append(KeyHash.hash(UnsafeBufferPointer(rebasing: key[word]))) }
        return hashes
    }

    /// A copy of a title with a word or two cut, added or changed (a breadcrumb's shortened
    /// copy, "ماهو الفرق" printed "اهو الفرق"): at most ``Quality/nearCopyChanges`` words in
    /// either line that the other lacks, and four fifths of the title's words in it.
    func nearCopy(_ words: [UInt64], of title: [UInt64]) -> Bool {
        guard words.count >= 2, abs(words.count - title.count) <= Quality.nearCopyChanges else { return false }
        let titleSet = Set(title), lineSet = Set(words)
        let missing = titleSet.subtracting(lineSet).count, added = lineSet.subtracting(titleSet).count
        return missing <= Quality.nearCopyChanges && added <= Quality.nearCopyChanges
            && 5 * titleSet.intersection(lineSet).count >= 4 * titleSet.count
    }
}
