/// The `--report` page: one self-contained right-to-left HTML file (inline CSS, no scripts, no
/// network) with a summary, the chosen documents line by line, and the site-template lines.
struct ReportPage {
    let totals: CleanStats
    let collector: ReportCollector
    let inputs: [String]
    let seed: UInt64

    /// Once the page is this large no further document is added (each is at most
    /// ``ReportDocument/textLimit`` bytes of text, so the page stays within a few MB).
    static let budget = 4 << 20
    /// Template lines listed per group, and groups listed.
    static let templateLinesPerGroup = 60
    static let templateGroups = 40

    func render() -> [UInt8] {
        let rules = ruleNames
        var classes: [String: String] = [:]
        for (index, rule) in rules.enumerated() { classes[rule] = ReportStyle.className(index) }
        var html = HTMLText()
        html.raw("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<title>nazif clean — تقرير</title>\n<style>\n")
        html.raw(ReportStyle.css(rules: rules))
        html.raw("</style>\n</head>\n<body>\n")
        html.raw("<h1>تقرير التنظيف: ما أُزيل ولماذا</h1>\n")
        html.raw("<p class=\"en\" lang=\"en\" dir=\"ltr\">nazif clean report: what was removed and why</p>\n")
        summary(into: &html, classes: classes)
        documents(into: &html, classes: classes)
        templates(into: &html)
        html.raw("</body>\n</html>\n")
        return html.bytes
    }

    /// Every rule of the run, sorted: its colour is its place here.
    private var ruleNames: [String] { totals.rules.keys.sorted() }

    private func summary(into html: inout HTMLText, classes: [String: String]) {
        let removedLines = totals.rules.values.reduce(0) { $0 + $1.lines }
        let removedBytes = totals.rules.values.reduce(0) { $0 + $1.bytes }
        html.raw("<h2>الملخص · Summary</h2>\n<p class=\"meta\" dir=\"auto\">")
        html.raw("<span class=\"ltr\">")
        html.text(
            inputs.count == 1 ? inputs[0] : "\(inputs.count) inputs: " + inputs.prefix(8).joined(separator: " ") + (inputs.count > 8 ? " …" : ""))
        html.raw("</span></p>\n<table class=\"sum\">\n")
        func row(_ label: String, _ value: Int, _ note: String = "") {
            html.raw("<tr><td>")
            html.text(label)
            html.raw("</td><td class=\"n\">")
            html.number(value)
            if !note.isEmpty {
                html.raw(" <span class=\"meta\">")
                html.text(note)
                html.raw("</span>")
            }
            html.raw("</td></tr>\n")
        }
        row("المستندات · documents", totals.documents, "\(totals.documentsChanged) changed")
        row("الأسطر · lines in", totals.lines)
        row("الأسطر المحذوفة · lines removed", removedLines)
        row("الأسطر الباقية · lines kept", totals.lines - removedLines)
        row("البايتات الداخلة · bytes in", totals.bytesIn)
        row("البايتات الخارجة · bytes out", totals.bytesOut, "\(removedBytes) bytes of removed lines")
        if totals.skippedRecords > 0 { row("سجلات متروكة · bad records skipped", totals.skippedRecords) }
        if totals.documentsWithArticleLoss > 0 {
            row("مستندات فقدت معظم نصها · lost most article text to one rule", totals.documentsWithArticleLoss)
        }
        html.raw("</table>\n<h3>الأسطر المحذوفة حسب القاعدة · Lines removed per rule</h3>\n<div class=\"bars\">\n")
        let byCount = totals.rules.sorted { ($0.value.lines, $1.key) > ($1.value.lines, $0.key) }
        let largest = max(1, byCount.first?.value.lines ?? 1)
        for (rule, counts) in byCount {
            html.raw("<code>")
            html.text(rule)
            html.raw("</code><span class=\"track\"><span class=\"fill \(classes[rule]!)\" style=\"width:")
            html.raw(percent(counts.lines, of: largest))
            html.raw("\"></span></span><span class=\"count\">")
            html.number(counts.lines)
            html.raw(" lines, ")
            html.number(counts.bytes)
            html.raw(" bytes</span>\n")
        }
        html.raw("</div>\n")
    }

    private func percent(_ part: Int, of whole: Int) -> String {
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private func documents(into html: inout HTMLText, classes: [String: String]) {
        let chosen = collector.chosen
        html.raw("<h2>المستندات · Documents</h2>\n<p class=\"meta\" dir=\"auto\">")
        html.text(
            "\(chosen.count) of \(collector.documentsSeen) documents: the \(collector.mostRemovalsCount) with most removals first, then up to \(collector.randomCount) chosen at random (seed \(seed); --report-sample and --report-seed choose). Hover a removed line for its rule and reason."
        )
        html.raw("</p>\n<nav><ol>\n")
        for (index, entry) in chosen.enumerated() {
            html.raw("<li><a href=\"#d\(index + 1)\"><span class=\"ltr\">")
            html.text(entry.document.place)
            html.raw("</span></a> — ")
            html.number(entry.document.removals.count)
            html.raw(entry.reason == .mostRemovals ? " removed</li>\n" : " removed (random)</li>\n")
        }
        html.raw("</ol></nav>\n")
        var left = 0
        for (index, entry) in chosen.enumerated() {
            guard html.count < Self.budget else {
                left += 1
                continue
            }
            document(entry.document, reason: entry.reason, number: index + 1, into: &html, classes: classes)
        }
        if left > 0 {
            html.raw("<p class=\"cut\">")
            html.text("\(left) more chosen document(s) left out to keep the page under \(Self.budget >> 20) MB.")
            html.raw("</p>\n")
        }
    }

    private func document(
        _ document: ReportDocument, reason: SampleReason, number: Int,
        into html: inout HTMLText, classes: [String: String]
    ) {
        html.raw("<section class=\"doc\" id=\"d\(number)\">\n<h3><span class=\"ltr\">")
        html.text(document.place)
        html.raw("</span></h3>\n<p class=\"meta\" dir=\"auto\">")
        if !document.group.isEmpty {
            html.raw("group <span class=\"ltr\">")
            html.text(document.group)
            html.raw("</span> · ")
        }
        html.text("\(document.lineCount) lines, \(document.removals.count) removed · ")
        html.text(reason == .mostRemovals ? "among the most removals" : "random sample")
        html.raw("</p>\n<table class=\"lines\">\n")
        var removals: [Int: ReportDocument.ReportRemoval] = [:]
        var scopeStarts = Set<Int>()
        for removal in document.removals {
            removals[removal.line] = removal
            if let start = removal.scopeStart { scopeStarts.insert(start) }
        }
        var lineNumber = 1
        var start = document.text.startIndex
        let text = document.text
        while start < text.endIndex {
            var end = start
            while end < text.endIndex && text[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && text[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            line(
                text[start..<contentEnd], number: lineNumber, removal: removals[lineNumber],
                startsScope: scopeStarts.contains(lineNumber), into: &html, classes: classes)
            lineNumber += 1
            start = end + 1
        }
        html.raw("</table>\n")
        if document.omittedBytes > 0 {
            html.raw("<p class=\"cut\">")
            html.text(
                "… \(document.omittedBytes) more bytes (lines \(lineNumber)–\(document.lineCount)) not shown; their removals are counted above.")
            html.raw("</p>\n")
        }
        html.raw("</section>\n")
    }

    private func line(
        _ content: ArraySlice<UInt8>, number: Int, removal: ReportDocument.ReportRemoval?,
        startsScope: Bool, into html: inout HTMLText, classes: [String: String]
    ) {
        guard let removal else {
            html.raw("<tr><td class=\"no\">\(number)</td><td class=\"t\">")
            html.text(content)
            html.raw("</td><td class=\"why\"></td></tr>\n")
            return
        }
        let kind = classes[removal.rule] ?? ReportStyle.className(0)
        html.raw("<tr class=\"rm \(kind)\(startsScope ? " sc" : "")\" title=\"")
        html.text(removal.rule + " — " + removal.detail)
        html.raw("\"><td class=\"no\">\(number)</td><td class=\"t\"><del>")
        html.text(content)
        html.raw("</del></td><td class=\"why\"><code>")
        html.text(removal.rule)
        html.raw("</code>")
        if startsScope { html.raw("<span class=\"scope\">بداية نطاق · scope start</span>") }
        html.raw("<br>")
        html.text(removal.detail)
        html.raw("</td></tr>\n")
    }

    private func templates(into html: inout HTMLText) {
        let tally = collector.templates
        guard !tally.groups.isEmpty else { return }
        html.raw("<h2 id=\"templates\">أسطر قوالب المواقع · Site-template lines</h2>\n<p class=\"meta\" dir=\"auto\">")
        html.text(
            "Lines the repetition table found in many documents of a group, with the table's count and the documents of this run they were removed from."
        )
        if tally.omitted > 0 { html.text(" \(tally.omitted) removals of further distinct lines are not listed.") }
        html.raw("</p>\n")
        let groups = tally.groups.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        for (group, lines) in groups.prefix(Self.templateGroups) {
            html.raw("<h3><span class=\"ltr\">")
            html.text(group.isEmpty ? "(one group)" : group)
            html.raw("</span> <span class=\"meta\" dir=\"ltr\">")
            html.text("\(lines.count) template line(s)")
            html.raw("</span></h3>\n<table class=\"tpl\">\n")
            let sorted = lines.values.sorted { ($0.removedFrom, -$0.firstSeen) > ($1.removedFrom, -$1.firstSeen) }
            for line in sorted.prefix(Self.templateLinesPerGroup) {
                html.raw("<tr><td class=\"n\">")
                html.text(line.detail)
                html.raw("</td><td class=\"n\">removed from ")
                html.number(line.removedFrom)
                html.raw("</td><td class=\"t\">")
                html.text(line.text[...])
                html.raw("</td></tr>\n")
            }
            if lines.count > Self.templateLinesPerGroup {
                html.raw("<tr><td colspan=\"3\" class=\"cut\">")
                html.text("… \(lines.count - Self.templateLinesPerGroup) more")
                html.raw("</td></tr>\n")
            }
            html.raw("</table>\n")
        }
        if groups.count > Self.templateGroups {
            html.raw("<p class=\"cut\">")
            html.text("… \(groups.count - Self.templateGroups) more groups")
            html.raw("</p>\n")
        }
    }
}
