/// The lexicon's markers: a phrase at the start of a line (on its key form), removing the line,
/// the list after it, or the rest of the document.
extension RuleContext {
    mutating func applyMarkers() {
        let lexicon = options.lexicon
        var index = 0
        while index < count {
            let info = info(index)
            guard !info.isBlank, isKept(index), let (entry, scope) = matchMarker(index, lexicon) else {
                index += 1
                continue
            }
            let rule = entry.reportedRule
            remove(index, rule, .text(entry.phrase))
            switch scope {
            case .line, .cue:
                index += 1
            case .rest:
                guard let next = removeBox(after: index, rule: rule, heading: entry.phrase) else { return }
                index = next
            case .list:
                index = removeList(after: index, rule: rule, heading: entry.phrase)
            }
        }
        removeTeasersAboveReadMoreLinks()
    }

    /// A listing page (a blog's front page, a section, an author's page) prints each article as
    /// its title, a summary and a "read more" link («أكمل القراءة »», «اقرأ المزيد»). Where two
    /// or more read-more links each close a block of at most ``readMoreTeaserLines`` lines, those
    /// blocks are teasers and go with their links. One link alone proves nothing (an article may
    /// end with «للمزيد اضغط هنا»), nor does a link after a longer block (the article itself).
    mutating func removeTeasersAboveReadMoreLinks() {
        // Positions in the non-blank lines, so each block is a slice between two links.
        let content = contentLines
        let links = content.indices.filter { !isKept(content[$0]) && removalRule(content[$0]) == "marker.read-more" }
        guard links.count >= 2 else { return }
        var blocks: [(link: Int, lines: ArraySlice<Int>)] = []
        for (number, link) in links.enumerated() {
            var lines = content[(number == 0 ? 0 : links[number - 1] + 1)..<link]
            // Above the first link stands the page's head too: the teaser is as long as the
            // one under it.
            if number == 0 { lines = lines.suffix(min(links[1] - link - 1, Self.readMoreTeaserLines)) }
            guard !lines.isEmpty, lines.count <= Self.readMoreTeaserLines,
                lines.allSatisfy({ isKept($0) && !info($0).isBulleted })
            else { continue }
            blocks.append((content[link], lines))
        }
        guard blocks.count >= 2 else { return }
        for block in blocks {
            for index in block.lines {
                remove(index, .teaserList, .nearLine("a teaser closed by a read-more link", "", line: block.link + 1))
            }
        }
    }

    /// At most this many lines (a title, a summary, a date) stand above a read-more link in a
    /// listing's teaser.
    static let readMoreTeaserLines = 3

    /// Removes the list after a heading: bulleted or headline-like lines, blank lines between
    /// them, up to the first line of prose. The item just before that prose stays when it reads
    /// as the prose's title (its words come back in the first paragraphs): the list ended and the
    /// article began. Returns the index to continue from.
    mutating func removeList(after heading: Int, rule: String, heading phrase: String) -> Int {
        let items = listItems(after: heading)
        var kept = items.count
        if let last = items.last, let lead = leadAfter(last), repeatsLead(last, lead) { kept -= 1 }
        for index in items.prefix(kept) {
            remove(index, rule, .nearLine("list under ", phrase, line: heading + 1))
        }
        return (kept > 0 ? items[kept - 1] : heading) + 1
    }

    /// The list after a heading: the bulleted or headline-like lines that follow it (blank lines
    /// between them skipped), up to the first other line.
    func listItems(after heading: Int) -> [Int] {
        var items: [Int] = []
        var index = heading + 1
        while index < count {
            let info = info(index)
            if info.isBlank {
                index += 1
                continue
            }
            guard info.isBulleted || info.isHeadlineLike, info.pipes < 2 else { break }
            items.append(index)
            index += 1
        }
        return items
    }

    /// The lead (first two paragraphs of article prose) that follows a line, if prose follows
    /// it at all.
    func leadAfter(_ index: Int) -> StemSet? {
        let paragraphs = contentLines.lazy.filter { $0 > index && self.isArticleProse($0) }
        guard paragraphs.first != nil else { return nil }
        return leadWords(paragraphs)
    }

    /// A "read also" heading: another article follows, or a box of links inside this one. What
    /// follows goes as a whole — the heading ends the article — when the line before it went to
    /// another rule (the article's source or tags), when no article prose came before it, when no
    /// prose follows, when no link stands under it (the other article, its title lost), or when
    /// the box's last line is the title of the prose after it (another article, printed whole).
    /// Otherwise the article goes on after the box: only the box goes (its heading and its links),
    /// and the rules go on from the line after it. `--explain` gives the evidence. Returns that
    /// line, or nil when the rest of the document went.
    mutating func removeBox(after heading: Int, rule: String, heading phrase: String) -> Int? {
        let items = listItems(after: heading)
        if let evidence = anotherArticleFollows(heading, box: items) {
            let reason = RemovalReason.nearLineBecause("after ", phrase, line: heading + 1, evidence: evidence)
            for later in (heading + 1)..<count where !info(later).isBlank {
                remove(later, rule, reason)
            }
            return nil
        }
        for index in items {
            remove(index, rule, .nearLine("box under ", phrase, line: heading + 1))
        }
        return (items.last ?? heading) + 1
    }

    /// Why what follows a read-also heading is another article (or furniture), or nil when the
    /// article goes on after the box.
    func anotherArticleFollows(_ heading: Int, box: [Int]) -> String? {
        guard let before = contentLines.last(where: { $0 < heading }), isKept(before) else {
            return "the article ended before it (the line before went to another rule)"
        }
        guard contentLines.contains(where: { $0 < heading && isArticleProse($0) }) else {
            return "no article prose before it"
        }
        guard let last = box.last else { return "no link under it: the text after it is another article's" }
        guard let lead = leadAfter(last) else { return "no article prose after it" }
        if repeatsLead(last, lead) { return "line \(last + 1) is the title of the prose after it" }
        return nil
    }

    /// The lexicon entry that matches a line, and the scope it takes there.
    func matchMarker(_ index: Int, _ lexicon: Lexicon) -> (Lexicon.Entry, Lexicon.Scope)? {
        let key = lines.key(index)
        guard !key.isEmpty else { return nil }
        let candidates = lexicon.buckets[Int(Lexicon.bucket(key))]
        guard !candidates.isEmpty else { return nil }
        let lineHead = Lexicon.MarkerCandidate.head(key).0
        for candidate in candidates where candidate.mayStart(lineHead) {
            let entry = lexicon.entries[candidate.entry]
            guard key.count >= entry.key.count, key.starts(with: entry.key) else { continue }
            let restStart = key.startIndex + entry.key.count
            let alone = restStart == key.endIndex
            let spaceAfter = !alone && key[restStart] == 0x20
            let glued = !alone && !spaceAfter
            switch entry.match {
            case .exact:
                if alone { return (entry, entry.scope) }
            case .start:
                return (entry, .line)
            case .label:
                if alone || (!glued && colonFollows(index, words: entry.wordCount)) {
                    return (entry, .line)
                }
                // Without a colon, only as the document's last line, a bare list of words
                // ("سمات الدمام تحرش عصا فتاة"): a heading in the body reads the same.
                if spaceAfter && index == lastContentLine && info(index).innerPunctuation == 0
                    && !info(index).endsSentence
                {
                    return (entry, .line)
                }
            case .heading:
                if alone { return (entry, entry.scope) }
                // Glued to the next text ("اقرأ أيضاًأمير الكويت…") or introducing it on the same
                // short line ("اقرأ أيضاً: عنوان"): a link, the line only.
                if glued || colonFollows(index, words: entry.wordCount) || info(index).wordCount <= 12 {
                    return (entry, .line)
                }
            case .word:
                break
            }
        }
        return nil
    }

    /// The index of the last non-blank line.
    var lastContentLine: Int { (0..<count).last { !info($0).isBlank } ?? -1 }

    /// Whether the line's first colon comes right after its first `words` words.
    func colonFollows(_ index: Int, words: Int) -> Bool {
        let range = info(index).range
        var wordsSeen = 0
        var inWord = false
        for position in range {
            let byte = lines.text[position]
            if byte == UInt8(ascii: ":")
                || (byte == 0xEF && position + 2 < range.upperBound
                    && lines.text[position + 1] == 0xBC && lines.text[position + 2] == 0x9A)
            {
                if inWord { wordsSeen += 1 }
                return wordsSeen <= words && wordsSeen >= max(1, words - 1)
            }
            if byte == 0x20 || byte == 0x09 {
                if inWord { wordsSeen += 1 }
                inWord = false
                if wordsSeen > words { return false }
            } else if byte != UInt8(ascii: "*") && byte != 0xE2 {
                inWord = true
            }
        }
        return false
    }
}
