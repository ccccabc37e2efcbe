/// Furniture that every Arabic news site has, recognized by its words and shape rather than by
/// any site's wording: date and time lines, counters, toolbars of share and follow buttons,
/// bylines, style or script text that leaked into the page text.
extension RuleContext {
    /// Runs the pattern rules, line by line (each line is looked at only while it is short).
    mutating func applyPatterns() {
        for index in 0..<count where isKept(index) {
            let info = info(index)
            guard !info.isBlank, !info.keyRange.isEmpty else { continue }
            if info.wordCount <= 14, let reason = dateLine(index) {
                remove(index, .dateLine, reason)
            } else if info.wordCount <= 3, isCounter(index) {
                remove(index, .counter, "only numbers")
            } else if info.wordCount <= 12, !info.endsSentence, isToolbar(index) {
                remove(index, .toolbar, "only share, follow and print words")
            } else if info.wordCount <= 7, !info.endsSentence, info.innerSentenceEnds == 0, isAuthorLine(index) {
                remove(index, .byline, "a writer's name after كتب, بقلم, بواسطة, حوار:")
            } else if info.arabicLetters == 0, isCode(index) {
                remove(index, .code, "style or script text")
            }
        }
    }

    /// "الإثنين، 24 أغسطس 2020 09:23 ص", "November 9, 2020", "٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠",
    /// "تم نشره الجمعة 3 يوليو", "منذ 3 ساعات", "16:03 GMT": every word a number, a calendar
    /// word (month, weekday, time unit, am/pm) or a date word (تم نشره، بتاريخ، آخر تحديث، ص، م),
    /// and either a calendar word with a number or two numbers.
    func dateLine(_ index: Int) -> RemovalReason? {
        let key = lines.key(index)
        // Every date line has a number (the key writes every digit as 0).
        guard key.contains(0x30) else { return nil }
        var numbers = 0, calendar = 0, other = 0
        LineTable.forEachWord(in: key) { word in
            if key[word.lowerBound] == 0x30 && key[word].allSatisfy({ $0 == 0x30 }) {
                numbers += 1
            } else if ArabicWords.calendar.contains(key, word) {
                calendar += 1
            } else if !ArabicWords.date.contains(key, word) {
                // A clitic و or ب before a date word ("وتاريخ", "بتوقيت" is listed).
                other += 1
            }
        }
        // Other words (a city and its country, a site's name) may stand in a line that is
        // clearly a date: one beside three numbers and calendar words, two beside four.
        let allowedOther = numbers + calendar >= 4 ? 2 : numbers + calendar >= 3 ? 1 : 0
        guard other <= allowedOther, numbers >= 1, calendar >= 1 || numbers >= 2 else { return nil }
        return .counts(numbers, " numbers, ", calendar, " calendar words")
    }

    /// "22", "0", "1 2": only numbers.
    func isCounter(_ index: Int) -> Bool {
        lines.key(index).allSatisfy { $0 == 0x30 || $0 == 0x20 }
    }

    /// "طباعة Email فيسبوك", "Share this selection", "شارك عبر واتساب": every word a word of
    /// the share, follow, print and listen vocabulary or a function word, and more of the
    /// first than of the second ("قال x" is not a toolbar).
    func isToolbar(_ index: Int) -> Bool {
        let key = lines.key(index)
        var interface = 0, function = 0, other = 0
        LineTable.forEachWord(in: key) { word in
            if other > 0 { return }   // one other word decides
            if word.count == 1 {
                function += 1   // "x", "e": a letter on its own says nothing
            } else if ArabicWords.interface.contains(key, word) {
                interface += 1
            } else if ArabicWords.function.contains(key, word) {
                function += 1
            } else {
                other += 1
            }
        }
        return other == 0 && interface > function
    }

    /// "كتبت أسماء نصار", "كتب - طه عبيد :", "بقلم: فلان", "بواسطة فلان", "By John Smith":
    /// a short line that starts with a writing verb and names someone.
    func isAuthorLine(_ index: Int) -> Bool {
        let key = lines.key(index)
        guard let first = key.firstIndex(where: { $0 != 0x20 }) else { return false }
        let end = key[first...].firstIndex(of: 0x20) ?? key.endIndex
        guard end < key.endIndex else { return false }   // the verb alone is not a byline
        if ArabicWords.authorVerb.contains(key, first..<end) { return info(index).wordCount <= 5 }
        // "زوعا اورغ/ وكالات", "القاهرة - وكالات": a short credit that ends with the agencies.
        if info(index).wordCount <= 5, let last = lastWord(key), ArabicWords.agencies.contains(key, last) { return true }
        // "حوار: …", "تقرير: …": a label, so only with its colon.
        return ArabicWords.authorLabel.contains(key, first..<end) && colonFollows(index, words: 1)
    }

    /// The range of the key's last word.
    func lastWord(_ key: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var last: Range<Int>?
        LineTable.forEachWord(in: key) { last = $0 }
        return last
    }

    /// ".widget{margin-top: 20px; max-width:250px}", "var x = …;": braces, semicolons and colons
    /// in a line without Arabic.
    func isCode(_ index: Int) -> Bool {
        let text = lines.text[info(index).range]
        var braces = 0, semicolons = 0, colons = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"): braces += 1
            case UInt8(ascii: ";"): semicolons += 1
            case UInt8(ascii: ":"), UInt8(ascii: "="): colons += 1
            default: break
            }
        }
        return braces >= 2 && (semicolons >= 1 || colons >= 1) || semicolons >= 2 && colons >= 2
    }
}

extension ArabicWords {
    /// Verbs and words that open a byline on their own: كتب، كتبت، بقلم، بواسطة, by.
    static let authorVerb = WordClass(["كتب", "كتبت", "بقلم", "بواسطة", "by"])

    /// The last word of a short credit line: وكالات (agencies), and the names of the agencies.
    static let agencies = WordClass(["وكالات", "الوكالات", "agencies", "واس", "قنا", "وام", "كونا", "بترا", "سانا", "رويترز", "أ ف ب", "afp", "reuters"])

    /// Labels that open a byline when a colon follows: إعداد، حوار، تقرير، ترجمة، تحرير،
    /// متابعة، تصوير، مراسل.
    static let authorLabel = WordClass([
        "إعداد", "حوار", "تقرير", "ترجمة", "تحرير", "متابعة", "تصوير", "مراسل", "مراسلة", "الكاتب", "الكاتبة",
        "author", "written",
    ])
}
