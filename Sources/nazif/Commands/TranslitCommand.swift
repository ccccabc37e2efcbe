import ArabicText
import ArgumentParser

/// `nazif translit`: Buckwalter-family schemes (CAMeL-compatible) and ICU transforms.
struct TranslitCommand: LineCommand {
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
    var scheme: SchemeArgument?

    @Flag(help: "List the schemes and the ICU transform IDs this system's ICU has, and exit.")
    var list = false

    @Flag(help: "From the scheme back to Arabic (or the ICU transform in reverse).")
    var reverse = false

    @Option(help: ArgumentHelp("ICU transform rules for icu:ID (a file).", valueName: "file"))
    var rules: String?

    @OptionGroup var input: LineInputOptions

    /// A `--scheme` value: one of the named schemes, or `icu:` and an ICU transform ID. Every
    /// string parses: an unknown one is refused by `validate()`, whose message lists the
    /// schemes (ArgumentParser's own would only say the value is invalid).
    enum SchemeArgument: ExpressibleByArgument {
        case named(TransliterationScheme)
        /// `icu:ID` (the ID may be empty: `validate()` refuses it).
        case icu(id: String)
        case unknown(String)

        init(argument: String) {
            if argument.hasPrefix("icu:") {
                self = .icu(id: String(argument.dropFirst(4)))
            } else if let scheme = TranslitCommand.named(argument) {
                self = .named(scheme)
            } else {
                self = .unknown(argument)
            }
        }
    }

    func validate() throws {
        if list { return }
        guard let scheme else { throw ValidationError("give --scheme (--list shows the schemes)") }
        if case .unknown(let name) = scheme {
            throw ValidationError("unknown scheme '\(name)': buckwalter, safebw, xmlbw, hsb or icu:ID")
        }
        guard case .icu(let id) = scheme else {
            if rules != nil { throw ValidationError("--rules needs --scheme icu:ID") }
            return
        }
        if id.isEmpty { throw ValidationError("icu: needs a transform ID, like icu:Arabic-Latin") }
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
            return try runReportingFailures(Self.commandPath) { try OutputSink.standardOutput().write(Self.listing) }
        }
        try runLineFilter()
    }

    func lineTransforms() throws -> LineTransforms {
        let reverse = self.reverse
        switch scheme {
        case .named(let named):
            // The schemes check UTF-8 as they go: no separate validation pass.
            return LineTransforms(checking: { chunk in
                var output: [UInt8] = []
                output.reserveCapacity(chunk.bytes.count + 64)
                let bad = named.transliterate(utf8: chunk.bytes, into: &output, reverse: reverse)
                return (output, bad)
            })
        case .icu(let id):
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
            return LineTransforms { chunk in
                var output: [UInt8] = []
                transliterator.transliterate(utf8: chunk.bytes, into: &output)
                return output
            }
        case .unknown, nil:
            preconditionFailure("validate() refuses a missing or unknown --scheme")
        }
    }
}
