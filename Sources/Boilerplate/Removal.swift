/// One removed line: where it was, which rule removed it, and why.
///
/// ```swift
/// for removal in result.removals {
///     print(removal.line, removal.rule, removal.detail)   // 25 marker.source المصدر
/// }
/// ```
public struct Removal: Sendable, Hashable {
    /// The line's number in the document, from 1.
    public var line: Int
    /// The line's bytes in the document, without its line break.
    public var range: Range<Int>
    /// The rule, such as `marker.read-also`, `duplicate.paragraph`, `template.site`.
    public var rule: String
    /// What decided it, kept compact: the words are written only when someone reads
    /// ``detail`` (a run without `--explain` removes tens of thousands of lines per 20 MB and
    /// formatting each reason took 5 % of the time).
    var reason: RemovalReason

    /// What decided it: the marker phrase, the count, the line it repeats.
    public var detail: String { reason.text }

    /// The line (from 1) of the heading whose scope removed this line — a `list` or `rest`
    /// marker of the lexicon — or nil when the line was removed for itself.
    ///
    /// ```swift
    /// // "اقرأ أيضا" on line 12 removes the list under it: lines 13… have scopeStart 12.
    /// let starts = Set(result.removals.compactMap(\.scopeStart))   // [12]
    /// ```
    public var scopeStart: Int? {
        switch reason {
        case .nearLine(_, _, let line), .nearLineBecause(_, _, let line, _): return line
        default: return nil
        }
    }

    /// A removal with its reason in words.
    ///
    /// ```swift
    /// Removal(line: 3, range: 40..<58, rule: "marker.source", detail: "المصدر")
    /// ```
    public init(line: Int, range: Range<Int>, rule: String, detail: String) {
        self.init(line: line, range: range, rule: rule, reason: .text(detail))
    }

    init(line: Int, range: Range<Int>, rule: String, reason: RemovalReason) {
        self.line = line
        self.range = range
        self.rule = rule
        self.reason = reason
    }

    /// Equal when line, bytes, rule and the reason's words are: a removal made with
    /// ``init(line:range:rule:detail:)`` equals the one a rule made with the same words.
    public static func == (left: Removal, right: Removal) -> Bool {
        left.line == right.line && left.range == right.range && left.rule == right.rule
            && (left.reason == right.reason || left.detail == right.detail)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(range)
        hasher.combine(rule)
        hasher.combine(detail)
    }
}

/// Why a line was removed, as the rules know it; ``text`` words it.
enum RemovalReason: Sendable, Hashable {
    /// Words given as they are (mostly literals, which cost nothing to keep).
    case text(String)
    /// "\(count)\(words)": "3 words glued together".
    case count(Int, String)
    /// "\(words)\(number)": "same as line 4".
    case numbered(String, Int)
    /// "\(first)\(middle)\(second)\(end)": "14 words, 5 different".
    case counts(Int, String, Int, String)
    /// "in 5 of 40 documents of okaz.com.sa".
    case template(documents: Int, of: Int, group: String)
    /// "\(prefix)\(phrase) (line \(line))": "after اقرأ أيضا (line 12)".
    case nearLine(String, String, line: Int)
    /// "\(prefix)\(phrase) (line \(line)): \(evidence)": the scope of a marker and what decided it.
    case nearLineBecause(String, String, line: Int, evidence: String)

    var text: String {
        switch self {
        case .text(let words): return words
        case .count(let count, let words): return "\(count)\(words)"
        case .numbered(let words, let number): return "\(words)\(number)"
        case .counts(let first, let middle, let second, let end): return "\(first)\(middle)\(second)\(end)"
        case .template(let documents, let total, let group):
            return "in \(documents) of \(total) documents of \(group.isEmpty ? "the input" : group)"
        case .nearLine(let prefix, let phrase, let line): return "\(prefix)\(phrase) (line \(line))"
        case .nearLineBecause(let prefix, let phrase, let line, let evidence):
            return "\(prefix)\(phrase) (line \(line)): \(evidence)"
        }
    }
}

/// The rules of the cleaner, by the names `--explain` reports.
///
/// ```swift
/// RuleName.duplicateParagraph.rawValue   // "duplicate.paragraph"
/// ```
public enum RuleName: String, Sendable, CaseIterable {
    /// A line of only punctuation or symbols ("***", "|", "•").
    case separator = "separator"
    /// A site header at the top ("الموقع الرسمي | القاهرة الاخبارية", "… - CNNArabic.com").
    case siteHeader = "header.site"
    /// A "last updated" timestamp line.
    case timestamp = "header.timestamp"
    /// A byline or dateline among the first lines ("القاهرة الإخبارية - مازن إسلام").
    case byline = "byline"
    /// A row of links separated by '|'.
    case navigationLinks = "navigation.links"
    /// A run of very short lines: a menu.
    case navigationMenu = "navigation.menu"
    /// A copyright line.
    case copyright = "footer.copyright"
    /// An e-mail address, web address, social handle or SMS line on its own.
    case contact = "footer.contact"
    /// A syndication note ("* خدمة «نيويورك تايمز»").
    case syndication = "footer.syndication"
    /// A note under the article starting with '*' (an author's title).
    case footnote = "footer.note"
    /// A line of keywords repeated without sentence punctuation.
    case keywordSpam = "spam.keywords"
    /// Headlines glued together without separators.
    case gluedHeadlines = "headlines.glued"
    /// A run of bulleted headlines after the article.
    case headlineList = "headlines.list"
    /// A paragraph of advertising copy.
    case promotion = "promo"
    /// A paragraph whose key repeats an earlier one.
    case duplicateParagraph = "duplicate.paragraph"
    /// A line that repeats in many documents of the same site.
    case template = "template.site"
    /// A date or time line ("الإثنين، 24 أغسطس 2020 09:23 ص", "منذ 3 ساعات").
    case dateLine = "date.line"
    /// A line of only numbers (counters: views, comments, shares).
    case counter = "label.counter"
    /// A toolbar: only share, follow, print and listen words ("طباعة Email فيسبوك").
    case toolbar = "widget.toolbar"
    /// Style sheet or script text that leaked into the page's text.
    case code = "widget.code"
    /// A line outside the article: before its first paragraph (not the title) or after its last.
    case outsideArticle = "quality.outside"
    /// A run of short headline-like lines: links to other articles, without a heading.
    case teaserList = "list.teasers"
    /// The article's title printed a second time.
    case repeatedTitle = "duplicate.title"
    /// The signature line under an embedded post ("— name (@handle) February 14, 2014").
    case embedSignature = "widget.embed"
    /// A forum member's presence label ("فلان غير متواجد حالياً").
    case forumStatus = "forum.status"
    /// A short follow-us line ("تابعوا القبة نيوز على").
    case followUs = "widget.follow"
    /// A masthead line naming the editor-in-chief, anywhere in it.
    case masthead = "masthead"
    /// A rate ticker's item ("0.07جنيه مصري").
    case ticker = "widget.ticker"
}
