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
            } else if info.wordCount <= 16, isPostSignature(index) {
                remove(index, .embedSignature, "an embedded post's signature: — name (@handle) date")
            } else if info.wordCount <= 8, endsWithPresence(index) {
                remove(index, .forumStatus, "a forum member's presence: … متواجد حالياً")
            } else if info.wordCount <= 8, !info.endsSentence, startsWithFollowUs(index) {
                remove(index, .followUs, "a short line that starts with تابعوا / تابعونا")
            } else if info.wordCount <= 12, !info.endsSentence, hasMastheadTitle(index) {
                remove(index, .masthead, "a short line naming the editor-in-chief (رئيس التحرير)")
            } else if info.wordCount <= 4, isPriceTicker(index) {
                remove(index, .ticker, "a currency and its rate")
            } else if info.wordCount <= 10, !info.endsSentence, lines.key(index).containsSequence(Self.quotedFrom) {
                remove(index, .byline, "a short credit line: نقلا عن …")
            }
        }
    }

    /// "الإثنين، 24 أغسطس 2020 09:23 ص", "November 9, 2020", "٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠",
    /// "تم نشره الجمعة 3 يوليو", "منذ 3 ساعات", "16:03 GMT": every word a number, a calendar
    /// word (month, weekday, time unit, am/pm) or a date word (تم نشره، بتاريخ، آخر تحديث، ص، م),
    /// and either a calendar word with a number or two numbers.
    func dateLine(_ index: Int) -> RemovalReason? {
        let key = lines.key(index)
        // Every other date line has a number (the key writes every digit as 0).
        guard key.contains(0x30) else { return relativeDateWithoutNumber(index) }
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
        // A clear date with an agency after it ("السبت 07 آذار 2026 - 19:28 الوكالة الوطنية للاعلام")
        // may have three.
        let allowedOther = numbers + calendar >= 5 ? 3 : numbers + calendar >= 4 ? 2 : numbers + calendar >= 3 ? 1 : 0
        guard other <= allowedOther, numbers >= 1, calendar >= 1 || numbers >= 2 else { return nil }
        // A sentence about a date ("سيلعبون يوم السبت, 10 حزيران."): another word, and a full stop.
        if other > 0 && info(index).endsSentence { return nil }
        return .counts(numbers, " numbers, ", calendar, " calendar words")
    }

    /// "منذ ساعتين", "قبل يومين", "منذ ساعة": a relative date whose number is in its word (the
    /// dual, or one): two words, منذ or قبل, then a unit of time.
    func relativeDateWithoutNumber(_ index: Int) -> RemovalReason? {
        guard info(index).wordCount == 2 else { return nil }
        let key = lines.key(index)
        var words: [Range<Int>] = []
        LineTable.forEachWord(in: key) { word in words.append(word) }
        guard words.count == 2, ArabicWords.relativeDateStarts.contains(key, words[0]),
            ArabicWords.calendar.contains(key, words[1])
        else { return nil }
        return .text("a relative date: منذ or قبل and a unit of time")
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
            if other > 0 { return }  // one other word decides
            if word.count == 1 {
                function += 1  // "x", "e": a letter on its own says nothing
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
        // "وكالات", "رويترز": a credit of one word, the agencies alone.
        guard end < key.endIndex else { return ArabicWords.agencies.contains(key, first..<end) }  // the verb alone is not a byline
        if ArabicWords.authorVerb.contains(key, first..<end) { return info(index).wordCount <= 5 }
        // "زوعا اورغ/ وكالات", "القاهرة - وكالات": a short credit that ends with the agencies.
        if info(index).wordCount <= 5, let last = lastWord(key), ArabicWords.agencies.contains(key, last) { return true }
        // "حوار: …", "تقرير: …": a label, so only with its colon.
        return ArabicWords.authorLabel.contains(key, first..<end) && colonFollows(index, words: 1)
    }

    /// "— من بلاد احسن طيّارين (@itsmezreba) February 14, 2014": the line under an embedded
    /// tweet: a dash, a name, a handle in parentheses and a date (the key keeps no "@", so the
    /// text is read: "(@" in it, and a year or a month among the key's words).
    func isPostSignature(_ index: Int) -> Bool {
        let text = lines.text[info(index).range]
        guard let first = text.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        // "—" (E2 80 94), "–" (E2 80 93) or "-".
        let dashed =
            text[first] == UInt8(ascii: "-")
            || (text[first] == 0xE2 && first + 2 < text.endIndex && text[first + 1] == 0x80
                && (text[first + 2] == 0x94 || text[first + 2] == 0x93))
        guard dashed else { return false }
        var handle = false
        for position in text.indices.dropLast() where text[position] == UInt8(ascii: "(") && text[position + 1] == UInt8(ascii: "@") {
            handle = true
            break
        }
        guard handle else { return false }
        let key = lines.key(index)
        var dated = false
        LineTable.forEachWord(in: key) { word in
            if ArabicWords.calendar.contains(key, word) { dated = true }
        }
        return dated
    }

    /// "سماعيل السلفي غير متواجد حالياً", "فلان متواجد حالياً": a forum's presence label.
    func endsWithPresence(_ index: Int) -> Bool {
        let key = lines.key(index)
        var words = 0
        var beforeLast: Range<Int>?, last: Range<Int>?
        LineTable.forEachWord(in: key) { word in
            words += 1
            (beforeLast, last) = (last, word)
        }
        guard words >= 3, let beforeLast, let last else { return false }
        return ArabicWords.presence.contains(key, beforeLast) && ArabicWords.presenceNow.contains(key, last)
    }

    /// "تابعوا القبة نيوز على", "تابعونا": the start of a follow-us box (its icons lost).
    func startsWithFollowUs(_ index: Int) -> Bool {
        let key = lines.key(index)
        var first: Range<Int>?
        LineTable.forEachWord(in: key) { word in if first == nil { first = word } }
        guard let first else { return false }
        return ArabicWords.followUs.contains(key, first)
    }

    /// "المشهد اليمني رئيس التحريرعبد الرحمن البيل": a masthead, the title glued to the name,
    /// anywhere in a short line with few function words (a sentence about an editor has them).
    func hasMastheadTitle(_ index: Int) -> Bool {
        let key = lines.key(index)
        guard key.containsSequence(Self.editorInChief) || key.containsSequence(Self.chairman) else { return false }
        return functionWords(index) <= 1
    }

    /// "0.07جنيه مصري", "جنيه إسترليني4.83", "الدولار 50.2": a rate ticker's item: a number and
    /// a currency word, nothing else but a country adjective.
    func isPriceTicker(_ index: Int) -> Bool {
        let key = lines.key(index)
        guard key.contains(0x30) else { return false }
        var currency = 0, other = 0
        LineTable.forEachWord(in: key) { word in
            // Glued forms ("0.07جنيه"): the word without its digits and dots.
            var lower = word.lowerBound, upper = word.upperBound
            while lower < upper && (key[lower] == 0x30 || key[lower] == 0x2E || key[lower] == 0x2C) { lower += 1 }
            while upper > lower && (key[upper - 1] == 0x30 || key[upper - 1] == 0x2E || key[upper - 1] == 0x2C) { upper -= 1 }
            if lower == upper { return }
            if ArabicWords.currency.contains(key, lower..<upper) { currency += 1 } else { other += 1 }
        }
        return currency >= 1 && other <= 1
    }

    static let quotedFrom = Array("نقلا عن".utf8)

    /// The key forms of رئيس التحرير and رئيس مجلس الإدارة.
    static let editorInChief = Array("رئيس التحرير".utf8)
    static let chairman = Array("رئيس مجلس الاداره".utf8)

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
    static let agencies = WordClass([
        "وكالات", "الوكالات", "agencies", "واس", "قنا", "وام", "كونا", "بترا", "سانا", "رويترز", "أ ف ب", "afp", "reuters",
    ])

    /// Currencies of a rate ticker.
    static let currency = WordClass([
        "جنيه", "الجنيه", "دولار", "الدولار", "يورو", "اليورو", "ريال", "الريال", "درهم", "الدرهم", "دينار", "الدينار",
        "ليره", "الليره", "استرليني", "الاسترليني", "ين", "يوان", "اليوان", "روبل", "الروبل", "بيتكوين", "usd", "eur",
        "gbp", "sar", "aed", "egp",
    ])

    /// The first word of a follow-us line: تابعوا، تابعونا، تابعنا.
    static let followUs = WordClass(["تابعوا", "تابعونا", "تابعنا", "تابعني"])

    /// A forum member's presence, its first word: متواجد (online).
    static let presence = WordClass(["متواجد", "متصل", "online", "offline"])
    /// ...and its second: حالياً (now).
    static let presenceNow = WordClass(["حاليا", "الآن", "الان", "now"])

    /// Labels that open a byline when a colon follows: إعداد، حوار، تقرير، ترجمة، تحرير،
    /// متابعة، تصوير، مراسل.
    static let authorLabel = WordClass([
        "إعداد", "حوار", "تقرير", "ترجمة", "تحرير", "متابعة", "تصوير", "مراسل", "مراسلة", "الكاتب", "الكاتبة",
        "author", "written",
    ])
}
