import ArabicText

/// For each scheme, the scalars below U+0800 its reverse direction changes (its targets), and
/// the Arabic ones its forward direction changes (its letters): found through the public API.
struct SchemeAlphabet {
    let scheme: TransliterationScheme
    let targets: Set<UInt32>
    let letters: Set<UInt32>

    init(_ scheme: TransliterationScheme) {
        self.scheme = scheme
        var targets = Set<UInt32>(), letters = Set<UInt32>()
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if scheme.transliterate(text, reverse: true) != text { targets.insert(value) }
            if (0x600..<0x700).contains(value) && scheme.transliterate(text) != text { letters.insert(value) }
        }
        self.targets = targets
        self.letters = letters
    }
}

let alphabets = TransliterationScheme.allCases.map(SchemeAlphabet.init)
let icu = ["Arabic-Latin", "Any-Latin; Latin-ASCII", "Arabic-Latin/BGN"].compactMap { try? Transliterator(id: $0) }

/// The four Buckwalter-family schemes and ICU's Arabic transforms on arbitrary bytes. Checked:
/// the round trips the schemes promise — Arabic text (without the scheme's own target
/// characters) comes back from the scheme unchanged, and scheme text (without Arabic letters)
/// comes back from Arabic unchanged; characters a scheme does not map pass through byte for
/// byte (ill-formed bytes included); the forward direction reports the validator's first
/// invalid offset, and the way back finds the output invalid exactly when the input was; ICU's
/// output is valid UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranslit(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: count)
    let invalid = UTF8Validation.firstInvalidOffset(in: input)
    let text = String(decoding: UTF8Validation.repaired(input).bytes, as: UTF8.self)
    for alphabet in alphabets {
        let scheme = alphabet.scheme
        var output: [UInt8] = []
        precondition(scheme.transliterate(utf8: input, into: &output) == invalid, "\(scheme): first invalid offset")
        var back: [UInt8] = []
        // (The offsets move with the letters' lengths: only validity is compared.)
        precondition(
            (output.withUnsafeBufferPointer { scheme.transliterate(utf8: $0, into: &back, reverse: true) } == nil) == (invalid == nil),
            "\(scheme): validity changed by a round trip")
        let arabic = String(String.UnicodeScalarView(text.unicodeScalars.filter { !alphabet.targets.contains($0.value) }))
        let there = scheme.transliterate(arabic)
        precondition(
            scheme.transliterate(there, reverse: true).utf8.elementsEqual(arabic.utf8), "\(scheme): Arabic → scheme → Arabic changed the text")
        let latin = String(String.UnicodeScalarView(text.unicodeScalars.filter { !alphabet.letters.contains($0.value) }))
        let arabized = scheme.transliterate(latin, reverse: true)
        precondition(scheme.transliterate(arabized).utf8.elementsEqual(latin.utf8), "\(scheme): scheme → Arabic → scheme changed the text")
        let untouched = text.unicodeScalars.allSatisfy { !alphabet.letters.contains($0.value) }
        if untouched && invalid == nil { precondition(output.elementsEqual(input), "\(scheme): unmapped text changed") }
        if invalid != nil && !(0..<count).contains(where: { input[$0] >= 0xD8 && input[$0] <= 0xDB }) {
            // No Arabic lead byte at all: every byte, well formed or not, passes through.
            precondition(output.elementsEqual(input), "\(scheme): ill-formed bytes not passed through")
        }
    }
    for transform in icu {
        var output: [UInt8] = []
        transform.transliterate(utf8: input, into: &output)
        precondition(output.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == nil, "\(transform.id): output invalid")
    }
    return 0
}
