/// Page furniture recognized by its shape: separators, site headers, timestamps, menus, link
/// rows, copyright lines, bylines.
extension RuleContext {
    /// "***", "|", "•": visible but with no letters or digits at all.
    mutating func applySeparators() {
        for index in 0..<count where isKept(index) {
            let info = info(index)
            if !info.isBlank && info.keyRange.isEmpty && !isCodeDelimiter(index) { remove(index, .separator, text(index)) }
        }
    }

    /// A line of one brace or bracket and its punctuation ("}", "});", "{"): the end of a block
    /// of program code in an article about programming, not a separator.
    func isCodeDelimiter(_ index: Int) -> Bool {
        var braces = 0, others = 0
        for byte in lines.text[info(index).range] where byte != 0x20 && byte != 0x09 {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"): braces += 1
            case UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "("), UInt8(ascii: ","): break
            default: others += 1
            }
        }
        return braces >= 1 && others == 0
    }

    /// The first lines: "الموقع الرسمي | القاهرة الاخبارية", "عنوان - CNNArabic.com", and
    /// "… آخر تحديث 14:00 (GMT+0400)".
    mutating func applyHeaders() {
        for index in contentLines.prefix(2) where isKept(index) {
            let info = info(index)
            if info.pipes == 1 && info.wordCount <= 8 && !endsWithHeadlineTag(index) {
                remove(index, .siteHeader, "short line with '|' at the top")
            } else if endsWithDomain(index) && info.wordCount <= 20 && !info.hasAt {
                remove(index, .siteHeader, "title with the site's address")
            }
        }
        for index in 0..<count where isKept(index) {
            let key = lines.key(index)
            if info(index).wordCount <= 25 && key.contains(0x30) && key.containsSequence(Self.lastUpdated) {
                remove(index, .timestamp, "آخر تحديث")
            }
        }
    }

    static let lastUpdated = Array("اخر تحديث".utf8)

    /// "|فيديو", "| صور": a headline's tag, not a site name.
    func endsWithHeadlineTag(_ index: Int) -> Bool {
        let key = lines.key(index)
        return key.ends(with: Array("فيديو".utf8)) || key.ends(with: Array("صور".utf8))
            || key.ends(with: Array("شاهد".utf8))
    }

    /// The line's last word is a web domain ("CNNArabic.com", "www.site.net").
    func endsWithDomain(_ index: Int) -> Bool {
        let range = info(index).range
        var start = range.upperBound
        while start > range.lowerBound && lines.text[start - 1] != 0x20 { start -= 1 }
        let word = lines.text[start..<range.upperBound]
        guard word.count >= 5, let dot = word.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let tld = word[(dot + 1)...]
        let name = word[..<dot]
        return (2...6).contains(tld.count) && tld.allSatisfy { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
            && name.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
            && name.allSatisfy { $0 < 0x80 }
    }

    /// Link rows ("شروط الخدمة | بيان الخصوصية | الإعلانات") and menus (four or more lines in a
    /// row of at most three words, like "الصفحة الرئيسية", "فيديو", "العالم").
    mutating func applyNavigation() {
        for index in 0..<count where isKept(index) {
            let info = info(index)
            if info.pipes >= 2 && maximumWordsBetweenPipes(index) <= 6 {
                remove(index, .navigationLinks, .count(info.pipes, " links separated by '|'"))
            } else if info.wordCount <= 10 && !info.endsSentence, let steps = breadcrumbSteps(index) {
                remove(index, .navigationLinks, .count(steps, " steps of a breadcrumb (>, ›)"))
            }
        }
        var run: [Int] = []
        func flush(_ context: inout RuleContext) {
            if run.count >= 4, !context.isListBetweenParagraphs(run) {
                // A short title printed several times among them ("العودة إلى دمشق" four times
                // in a page's head) is the page's title, not a menu item: its first copy stays.
                let title = context.repeatedShortTitle(in: run)
                for index in run where index != title {
                    context.remove(index, .navigationMenu, .count(run.count, " short lines in a row"))
                }
            }
            run = []
        }
        for index in 0..<count {
            let info = info(index)
            if info.isBlank { continue }
            // One-token items may end with a dot (an abbreviation: "U.S.").
            // Lines of program code ("i++;", "}") are short too, but not a menu.
            if isKept(index) && info.tokenCount <= 3 && (!info.endsSentence || info.tokenCount == 1)
                && (info.innerPunctuation == 0 || info.tokenCount == 1) && !isCodeLike(index) && !isCodeDelimiter(index)
            {
                run.append(index)
            } else {
                flush(&self)
            }
        }
        flush(&self)
    }

    /// Short Arabic lines between two paragraphs of prose, or after a line ending with ':'
    /// ("حقائق سريعة" and its facts): the article's own list, not a menu (a menu has no
    /// paragraph on both sides; share buttons in the body are the lexicon's).
    func isListBetweenParagraphs(_ run: [Int]) -> Bool {
        guard let first = run.first, let last = run.last else { return false }
        var before = first - 1
        while before >= 0 && info(before).isBlank { before -= 1 }
        var after = last + 1
        while after < count && info(after).isBlank { after += 1 }
        guard before >= 0 else { return false }
        if info(before).endsWithColon { return true }
        guard after < count, isKept(before), isKept(after), isArticleProse(before), isArticleProse(after) else { return false }
        return run.allSatisfy { 2 * info($0).arabicLetters >= info($0).keyCharacters && info($0).arabicLetters > 0 }
    }

    /// The first line of a menu-like run whose text (two words or more) comes back in the run
    /// at least twice more: a title, not a menu item.
    func repeatedShortTitle(in run: [Int]) -> Int? {
        for (position, index) in run.enumerated() where info(index).tokenCount >= 2 {
            let key = lines.key(index)
            let copies = run[(position + 1)...].count { info($0).keyHash == info(index).keyHash && lines.key($0).elementsEqual(key) }
            if copies >= 2 { return index }
        }
        return nil
    }

    /// "جريدة الرياض >> الصفحة الرئيسية", "الرئيسية › أخبار › العالم": the number of steps of a
    /// breadcrumb (words between `>` or `›` separators, four at most per step), or nil. (`»`
    /// closes Arabic quotations, «كذا», so it is not a separator.)
    func breadcrumbSteps(_ index: Int) -> Int? {
        let text = lines.text[info(index).range]
        guard text.contains(UInt8(ascii: ">")) || text.contains(0xBA) else { return nil }
        var steps = 1, wordsInStep = 0, longestStep = 0, inWord = false, stepHasLetter = false
        var position = text.startIndex
        while position < text.endIndex {
            let byte = text[position]
            var width = 0
            if byte == UInt8(ascii: ">") {
                width = 1
            } else if byte == 0xE2 && position + 2 < text.endIndex && text[position + 1] == 0x80 && text[position + 2] == 0xBA {  // ›
                width = 3
            }
            if width > 0 {
                // ">>" is one separator; every step holds a word with letters.
                if position > text.startIndex && text[position - 1] == byte {
                    position += width
                    continue
                }
                guard stepHasLetter else { return nil }
                if inWord { wordsInStep += 1 }
                longestStep = max(longestStep, wordsInStep)
                steps += 1
                wordsInStep = 0
                inWord = false
                stepHasLetter = false
                position += width
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                if inWord { wordsInStep += 1 }
                inWord = false
            } else {
                inWord = true
                if byte >= 0xC3 || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { stepHasLetter = true }
            }
            position += 1
        }
        guard steps >= 2, stepHasLetter else { return nil }
        if inWord { wordsInStep += 1 }
        // The last step is often the page's own title ("… > صور و معلومات عن الأردن").
        return longestStep <= 4 && wordsInStep <= 10 ? steps : nil
    }

    func maximumWordsBetweenPipes(_ index: Int) -> Int {
        var maximum = 0
        var words = 0
        var inWord = false
        let text = lines.text
        for position in info(index).range {
            let byte = text[position]
            let isNoBreakSpace =
                (byte == 0xC2 && position + 1 < text.count && text[position + 1] == 0xA0)
                || (byte == 0xA0 && position > 0 && text[position - 1] == 0xC2)
            if byte == UInt8(ascii: "|") {
                maximum = max(maximum, words)
                words = 0
                inWord = false
            } else if byte == 0x20 || byte == 0x09 || isNoBreakSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return max(maximum, words)
    }

    /// Copyright lines, contact lines (an e-mail address, a web address or a handle on its own,
    /// SMS numbers), and syndication notes.
    mutating func applyFooters() {
        for index in 0..<count where isKept(index) {
            let info = info(index)
            let key = lines.key(index)
            if info.wordCount <= 30
                && (info.hasCopyright || key.containsSequence(Self.allRightsReserved)
                    || key.containsSequence(Self.rightsReservedArabic))
            {
                remove(index, .copyright, info.hasCopyright ? "©" : "all rights reserved")
            } else if let what = contactKind(index) {
                remove(index, .contact, what)
            } else if info.startsWithAsterisk && info.wordCount <= 8
                && (key.starts(with: Self.service) || key.starts(with: Self.byAgreement))
            {
                remove(index, .syndication, text(index))
            } else if info.wordCount <= 6 && key.ends(with: Self.more) && lines.text[info.range].starts(with: Array("...".utf8)) {
                remove(index, "marker.read-more", .text("...المزيد"))
            }
        }
    }

    /// Notes under the article that start with '*' (an author's title, a source): among the
    /// last three lines, short, not a sentence run.
    mutating func applyFootnotes() {
        let content = contentLines.filter { isKept($0) }
        // The last lines of a list of bulleted items ("* العلم: …", "* المنظمات الدولية: …") are the
        // list's, not notes: a note stands under prose, one or two of them.
        let starred = content.reversed().prefix { info($0).startsWithAsterisk || info($0).isBulleted }.count
        guard starred <= 2 else { return }
        for index in content.suffix(3) {
            let info = info(index)
            if info.startsWithAsterisk && info.wordCount <= 15 && info.innerSentenceEnds == 0 && !announcedByColon(index) {
                remove(index, .footnote, "'*' note under the article")
            }
        }
    }

    static let allRightsReserved = Array("all rights reserved".utf8)
    static let rightsReservedArabic = Array("الحقوق محفوظه".utf8)
    static let service = Array("خدمه".utf8)
    static let byAgreement = Array("بالاتفاق مع".utf8)
    static let more = Array("المزيد".utf8)
    static let operators: [[UInt8]] = ["stc", "mobily", "zain", "موبايلي", "زين", "الاتصالات"].map { Array($0.utf8) }

    /// What kind of contact line this is, if it is one. Cheap tests first: most lines fail
    /// them all at once.
    func contactKind(_ index: Int) -> String? {
        let info = info(index)
        guard info.hasAt || info.wordCount <= 25 else { return nil }
        let key = lines.key(index)
        let text = lines.text[info.range]
        if info.hasAt {
            // An e-mail address on its own, or glued to a contact note.
            let firstWord = text.prefix { $0 != 0x20 }
            if firstWord.contains(UInt8(ascii: "@")) && firstWord.contains(UInt8(ascii: ".")),
                info.wordCount <= 4 || key.containsSequence(Self.sms) || key.containsSequence(Self.contactWord)
            {
                return "e-mail address"
            }
            // A social handle: "تويتر @name", "@name".
            if info.wordCount <= 3 { return "handle" }
        }
        // A web address on its own.
        if info.wordCount <= 3, text.starts(with: Self.http) || text.starts(with: Self.www) {
            return "web address"
        }
        // SMS numbers: "88591 - Stc", "للتواصل أرسل sms إلى 88548 …".
        guard key.containsSequence(Self.fourDigits) else { return nil }
        if info.wordCount <= 4 && Self.operators.contains(where: { key.containsSequence($0) }) {
            return "SMS number"
        }
        if key.containsSequence(Self.sms) { return "SMS number" }
        return nil
    }

    static let sms = Array("sms".utf8)
    static let contactWord = Array("للتواصل".utf8)
    static let http = Array("http".utf8)
    static let www = Array("www.".utf8)
    static let fourDigits = Array("0000".utf8)

    /// A byline or dateline among the first lines: short, with a spaced dash, no punctuation
    /// ("القاهرة الإخبارية - مازن إسلام", "عين اليوم – جدة"). The first line is taken only when
    /// prose follows it directly (a title would be followed by more short lines).
    mutating func applyByline() {
        let content = contentLines.filter { isKept($0) }
        for (position, index) in content.prefix(4).enumerated() {
            let info = info(index)
            guard info.hasSpacedDash || info.hasArabicDash, info.wordCount <= 5, info.wordCount >= 2,
                !info.endsSentence, info.innerPunctuation == 0, !info.endsWithColon
            else { continue }
            if position == 0 {
                guard content.count > 1, self.info(content[1]).isSentence else { continue }
            }
            remove(index, .byline, "short line with a dash near the top")
        }
    }
}

extension Collection where Element == UInt8 {
    /// Whether the bytes contain `needle` contiguously: memchr for one byte of the needle,
    /// memcmp for the whole. The byte searched is the needle's first that is not a space, an
    /// Arabic lead byte (D8, D9) or the second byte of ا or ل: anchored on its first byte,
    /// "الحقوق محفوظه" stopped at every other byte of Arabic text (5% of `clean`'s rules).
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard count >= needle.count else { return false }
        if let found = withContiguousStorageIfAvailable({ bytes in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = bytes.baseAddress, let first = pattern.baseAddress else { return false }
                let anchor = pattern.firstIndex { ![0x20, 0xD8, 0xD9, 0xA7, 0x84].contains($0) } ?? 0
                let anchorByte = pattern[anchor]
                // Candidate starts lie in 0...last; their anchors in anchor...last + anchor.
                let last = bytes.count - pattern.count
                var offset = anchor
                while offset <= last + anchor,
                    let hit = CLibrary.firstByte(anchorByte, in: base + offset, count: last + anchor - offset + 1)
                {
                    let position = hit - UnsafeRawPointer(base)
                    if CLibrary.equalBytes(base + position - anchor, first, count: pattern.count) { return true }
                    offset = position + 1
                }
                return false
            }
        }) {
            return found
        }
        return Array(self).containsSequence(needle)
    }

    /// Whether the bytes end with `suffix`.
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
    }
}
