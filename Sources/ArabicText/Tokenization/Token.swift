/// A token: a byte range of the text it was found in, and what kind of token it is.
///
/// ```swift
/// let text = "قال 15%"
/// for token in WordTokenizer.shared.tokens(in: text) {
///     print(token.text(in: text), token.kind)   // قال arabicWord, 15% number
/// }
/// ```
public struct Token: Sendable, Hashable {
    /// The token's UTF-8 byte offsets in the text it came from.
    public var range: Range<Int>
    /// What the token is.
    public var kind: TokenKind

    /// Creates a token.
    ///
    /// ```swift
    /// let token = Token(range: 0..<6, kind: .arabicWord)
    /// ```
    public init(range: Range<Int>, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }

    /// The token's text, given the string it was found in.
    ///
    /// ```swift
    /// token.text(in: line)
    /// ```
    public func text(in source: String) -> Substring {
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return Substring(utf8[start..<end])
    }
}

/// The kinds of token the tokenizer tells apart.
///
/// ```swift
/// TokenKind.arabicWord.rawValue   // "arabic"
/// ```
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
    /// A word in Arabic script (with its tashkeel and tatweel).
    case arabicWord = "arabic"
    /// A word in Latin script.
    case latinWord = "latin"
    /// A word in another script (Cyrillic, Hebrew, CJK ...).
    case otherWord = "word"
    /// A number in any digits, with its decimal and thousands separators and a trailing percent.
    case number
    /// Punctuation: one mark, or a run such as "..." or "؟!".
    case punctuation
    /// A symbol or emoji.
    case symbol
    /// A web address.
    case url
    /// An e-mail address.
    case email
    /// A hashtag such as #كوريا_الشمالية.
    case hashtag
    /// A mention such as @nazif.
    case mention

    /// Whether the token is a word of any script.
    public var isWord: Bool {
        self == .arabicWord || self == .latinWord || self == .otherWord
    }
}
