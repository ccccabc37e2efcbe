import CMinHash

/// The C kernels of CMinHash, called on borrowed buffers. Every call passes a buffer with its
/// true count; the kernels read and write only within the counts given.
enum MinHashKernel {
    /// The sketch and band keys of a key text, and its word count; for a text shorter than one
    /// shingle, the exact hash of its words instead.
    static func summarize(keyText: UnsafeBufferPointer<UInt8>, parameters: MinHashParameters)
        -> (kind: Signature.Kind, bandKeys: [UInt64], sketch: [UInt8], words: Int)
    {
        let capacity = keyText.count / 2 + 1  // a word is at least one byte and a separator
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { words in
            // SAFETY: the kernel writes at most `capacity` hashes into `words`, which holds that
            // many, and reads `keyText.count` bytes of the caller's live buffer.
            let count =
                keyText.baseAddress.map {
                    cminhash_word_hashes($0, keyText.count, words.baseAddress!, capacity)
                } ?? 0
            let wordCount = min(count, capacity)
            if wordCount == 0 { return (.empty, [], [], 0) }
            if wordCount < parameters.shingleSize {
                var exact: UInt64 = 0x5348_4F52_5400_0000 ^ UInt64(wordCount)
                for index in 0..<wordCount { exact = mix(exact ^ words[index]) }
                return (.exact, [exact], [], wordCount)
            }
            let shingles = wordCount - parameters.shingleSize + 1
            let permutations = parameters.permutations
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: shingles + permutations) { scratch in
                // SAFETY: `scratch` holds the `shingles` shingle hashes followed by the
                // `permutations` minima; each kernel gets a pointer and the count it may touch.
                // The permutation arrays are the parameters' own, `permutations` long.
                let base = scratch.baseAddress!
                cminhash_shingles(words.baseAddress!, wordCount, parameters.shingleSize, base)
                let minima = base + shingles
                parameters.multipliers.withUnsafeBufferPointer { a in
                    parameters.offsets.withUnsafeBufferPointer { b in
                        cminhash_minimums(base, shingles, a.baseAddress!, b.baseAddress!, permutations, minima)
                    }
                }
                let bandKeys = [UInt64](unsafeUninitializedCapacity: parameters.bands) { keys, initialized in
                    // SAFETY: the kernel writes exactly `bands` keys into `keys` (that long).
                    cminhash_band_keys(minima, parameters.bands, parameters.rows, keys.baseAddress!)
                    initialized = parameters.bands
                }
                let sketch = [UInt8](unsafeUninitializedCapacity: permutations) { bytes, initialized in
                    // SAFETY: `permutations` bytes written into a buffer of that many.
                    for index in 0..<permutations { bytes[index] = UInt8(truncatingIfNeeded: minima[index]) }
                    initialized = permutations
                }
                return (.shingled, bandKeys, sketch, wordCount)
            }
        }
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return product.high ^ product.low
    }
}
