import ArabicText

let search = ArabicNormalizer(profile: .search)
let finder = NameFinder(romanizer: .shared)

/// Loads the dictionary and the romanizer's model before the first input (in a debug build with
/// ASan that takes longer than libFuzzer's per-input timeout).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzNamesInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>)
    -> CInt
{
    _ = finder.mentions(in: "الرئيس فلاديمير بوتين")
    _ = Romanizer.shared.candidates("سوناك", count: 3)
    return 0
}

/// `NameKey`, the romanizer and the names finder on arbitrary (repaired) text. Checked: a key
/// is upper-case ASCII letters and is the same for the `search`-normalized name; similarity is
/// in 0...1, symmetric, 1 for a name with itself, and `match` agrees with `isSameName` and
/// `similarity`; the romanizer's candidates are at most as many as asked, distinct, best
/// first, the first one `romanize`'s answer; every mention the finder reports is made of words
/// of the text and carries its spelling's key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNames(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UTF8Validation.repaired(UnsafeBufferPointer(start: data, count: count)).bytes, as: UTF8.self)
    let key = NameKey(text)
    precondition(key.value.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }, "key not upper-case ASCII")
    precondition(NameKey(search.normalize(text)) == key, "key changes with search normalization")
    // Names are short: the pair and the romanizer take the first words.
    let words = text.split(separator: " ", omittingEmptySubsequences: true).prefix(6).map(String.init)
    let first = words.prefix(3).joined(separator: " "), second = words.dropFirst(3).joined(separator: " ")
    let similarity = NameKey.similarity(first, second)
    precondition(similarity >= 0 && similarity <= 1, "similarity \(similarity) outside 0...1")
    precondition(similarity == NameKey.similarity(second, first), "similarity not symmetric")
    precondition(NameKey.similarity(first, first) == 1, "a name is not wholly like itself")
    let match = NameKey.match(first, second)
    precondition(match.similarity == similarity && match.same == NameKey.isSameName(first, second), "match disagrees")
    precondition(NameKey.isSameName(first, first) == !NameKey(first).value.isEmpty, "a keyed name is not the same as itself")
    let name = String(first.prefix(40))
    let candidates = Romanizer.shared.candidates(name, count: 3)
    precondition(candidates.count <= 3, "more candidates than asked")
    precondition(Set(candidates.map(\.latin)).count == candidates.count, "candidates not distinct")
    for (better, worse) in zip(candidates, candidates.dropFirst()) {
        precondition(better.score >= worse.score, "candidates not best first")
    }
    if let best = candidates.first {
        precondition(
            best.latin == Romanizer.shared.romanize(name), "first candidate '\(best.latin)' is not romanize's '\(Romanizer.shared.romanize(name))'")
    }
    for mention in finder.mentions(in: text) {
        precondition(!mention.spelling.isEmpty, "empty mention")
        for word in mention.spelling.split(separator: " ") {
            precondition(text.contains(word), "mention word '\(word)' not in the text")
        }
        precondition(mention.key == NameKey(mention.spelling), "mention key is not its spelling's")
        precondition(mention.score >= 0 && mention.score <= 1, "mention score outside 0...1")
    }
    return 0
}
