/// Turns ICU's segments into tokens: drops white space, keeps special spans whole, and applies
/// the Arabic corrections listed on ``WordTokenizer``.
struct TokenAssembler {
    let text: UnsafeBufferPointer<UInt8>
    let specials: [SpecialSpan]
    /// The finished tokens.
    private(set) var tokens: [Token] = []
    /// The last token, held back in case the next one merges with it.
    private var pending: Token? = nil

    init(text: UnsafeBufferPointer<UInt8>, specials: [SpecialSpan]) {
        self.text = text
        self.specials = specials
    }

    mutating func run(_ segments: [RawSegment]) {
        tokens.reserveCapacity(segments.count / 2 + 1)
        var specialIndex = 0
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            // A special span (URL, e-mail, hashtag, mention) replaces the segments it covers.
            while specialIndex < specials.count && specials[specialIndex].range.upperBound <= segment.start {
                specialIndex += 1
            }
            if specialIndex < specials.count && specials[specialIndex].range.lowerBound < segment.end {
                let special = specials[specialIndex]
                if segment.start < special.range.lowerBound {
                    classify(segment.start..<special.range.lowerBound, status: segment.status)
                }
                flushPending()
                tokens.append(Token(range: special.range, kind: special.kind))
                // Skip the segments inside the span; a segment straddling its end is cut.
                while index < segments.count && segments[index].end <= special.range.upperBound {
                    index += 1
                }
                if index < segments.count && segments[index].start < special.range.upperBound {
                    classify(special.range.upperBound..<segments[index].end, status: segments[index].status)
                    index += 1
                }
                specialIndex += 1
                continue
            }
            if let time = timeOfDay(at: index, in: segments) {
                emit(Token(range: segment.start..<time.end, kind: .number))
                index = time.next
                continue
            }
            classify(segment.start..<segment.end, status: segment.status)
            index += 1
        }
        flushPending()
    }

    private mutating func flushPending() {
        if let previous = pending {
            tokens.append(previous)
            pending = nil
        }
    }

    /// Adds a token, merging it with the one before when the corrections say so.
    private mutating func emit(_ token: Token) {
        if let previous = pending {
            if let merged = merge(previous, token) {
                pending = merged
                return
            }
            tokens.append(previous)
        }
        pending = token
    }

    /// 6:30, 23:45: hours, a colon and two-digit minutes are one number (ICU splits at the colon).
    private func timeOfDay(at index: Int, in segments: [RawSegment]) -> (end: Int, next: Int)? {
        guard index + 2 < segments.count, WordRuleStatus.numbers.contains(segments[index].status)
        else { return nil }
        let hours = segments[index], colon = segments[index + 1], minutes = segments[index + 2]
        guard (1...2).contains(hours.end - hours.start), colon.end - colon.start == 1,
            minutes.end - minutes.start == 2, text[colon.start] == UInt8(ascii: ":"),
            isASCIIDigits(hours.start..<hours.end), isASCIIDigits(minutes.start..<minutes.end)
        else { return nil }
        return (minutes.end, index + 3)
    }

    private func isASCIIDigits(_ range: Range<Int>) -> Bool {
        range.allSatisfy { text[$0] >= 0x30 && text[$0] <= 0x39 }
    }

    /// Adds the token(s) for one segment, or nothing for white space.
    private mutating func classify(_ range: Range<Int>, status: Int32) {
        guard !range.isEmpty else { return }
        switch status {
        case RawSegment.simpleArabic:
            emit(Token(range: range, kind: .arabicWord))
            return
        case RawSegment.simpleLatin:
            emit(Token(range: range, kind: .latinWord))
            return
        case RawSegment.simplePunctuation:
            emit(Token(range: range, kind: .punctuation))
            return
        default:
            break
        }
        let lead = text[range.lowerBound]
        // White space: ICU gives runs of it their own segments, with status 0. Marks right after
        // spaces join the spaces' segment (UAX #29 WB4); the token starts at the marks.
        if status == WordRuleStatus.none && (lead == 0x20 || lead == 0x0A || lead == 0x09 || lead == 0x0D) {
            if Self.isBlank(text, range) { return }
            var start = range.lowerBound
            while start < range.upperBound && SimpleWords.isASCIISpace(text[start]) { start += 1 }
            if start > range.lowerBound {
                classify(start..<range.upperBound, status: status)
                return
            }
        }
        let first = lead < 0x80 ? UInt32(lead) : text.decodeScalar(at: range.lowerBound).value
        let kind: TokenKind
        switch status {
        case WordRuleStatus.numbers:
            kind = .number
        case WordRuleStatus.letters:
            kind = Self.wordKind(first)
        case WordRuleStatus.kanaOrIdeographs:
            kind = .otherWord
        default:
            let category = GeneralCategory.of(first)
            if category.isBlankOrInvisible {
                if Self.isBlank(text, range) { return }
                kind = .symbol
            } else if category.isLetterOrMark {
                kind = Self.wordKind(first)
            } else if category.isNumber {
                kind = .number
            } else if category.isPunctuation {
                kind = .punctuation
            } else {
                kind = .symbol
            }
        }
        if kind == .arabicWord || kind == .number, let special = arabicSpecial(range) {
            switch special {
            case .innerDot(let dot):
                if kind == .arabicWord {
                    splitAtDots(range, firstDot: dot)
                    return
                }
            case .tatweelBeforeDigit(let split):
                // "الـ96" is الـ and 96; "ـ11" is ـ and 11 (UD Arabic-PUD).
                let onlyTatweel = split - range.lowerBound == 2
                emit(Token(range: range.lowerBound..<split, kind: onlyTatweel ? .punctuation : .arabicWord))
                classify(split..<range.upperBound, status: WordRuleStatus.number)
                return
            }
        }
        emit(Token(range: range, kind: kind))
    }

    /// Whether every scalar in the range is white space or an invisible format control.
    private static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            let decoded = text.decodeScalar(at: index)
            guard GeneralCategory.of(decoded.value).isBlankOrInvisible else { return false }
            index += decoded.length
        }
        return true
    }

    static func wordKind(_ scalar: UInt32) -> TokenKind {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF:
            return .latinWord
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return .arabicWord
        default:
            switch UnicodeScript.of(scalar) {
            case .arabic: return .arabicWord
            case .latin: return .latinWord
            case .other: return .otherWord
            }
        }
    }

    enum ArabicSpecial {
        /// A full stop with Arabic letters on both sides, at this offset.
        case innerDot(Int)
        /// A tatweel followed by a digit; the digit starts at this offset.
        case tatweelBeforeDigit(Int)
    }

    /// One pass over a word's bytes looking for the two rare shapes that need correcting.
    private func arabicSpecial(_ range: Range<Int>) -> ArabicSpecial? {
        guard range.count >= 3 else { return nil }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = text[index]
            if byte == 0x2E, index > range.lowerBound, index + 1 < end,
                text[index - 1] >= 0x80, text[index + 1] >= 0x80
            {
                return .innerDot(index)
            }
            if byte == 0xD9, index + 2 < end, text[index + 1] == 0x80,
                UnicodeProperties.isDecimalDigit(text.decodeScalar(at: index + 2).value)
            {
                return .tatweelBeforeDigit(index + 2)
            }
            index += 1
        }
        return nil
    }

    /// Splits "ق.م" into ق . م.
    private mutating func splitAtDots(_ range: Range<Int>, firstDot: Int) {
        var start = range.lowerBound
        var index = firstDot
        while index < range.upperBound {
            if text[index] == 0x2E {
                if start < index { emit(Token(range: start..<index, kind: .arabicWord)) }
                emit(Token(range: index..<index + 1, kind: .punctuation))
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound { emit(Token(range: start..<range.upperBound, kind: .arabicWord)) }
    }

    /// Joins two adjacent tokens when the corrections say so, or returns nil.
    private func merge(_ left: Token, _ right: Token) -> Token? {
        guard left.range.upperBound == right.range.lowerBound else { return nil }
        // 15% ٪١٥ : a percent sign belongs to the number before it.
        if right.kind == .punctuation || right.kind == .symbol, isPercent(right.range),
            left.kind != .punctuation, endsWithDigit(left.range)
        {
            return Token(
                range: left.range.lowerBound..<right.range.upperBound,
                kind: left.kind == .arabicWord ? .arabicWord : .number)
        }
        // ... ؟! !!: a run of terminal punctuation is one token.
        if left.kind == .punctuation && right.kind == .punctuation,
            isTerminalRun(left.range), isTerminalRun(right.range)
        {
            return Token(range: left.range.lowerBound..<right.range.upperBound, kind: .punctuation)
        }
        return nil
    }

    private func isPercent(_ range: Range<Int>) -> Bool {
        let scalar = text.decodeScalar(at: range.lowerBound)
        guard scalar.length == range.count else { return false }
        return scalar.value == 0x25 || scalar.value == 0x066A || scalar.value == 0x2030
            || scalar.value == 0x0609
    }

    private func endsWithDigit(_ range: Range<Int>) -> Bool {
        var index = range.upperBound - 1
        while index > range.lowerBound && text[index] & 0xC0 == 0x80 { index -= 1 }
        let scalar = text.decodeScalar(at: index).value
        return UnicodeProperties.isDecimalDigit(scalar)
    }

    /// Whether the range is made only of . ! ? ؟ (and …).
    private func isTerminalRun(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let decoded = text.decodeScalar(at: index)
            switch decoded.value {
            case 0x2E, 0x21, 0x3F, 0x061F, 0x2026: break
            default: return false
            }
            index += decoded.length
        }
        return true
    }
}
