/// Rules on what lines say: keyword spam, glued headlines, headline lists, advertising copy,
/// repeated paragraphs, and templates repeated across a site.
extension RuleContext {
    /// A line of twelve or more words, no sentence punctuation, most words said more than once
    /// (the tag lines of seed 001).
    mutating func applyKeywordSpam() {
        for index in 0..<count where isKept(index) {
            let info = info(index)
            guard info.wordCount >= 12, info.innerPunctuation == 0, !info.endsSentence else { continue }
            let key = lines.key(index)
            var hashes: [UInt64] = []
            hashes.reserveCapacity(info.wordCount)
            LineTable.forEachWord(in: key) { word in hashes.append(KeyHash.hash(UnsafeBufferPointer(rebasing: key[word]))) }
            let different = Self.distinctCount(&hashes)
            if Double(different) < 0.6 * Double(info.wordCount) {
                remove(index, .keywordSpam, .counts(info.wordCount, " words, ", different, " different"))
            }
        }
    }

    /// Headlines run together without separators: words that carry a second word glued on
    /// ("روسيازيلينسكي", "مسيرةزيلينسكي"): a teh marbuta or alef maksura inside a word (they
    /// only end words), or a word ending in another word that stands alone elsewhere on the
    /// line. Three such joins, in a line without sentences, make it a headline dump.
    mutating func applyGluedHeadlines() {
        for index in 0..<count where isKept(index) {
            let info = info(index)
            // A dump of headlines has no sentences in it; a paragraph (or a whole article
            // flattened to one line) with a few glued words does.
            guard info.wordCount >= 15, info.arabicLetters > 0, info.innerSentenceEnds <= 1,
                info.gluedFinalLetters > 0 || info.innerPunctuation == 0
            else { continue }
            let joins = gluedJoins(index)
            if joins >= 3 { remove(index, .gluedHeadlines, .count(joins, " words glued together")) }
        }
    }

    func gluedJoins(_ index: Int) -> Int {
        let range = info(index).range
        let text = lines.text
        // A join is a word with a glued final letter or a long word ending in another one: with
        // fewer than three candidates there cannot be three joins (most lines stop here, on
        // counts the line table made).
        guard info(index).gluedFinalLetters + info(index).longWords >= 3 else { return 0 }
        // Words of the line (original spelling) as ranges.
        var words: [Range<Int>] = []
        words.reserveCapacity(info(index).tokenCount + 1)
        LineTable.forEachWord(in: text, range) { word in words.append(word) }
        // The words of eight bytes or more, which a long word may end with: by their last four
        // bytes and length, because a suffix can only be one of them if it ends the same way
        // and is as long (hashing every suffix of every long word was most of this rule).
        var standalone: [(ending: UInt64, hash: UInt64)] = []
        for word in words where word.count >= 8 {
            let trimmed = Self.trimPunctuation(word, text)
            // Shorter than eight bytes, it cannot be the second part of a join.
            guard trimmed.count >= 8 else { continue }
            standalone.append(
                (
                    Self.ending(of: trimmed, in: text),
                    KeyHash.hash(UnsafeBufferPointer(rebasing: text[trimmed]))
                ))
        }
        var joins = 0
        for word in words {
            let trimmed = Self.trimPunctuation(word, text)
            // ة (D8 A9) or ى (D9 89) followed by an Arabic letter.
            var position = trimmed.lowerBound
            var glued = false
            while position + 3 < trimmed.upperBound {
                if (text[position] == 0xD8 && text[position + 1] == 0xA9)
                    || (text[position] == 0xD9 && text[position + 1] == 0x89)
                {
                    if Self.isArabicLetter(text, at: position + 2) { glued = true; break }
                }
                position += 2
            }
            if !glued && trimmed.count >= 16 {
                // Ends with a standalone word of the line: both parts at least four letters
                // (two bytes each), and the first not ending in the article ال (والرئيس is one
                // word with its clitics, not two glued).
                // The splits are every other byte from eight bytes in to eight bytes from the
                // end; only those leaving a suffix as long as, and ending like, a standalone word
                // are hashed.
                let ending = Self.ending(of: trimmed, in: text) >> 32
                for candidate in standalone where candidate.ending >> 32 == ending {
                    let split = trimmed.upperBound - Int(truncatingIfNeeded: candidate.ending & 0xFFFF_FFFF)
                    guard split >= trimmed.lowerBound + 8, split <= trimmed.upperBound - 8,
                        (split - trimmed.lowerBound) & 1 == 0
                    else { continue }
                    let afterArticle =
                        text[split - 4] == 0xD8 && text[split - 3] == 0xA7
                        && text[split - 2] == 0xD9 && text[split - 1] == 0x84
                    if !afterArticle
                        && KeyHash.hash(UnsafeBufferPointer(rebasing: text[split..<trimmed.upperBound])) == candidate.hash
                    {
                        glued = true
                        break
                    }
                }
            }
            if glued { joins += 1 }
        }
        return joins
    }

    /// A word's last four bytes (high half) and its length (low half); the word is at least
    /// four bytes long.
    static func ending(of word: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var last: UInt64 = 0
        for position in (word.upperBound - 4)..<word.upperBound { last = last << 8 | UInt64(text[position]) }
        return last << 32 | UInt64(word.count)
    }

    /// The number of different values (sorting them: a line's few words do not need a hash set,
    /// whose SipHash cost more than the rule).
    static func distinctCount(_ values: inout [UInt64]) -> Int {
        values.sort()
        var count = 0
        for index in values.indices where index == 0 || values[index] != values[index - 1] { count += 1 }
        return count
    }

    /// An Arabic letter ء–غ or ف–ي starts at `position` (not a comma, a mark or tatweel).
    static func isArabicLetter(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + 1 < text.count else { return false }
        let lead = text[position], trail = text[position + 1]
        return (lead == 0xD8 && trail >= 0xA1 && trail <= 0xBA) || (lead == 0xD9 && trail >= 0x81 && trail <= 0x8A)
    }

    static func trimPunctuation(_ word: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = word.lowerBound, upper = word.upperBound
        while lower < upper && text[lower] < 0x80 && !(text[lower] | 0x20 >= 0x61 && text[lower] | 0x20 <= 0x7A) { lower += 1 }
        while upper > lower && text[upper - 1] < 0x80 && !(text[upper - 1] | 0x20 >= 0x61 && text[upper - 1] | 0x20 <= 0x7A) { upper -= 1 }
        return lower..<upper
    }

    /// Three or more bulleted headline-like lines in a row after the last paragraph of prose:
    /// a list of links to other articles.
    mutating func applyHeadlineLists() {
        let lastProse = (0..<count).last { isKept($0) && info($0).isProse } ?? -1
        var run: [Int] = []
        func flush(_ context: inout RuleContext) {
            // A list a line ending with a colon announces ("كما برزت خطوات في:") is the article's.
            if run.count >= 3, !context.announcedByColon(run[0]) {
                for index in run { context.remove(index, .headlineList, .count(run.count, " bulleted headlines after the article")) }
            }
            run = []
        }
        for index in (lastProse + 1)..<count {
            let info = info(index)
            if info.isBlank { continue }
            if isKept(index) && info.isBulleted && info.isHeadlineLike {
                run.append(index)
            } else {
                flush(&self)
            }
        }
        flush(&self)
    }

    /// Whether the first item of a run of bulleted lines follows a line ending with a colon
    /// ("وعلامات الترقيم هي:"), over the bulleted lines before it: the list that line announces.
    func announcedByColon(_ item: Int) -> Bool {
        var index = item - 1
        while index >= 0 && (info(index).isBlank || info(index).isBulleted) { index -= 1 }
        return index >= 0 && info(index).endsWithColon
    }

    /// Advertising copy: five or more different cue words of the lexicon (جرب، مجانا، عرضنا،
    /// استمتع، دولارات …) in one paragraph.
    mutating func applyPromotion() {
        let lexicon = options.lexicon
        guard let cues = lexicon.cues["promo"], !cues.isEmpty,
            let starts = lexicon.cueStarts["promo"]
        else { return }
        for index in 0..<count where isKept(index) {
            let info = info(index)
            guard info.wordCount >= 8, info.wordCount <= 80 else { continue }
            var found: [UInt64] = []
            let key = lines.key(index)
            // Hash only words whose start begins some cue.
            starts.forEachCandidate(in: key) { word in
                let hash = KeyHash.hash(UnsafeBufferPointer(rebasing: key[word]))
                if cues.contains(hash) { found.append(hash) }
            }
            guard found.count >= 5 else { continue }
            let different = Self.distinctCount(&found)
            if different >= 5 { remove(index, .promotion, .count(different, " words of advertising copy")) }
        }
    }

    /// A paragraph (15 words or more by default) whose key repeats an earlier line's: the first
    /// stays. (Sorting a document's few long lines by hash beats a hash map per document.)
    mutating func applyDuplicates() {
        var candidates: [(hash: UInt64, index: Int)] = []
        for index in 0..<count where info(index).wordCount >= options.duplicateMinimumWords {
            candidates.append((info(index).keyHash, index))
        }
        guard candidates.count > 1 else { return }
        candidates.sort { ($0.hash, $0.index) < ($1.hash, $1.index) }
        var first = candidates[0]
        for candidate in candidates.dropFirst() {
            if candidate.hash == first.hash && lines.key(first.index).elementsEqual(lines.key(candidate.index)) {
                remove(candidate.index, .duplicateParagraph, .numbered("same as line ", first.index + 1))
            } else {
                first = candidate
            }
        }
        removeNearbyRepeats()
    }

    /// A headline printed again within the next ``nearbyRepeatWindow`` lines (a title in the
    /// page's heading and again in its breadcrumb or share box): three words or more, shorter
    /// than a paragraph ``applyDuplicates()`` would take, the same key as a line just above
    /// (not a line written with marks: a verse may come back as a refrain).
    mutating func removeNearbyRepeats() {
        let content = contentLines
        for (position, index) in content.enumerated() where isKept(index) {
            let words = info(index).wordCount
            guard words >= 3, words < options.duplicateMinimumWords, !info(index).isBulleted, !hasMarks(index) else { continue }
            // A paragraph between the two copies makes them two items of the text ("2- شهادة …").
            for earlier in content[max(0, position - Self.nearbyRepeatWindow)..<position].reversed() {
                if info(earlier).keyHash == info(index).keyHash && lines.key(earlier).elementsEqual(lines.key(index)) {
                    remove(index, .repeatedTitle, .numbered("same as line ", earlier + 1))
                    break
                }
                if isArticleProse(earlier) && info(earlier).keyHash != info(index).keyHash { break }
            }
        }
    }

    /// How far back (in non-blank lines) a repeated headline is looked for.
    static let nearbyRepeatWindow = 3

    /// Lines whose key occurs in many documents of the same group (site).
    mutating func applyTemplates() {
        guard let (table, group) = template, let group else { return }
        let thresholds = options.templates
        // Every kept line's slot asked for first, so the cache misses overlap (see
        // CountTable.prefetch).
        for index in 0..<count where isKept(index) { group.counts.prefetch(info(index).keyHash) }
        for index in 0..<count where isKept(index) {
            let info = info(index)
            guard !info.isBlank, !info.keyRange.isEmpty else { continue }
            let documents = table.count(of: info.keyHash, in: group)
            if thresholds.isTemplate(count: documents, documents: group.documents, keyCharacters: info.keyCharacters) {
                remove(index, .template, .template(documents: documents, of: group.documents, group: group.name))
            }
        }
    }
}
