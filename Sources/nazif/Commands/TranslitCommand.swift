import ArabicText
import ArgumentParser

/// `nazif translit`: Buckwalter-family schemes (CAMeL-compatible) and ICU transforms.
struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate line by line: Buckwalter, Safe/XML Buckwalter, HSB, or any ICU transform.",
        discussion: """
            buckwalter, safebw, xmlbw, hsb: byte-for-byte CAMeL Tools' ar2bw/bw2ar… maps; every \
            character they do not map passes through. icu:ID runs an ICU transform \
            ("icu:Arabic-Latin", "icu:Any-Latin; Latin-ASCII"); --rules FILE compiles your own \
            ICU rules under that ID. --reverse goes back (schemes) or runs the transform backwards.
            """)

    @Option(help: ArgumentHelp("The scheme (--list shows them all).", valueName: "buckwalter|safebw|xmlbw|hsb|icu:ID"))
    var scheme: String?

    @Flag(help: "List the schemes and the ICU transform IDs this system's ICU has, and exit.")
    var list = false

    @Flag(help: "From the scheme back to Arabic (or the ICU transform in reverse).")
    var reverse = false

    @Option(help: ArgumentHelp("ICU transform rules for icu:ID (a file).", valueName: "file"))
    var rules: String?

    @OptionGroup var input: LineInputOptions

    func validate() throws {
        if list { return }
        guard let scheme else { throw ValidationError("give --scheme (--list shows the schemes)") }
        if !scheme.hasPrefix("icu:") && Self.named(scheme) == nil {
            throw ValidationError("unknown scheme '\(scheme)': buckwalter, safebw, xmlbw, hsb or icu:ID")
        }
        if rules != nil && !scheme.hasPrefix("icu:") { throw ValidationError("--rules needs --scheme icu:ID") }
        if scheme == "icu:" { throw ValidationError("icu: needs a transform ID, like icu:Arabic-Latin") }
    }

    static func named(_ name: String) -> TransliterationScheme? {
        switch name {
        case "buckwalter", "bw": .buckwalter
        case "safebw": .safeBuckwalter
        case "xmlbw": .xmlBuckwalter
        case "hsb": .hsb
        default: nil
        }
    }

    /// `--list`: the schemes, then `icu:` and every ICU transform ID.
    static var listing: String {
        var text = "buckwalter\tBuckwalter (CAMeL Tools ar2bw/bw2ar)\nsafebw\tSafe Buckwalter\nxmlbw\tXML Buckwalter\nhsb\tHabash-Soudi-Buckwalter\n"
        for id in Transliterator.availableIDs.sorted() { text += "icu:\(id)\n" }
        return text
    }

    func run() throws {
        if list {
            return try runReportingFailures("translit") { try OutputSink.standardOutput().write(Self.listing) }
        }
        let scheme = self.scheme!
        try runReportingFailures("translit") {
            let reverse = self.reverse
            if let named = Self.named(scheme) {
                let transliterate = { @Sendable (chunk: LineChunk) -> (output: [UInt8], firstInvalid: Int?) in
                    var output: [UInt8] = []
                    output.reserveCapacity(chunk.bytes.count + 64)
                    let bad = named.transliterate(utf8: chunk.bytes, into: &output, reverse: reverse)
                    return (output, bad)
                }
                var filter = LineFilter(command: "translit", options: input) { transliterate($0).output }
                // The schemes check UTF-8 as they go: no separate validation pass.
                filter.checkingTransform = transliterate
                try filter.run()
                return
            }
            let id = String(scheme.dropFirst(4))
            let transliterator: Transliterator
            do {
                if let rules {
                    try InputFile.checkReadable([rules])
                    let text = String(decoding: try InputFile.open(rules).readAll(), as: UTF8.self)
                    transliterator = try Transliterator(id: id, rules: text, reverse: reverse)
                } else {
                    transliterator = try Transliterator(id: id, reverse: reverse)
                }
            } catch let error as ArabicTextError {
                if error.code == .invalidRules { throw Failure.data("\(rules ?? ""): \(error)") }
                throw Failure.usage("\(error)")
            }
            try LineFilter(command: "translit", options: input) { chunk in
                var output: [UInt8] = []
                transliterator.transliterate(utf8: chunk.bytes, into: &output)
                return output
            }.run()
        }
    }
}
