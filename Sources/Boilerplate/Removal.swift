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
    /// What decided it: the marker phrase, the count, the line it repeats.
    public var detail: String
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
}
