import ArabicText
import ArgumentParser

/// `nazif normalize`: one output line per input line, normalized by a profile.
struct NormalizeCommand: LineCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize Arabic text line by line (display, search or key profile).",
        discussion: """
            display: NFC, bidi/format controls removed, spaces tidied.
            search:  NFKC, tashkeel and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, Persian letters \
            folded, digits → 0-9, ZWNJ/ZWJ removed.
            key:     search, plus every digit → 0, punctuation and symbols removed, lowercase.
            With --jsonl, each line is a JSON object and only its string field --field is \
            normalized; every other byte of the record is written as it was.
            """)

    @Option(help: ArgumentHelp("The normalization profile.", valueName: "display|search|key"))
    var profile: NormalizationProfile = .search

    @OptionGroup var json: JSONFieldOptions

    @OptionGroup var input: LineInputOptions

    func lineTransforms() -> LineTransforms {
        let normalizer = ArabicNormalizer(profile: profile)
        var transforms = LineTransforms(checking: { chunk in
            var output: [UInt8] = []
            output.reserveCapacity(chunk.bytes.count)
            let invalid = normalizer.normalize(
                utf8: chunk.bytes, into: &output,
                continuingLine: !chunk.startsLine)
            return (output, invalid)
        })
        if json.jsonl {
            transforms.fieldRewriter = JSONFieldRewriter(fieldName: json.field, strict: json.strict) { text, scratch, out in
                scratch.removeAll(keepingCapacity: true)
                _ = normalizer.normalize(utf8: text, into: &scratch)
                JSONText.appendString(scratch, to: &out)
            }
        }
        return transforms
    }
}

extension NormalizationProfile: ExpressibleByArgument {}
