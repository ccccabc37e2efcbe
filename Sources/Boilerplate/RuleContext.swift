import ArabicText

/// The state of one document while the rules run: its lines and the verdict on each.
struct RuleContext {
    let lines: LineTable
    let options: CleanerOptions
    /// The repetition table and the document's group in it.
    let template: (table: RepetitionTable, group: RepetitionTable.Group?)?
    /// Per line: -1 while it is kept, else its removal's position in ``removals`` (every rule
    /// asks, for every line: an integer, where an array of optional removals cost a generic
    /// enum-tag check per question; and the verdict reads the removals in line order without
    /// sorting them).
    private var removalIndex: [Int32]
    /// The removals made so far, in the order the rules made them.
    private var removals: [(rule: String, reason: RemovalReason)] = []
    /// The indices of the non-blank lines, in order.
    let contentLines: [Int]

    init(
        lines: LineTable, options: CleanerOptions,
        template: (table: RepetitionTable, group: RepetitionTable.Group?)?
    ) {
        self.lines = lines
        self.options = options
        self.template = template
        removalIndex = Array(repeating: -1, count: lines.lines.count)
        contentLines = lines.lines.indices.filter { !lines.lines[$0].isBlank }
    }

    var count: Int { lines.lines.count }

    func info(_ index: Int) -> LineInfo { lines.lines[index] }

    func isKept(_ index: Int) -> Bool { removalIndex[index] < 0 }

    /// The rule that removed a line, or nil while it is kept.
    func removalRule(_ index: Int) -> String? {
        let removal = Int(removalIndex[index])
        return removal < 0 ? nil : removals[removal].rule
    }

    /// Removes a line, if no rule has and the rule is enabled.
    mutating func remove(_ index: Int, _ rule: String, _ reason: RemovalReason) {
        guard removalIndex[index] < 0,
            options.disabledRules.isEmpty || !options.disabledRules.contains(rule)
        else { return }
        removalIndex[index] = Int32(truncatingIfNeeded: removals.count)
        removals.append((rule, reason))
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
        applyPatterns()
        applyKeywordSpam()
        applyGluedHeadlines()
        applyHeadlineLists()
        applyPromotion()
        applyDuplicates()
        applyTemplates()
        applyQuality()
    }

    /// The verdict: removals in order, kept spans with blank lines resolved. Between two kept
    /// lines, blank lines stay as they were when nothing between them was removed; where lines
    /// were removed, one blank line (the first) stays if there was any. Blank lines before the
    /// first kept line and after the last go.
    func verdict() -> DocumentVerdict {
        var removals: [Removal] = []
        removals.reserveCapacity(self.removals.count)
        var keptSpans: [Range<Int>] = []
        var pendingBlanks: [Range<Int>] = []
        var removedSinceKept = false
        var seenKept = false
        // Article-like text (prose lines) in all, and removed, per rule (few rules remove prose:
        // a short list, searched linearly).
        var articleBytes = 0
        var proseRemoved: [(rule: String, bytes: Int)] = []
        for index in 0..<count {
            let info = lines.lines[index]
            let removal = Int(removalIndex[index])
            if info.isProse { articleBytes += info.range.count }
            if removal >= 0 {
                let (rule, reason) = self.removals[removal]
                removals.append(Removal(line: index + 1, range: info.range, rule: rule, reason: reason))
                removedSinceKept = true
                if info.isProse {
                    if let slot = proseRemoved.firstIndex(where: { $0.rule == rule }) {
                        proseRemoved[slot].bytes += info.range.count
                    } else {
                        proseRemoved.append((rule, info.range.count))
                    }
                }
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
        let loss = proseRemoved.max { $0.bytes < $1.bytes }.flatMap { worst in
            2 * worst.bytes > articleBytes ? ArticleLoss(rule: worst.rule, removedBytes: worst.bytes, articleBytes: articleBytes) : nil
        }
        return DocumentVerdict(
            removals: removals, lineCount: count, keptSpans: keptSpans,
            endsWithLineBreak: text.count > 0 && text[text.count - 1] == 0x0A,
            firstInvalidOffset: lines.firstInvalidOffset, textLength: text.count,
            articleLoss: loss)
    }

    /// The text of a line, for details.
    func text(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: lines.text[info(index).range]), as: UTF8.self)
    }
}
