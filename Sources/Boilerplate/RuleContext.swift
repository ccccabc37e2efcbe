import ArabicText

/// The state of one document while the rules run: its lines and the verdict on each.
struct RuleContext {
    let lines: LineTable
    let options: CleanerOptions
    /// The repetition table and the document's group in it.
    let template: (table: RepetitionTable, group: RepetitionTable.Group?)?
    /// Per line: whether it is still kept (every rule asks, for every line: a flag, where an
    /// array of optional removals cost a generic enum-tag check per question).
    private var kept: [Bool]
    /// The removals made so far, in the order the rules made them.
    private var removals: [(line: Int, rule: String, reason: RemovalReason)] = []
    /// The indices of the non-blank lines, in order.
    let contentLines: [Int]

    init(lines: LineTable, options: CleanerOptions,
         template: (table: RepetitionTable, group: RepetitionTable.Group?)?) {
        self.lines = lines
        self.options = options
        self.template = template
        kept = Array(repeating: true, count: lines.lines.count)
        contentLines = lines.lines.indices.filter { !lines.lines[$0].isBlank }
    }

    var count: Int { lines.lines.count }

    func info(_ index: Int) -> LineInfo { lines.lines[index] }

    func isKept(_ index: Int) -> Bool { kept[index] }

    /// Removes a line, if no rule has and the rule is enabled.
    mutating func remove(_ index: Int, _ rule: String, _ reason: RemovalReason) {
        guard kept[index], options.disabledRules.isEmpty || !options.disabledRules.contains(rule) else { return }
        kept[index] = false
        removals.append((index, rule, reason))
    }

    mutating func remove(_ index: Int, _ rule: RuleName, _ reason: RemovalReason) {
        remove(index, rule.rawValue, reason)
    }

    mutating func remove(_ index: Int, _ rule: RuleName, _ words: String) {
        remove(index, rule.rawValue, .text(words))
    }

    /// Runs every rule, in precedence order.
    mutating func run() {
        applyMarkers()
        applySeparators()
        applyHeaders()
        applyNavigation()
        applyFooters()
        applyFootnotes()
        applyByline()
        applyKeywordSpam()
        applyGluedHeadlines()
        applyHeadlineLists()
        applyPromotion()
        applyDuplicates()
        applyTemplates()
    }

    /// The verdict: removals in order, kept spans with blank lines resolved. Between two kept
    /// lines, blank lines stay as they were when nothing between them was removed; where lines
    /// were removed, one blank line (the first) stays if there was any. Blank lines before the
    /// first kept line and after the last go.
    func verdict() -> DocumentVerdict {
        var removals: [Removal] = []
        removals.reserveCapacity(self.removals.count)
        // Each line is removed at most once: sorted by line, the removals come in document order
        // (positions are sorted, not the removals with their strings).
        var order = Array(self.removals.indices)
        if !self.removals.indices.dropFirst().allSatisfy({ self.removals[$0 - 1].line < self.removals[$0].line }) {
            order.sort { self.removals[$0].line < self.removals[$1].line }
        }
        for position in order {
            let removal = self.removals[position]
            removals.append(Removal(line: removal.line + 1, range: lines.lines[removal.line].range,
                                    rule: removal.rule, reason: removal.reason))
        }
        var keptSpans: [Range<Int>] = []
        var pendingBlanks: [Range<Int>] = []
        var removedSinceKept = false
        var seenKept = false
        for index in 0..<count {
            let info = lines.lines[index]
            if !kept[index] {
                removedSinceKept = true
            } else if info.isBlank {
                if seenKept { pendingBlanks.append(info.span) }
            } else {
                if removedSinceKept {
                    if let first = pendingBlanks.first { keptSpans.append(first) }
                } else {
                    keptSpans.append(contentsOf: pendingBlanks)
                }
                pendingBlanks.removeAll(keepingCapacity: true)
                removedSinceKept = false
                keptSpans.append(info.span)
                seenKept = true
            }
        }
        let text = lines.text
        return DocumentVerdict(removals: removals, lineCount: count, keptSpans: keptSpans,
                               endsWithLineBreak: text.count > 0 && text[text.count - 1] == 0x0A,
                               firstInvalidOffset: lines.firstInvalidOffset)
    }

    /// The text of a line, for details.
    func text(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: lines.text[info(index).range]), as: UTF8.self)
    }
}
