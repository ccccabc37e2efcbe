import Boilerplate

/// One document as the report shows it: where it came from, its text (the first
/// ``ReportDocument/textLimit`` bytes) and what was removed from it.
struct ReportDocument: Sendable {
    /// "seeds/01.txt", "news.jsonl:12", "all.txt document 3 (line 40)".
    var place: String
    var group: String
    var text: [UInt8]
    /// Bytes of the document left out of ``text``.
    var omittedBytes: Int
    var lineCount: Int
    var removals: [ReportRemoval]
    /// The site-template lines removed from it, whole (also those past ``text``).
    var templateLines: [(text: [UInt8], detail: String)]
    /// Its number in the input order (set by ``ReportCollector``).
    var sequence = 0

    /// Past this many bytes a document's text is cut for the page (its counts stay whole).
    static let textLimit = 48 << 10

    struct ReportRemoval: Sendable {
        var line: Int
        var rule: String
        var detail: String
        /// The heading line whose scope removed it (``Removal/scopeStart``).
        var scopeStart: Int?
    }

    init(place: String, group: String, text: UnsafeBufferPointer<UInt8>, verdict: DocumentVerdict) {
        self.place = place
        self.group = group
        var kept = min(text.count, Self.textLimit)
        // Cut at a line break (or at least at a character boundary) so no character is split.
        if kept < text.count {
            var cut = kept
            while cut > 0 && text[cut - 1] != 0x0A { cut -= 1 }
            if cut == 0 {
                cut = kept
                while cut > 0 && text[cut] & 0xC0 == 0x80 { cut -= 1 }
            }
            kept = cut
        }
        self.text = Array(text[..<kept])
        omittedBytes = text.count - kept
        lineCount = verdict.lineCount
        removals = verdict.removals.map {
            ReportRemoval(line: $0.line, rule: $0.rule, detail: $0.detail, scopeStart: $0.scopeStart)
        }
        templateLines = verdict.removals.filter { $0.rule == RuleName.template.rawValue }.map {
            (Array(text[$0.range]), $0.detail)
        }
    }
}
