import CLineScan

extension Lexicon.CueStarts {
    /// Calls `body` with the range of each word of `key` whose start is in the map: the words
    /// that may be cues, in order. The SIMD kernel (`CLineScan`) finds the word starts sixteen
    /// bytes at a time and tests their buckets; a memchr per word to find the words cost as much
    /// as the rest of the promotion rule.
    ///
    /// ```swift
    /// starts.forEachCandidate(in: key) { word in if cues.contains(KeyHash.hash(key[word])) { … } }
    /// ```
    func forEachCandidate(in key: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard let base = key.baseAddress, !key.isEmpty else { return }
        let capacity = 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { found in
            var from = 0
            while from < key.count {
                // SAFETY: the kernel reads key[from..<key.count] and the 1,024 words of `bits`,
                // and writes at most `capacity` offsets into `found`.
                let written = bits.withUnsafeBufferPointer { buckets in
                    nazif_cue_word_starts(base, key.count, from, key.count, buckets.baseAddress!, found.baseAddress!, capacity)
                }
                var wordEnd = key.count
                for slot in 0..<written {
                    let start = Int(found[slot])
                    wordEnd = CLibrary.firstByte(0x20, in: base + start, count: key.count - start).map { $0 - UnsafeRawPointer(base) } ?? key.count
                    body(start..<wordEnd)
                }
                // A full buffer: go on after the last word found (from a space, or the end).
                guard written == capacity else { return }
                from = wordEnd
            }
        }
    }
}
