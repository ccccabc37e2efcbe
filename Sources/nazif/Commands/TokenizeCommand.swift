import ArabicText
import ArgumentParser

/// `nazif tokenize`: words with kinds and byte offsets, or sentences.
struct TokenizeCommand: LineCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split text into words (or sentences) with kinds and byte offsets.",
        discussion: """
            text (default): the tokens of each input line separated by single spaces, one output \
            line per input line; with --sentences, one sentence per output line.
            tsv:   token, kind, start, end (byte offsets in the input), one token per line.
            jsonl: {"token":…,"kind":…,"start":…,"end":…}, one token per line.
            Kinds: arabic, latin, word, number, punctuation, symbol, url, email, hashtag, mention \
            (sentence with --sentences).
            With --jsonl, each line is a JSON object and only its string field --field is \
            tokenized, every other byte of the record written as it was: with --format text the \
            field becomes a string (the tokens separated by spaces, its line breaks kept; with \
            --sentences, the sentences separated by line breaks), with --format jsonl an array of \
            {"token":…,"kind":…,"start":…,"end":…} whose offsets are UTF-8 bytes of the field's \
            decoded text. --format tsv cannot be used with --jsonl.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, tsv, jsonl
    }

    @Flag(help: "Split into sentences instead of words.")
    var sentences = false

    @Option(help: ArgumentHelp("Output format.", valueName: "text|tsv|jsonl"))
    var format: Format = .text

    @OptionGroup var json: JSONFieldOptions

    @OptionGroup var input: LineInputOptions

    func validate() throws {
        if json.jsonl && format == .tsv {
            throw ValidationError("--format tsv cannot be used with --jsonl (the tokens replace the field: use text or jsonl)")
        }
    }

    func lineTransforms() -> LineTransforms {
        let format = self.format
        var transforms =
            sentences
            ? LineTransforms { Self.sentences($0, format: format) }
            : LineTransforms(checking: { Self.words($0, format: format) })
        if json.jsonl {
            let sentences = self.sentences
            transforms.fieldRewriter = JSONFieldRewriter(fieldName: json.field, strict: json.strict) { text, scratch, out in
                Self.appendFieldValue(text, sentences: sentences, format: format, to: &out)
            }
        }
        return transforms
    }

    // MARK: - Words

    /// The chunk's tokens in the output format, and the first invalid UTF-8 offset if any.
    static func words(_ chunk: LineChunk, format: Format) -> (output: [UInt8], firstInvalid: Int?) {
        let bytes = chunk.bytes
        let (tokens, firstInvalid) = WordTokenizer.shared.tokensCheckingUTF8(bytes)
        guard format == .text else {
            var output: [UInt8] = []
            output.reserveCapacity(tokens.count * 32)
            for token in tokens {
                appendRecord(
                    UnsafeBufferPointer(rebasing: bytes[token.range]), kind: token.kind.rawValue,
                    start: chunk.offset + token.range.lowerBound,
                    end: chunk.offset + token.range.upperBound, format: format, to: &output)
            }
            return (output, firstInvalid)
        }
        // Tokens are disjoint pieces of the input with at most one space added before each, so
        // the output is at most twice the input.
        let output = [UInt8](unsafeUninitializedCapacity: bytes.count * 2 + 16) { buffer, written in
            // SAFETY: every write below is within the 2n + 16 bytes allocated (see above), and
            // `written` counts exactly the bytes written.
            let out = buffer.baseAddress!
            var count = 0
            var position = 0  // input before this is accounted for
            var lineHasToken = false
            var needsSeparator = !chunk.startsLine  // a cut long line continues with a space
            for token in tokens {
                let range = token.range
                // Line breaks between the previous token and this one.
                var gap = position
                while gap < range.lowerBound {
                    if bytes[gap] == 0x0A {
                        out[count] = 0x0A
                        count += 1
                        lineHasToken = false
                        needsSeparator = false
                    }
                    gap += 1
                }
                if lineHasToken || needsSeparator {
                    out[count] = 0x20
                    count += 1
                }
                needsSeparator = false
                (out + count).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
                count += range.count
                lineHasToken = true
                position = range.upperBound
            }
            while position < bytes.count {
                if bytes[position] == 0x0A {
                    out[count] = 0x0A
                    count += 1
                }
                position += 1
            }
            written = count
        }
        return (output, firstInvalid)
    }

    // MARK: - A JSON Lines field

    /// The tokens (or sentences) of a record's field as its new JSON value: a string in the text
    /// format, an array of token objects in the jsonl format.
    static func appendFieldValue(
        _ text: UnsafeBufferPointer<UInt8>, sentences: Bool, format: Format,
        to out: inout [UInt8]
    ) {
        let whole = LineChunk(bytes: text, offset: 0, startsLine: true, endsLine: true)
        if format == .text {
            var joined = sentences ? Self.sentences(whole, format: .text) : words(whole, format: .text).output
            if sentences && joined.last == 0x0A { joined.removeLast() }
            JSONText.appendString(joined, to: &out)
            return
        }
        out.append(UInt8(ascii: "["))
        var first = true
        func appendObject(_ start: Int, _ end: Int, kind: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendTokenObject(UnsafeBufferPointer(rebasing: text[start..<end]), kind: kind, start: start, end: end, to: &out)
        }
        if sentences {
            forEachTrimmedSentence(in: text) { appendObject($0, $1, kind: "sentence") }
        } else {
            for token in WordTokenizer.shared.tokensCheckingUTF8(text).tokens {
                appendObject(token.range.lowerBound, token.range.upperBound, kind: token.kind.rawValue)
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    // MARK: - Sentences

    static func sentences(_ chunk: LineChunk, format: Format) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(chunk.bytes.count + 64)
        let bytes = chunk.bytes
        forEachTrimmedSentence(in: bytes) { start, end in
            let sentence = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if format == .text {
                output.append(contentsOf: sentence)
                output.append(0x0A)
            } else {
                appendRecord(
                    sentence, kind: "sentence", start: chunk.offset + start,
                    end: chunk.offset + end, format: format, to: &output)
            }
        }
        return output
    }

    /// Calls `body` with each sentence's range, white space and line breaks around it trimmed;
    /// blank sentences are skipped.
    static func forEachTrimmedSentence(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Void) {
        SentenceSplitter.shared.forEachSentence(utf8: bytes) { range in
            var start = range.lowerBound, end = range.upperBound
            while start < end && isSpaceOrBreak(bytes[start]) { start += 1 }
            while end > start && isSpaceOrBreak(bytes[end - 1]) { end -= 1 }
            if start < end { body(start, end) }
        }
    }

    static func isSpaceOrBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func appendRecord(
        _ text: UnsafeBufferPointer<UInt8>, kind: String, start: Int, end: Int,
        format: Format, to output: inout [UInt8]
    ) {
        if format == .tsv {
            // Tabs and line breaks inside a token would break the columns: write them escaped.
            for byte in text {
                switch byte {
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                default: output.append(byte)
                }
            }
            output.append(0x09)
            output.append(kind)
            output.append(0x09)
            output.appendDecimal(start)
            output.append(0x09)
            output.appendDecimal(end)
            output.append(0x0A)
        } else {
            appendTokenObject(text, kind: kind, start: start, end: end, to: &output)
            output.append(0x0A)
        }
    }

    /// `{"token":…,"kind":…,"start":…,"end":…}`
    static func appendTokenObject(
        _ text: UnsafeBufferPointer<UInt8>, kind: String, start: Int, end: Int,
        to output: inout [UInt8]
    ) {
        output.append("{\"token\":")
        JSONText.appendString(text, to: &output)
        output.append(",\"kind\":\"")
        output.append(kind)
        output.append("\",\"start\":")
        output.appendDecimal(start)
        output.append(",\"end\":")
        output.appendDecimal(end)
        output.append(UInt8(ascii: "}"))
    }
}
