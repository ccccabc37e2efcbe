import Boilerplate
import CMinHash
import NazifTestSupport
import Testing

/// The C kernels against plain Swift references of the same hashes, on the seed articles (raw
/// and in the key form the signatures use) and on windows of them that start and end anywhere,
/// so every path of the eight-byte word scan (short words, long words, a word at the text's
/// end, runs of separators) and every minimum kernel this machine has are compared.
@Suite struct KernelTests {
    static let seedTexts: [(String, [UInt8])] = TestFiles.seedNames.flatMap { name -> [(String, [UInt8])] in
        let raw = TestFiles.bytes(TestFiles.repository + "seeds/\(name).txt") ?? []
        let key = raw.withUnsafeBufferPointer { Cleaner.keyText(ofUTF8: $0).key }
        return [("\(name) raw", raw), ("\(name) key", key)]
    }

    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let multiplier: UInt64 = 0xBF58_476D_1CE4_E5B9

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The word hashes, written from their definition: a word is a run of bytes above 0x20;
    /// its whole eight-byte chunks (little-endian) are mixed in turn, then the last
    /// `length % 8` bytes with the length in the top byte.
    static func referenceWordHashes(_ text: [UInt8]) -> [UInt64] {
        var hashes: [UInt64] = []
        var index = 0
        while index < text.count {
            while index < text.count && text[index] <= 0x20 { index += 1 }
            if index >= text.count { break }
            let start = index
            while index < text.count && text[index] > 0x20 { index += 1 }
            let length = index - start
            var state = seed
            var offset = start
            while offset + 8 <= index {
                var chunk: UInt64 = 0
                for k in 0..<8 { chunk |= UInt64(text[offset + k]) << (8 * k) }
                state = mix(state ^ chunk, multiplier)
                offset += 8
            }
            var tail: UInt64 = 0
            for k in 0..<(index - offset) { tail |= UInt64(text[offset + k]) << (8 * k) }
            state = mix(state ^ tail ^ (UInt64(truncatingIfNeeded: length) << 56), multiplier ^ 0x94D0_49BB_1331_11EB)
            hashes.append(state)
        }
        return hashes
    }

    /// The C word hashes of `text`, with room for `capacity` (returns the count and what fits).
    static func kernelWordHashes(
        _ text: ArraySlice<UInt8>, capacity: Int,
        _ kernel: (UnsafePointer<UInt8>, Int, UnsafeMutablePointer<UInt64>, Int) -> Int
    ) -> (Int, [UInt64]) {
        var out = [UInt64](repeating: 0, count: max(capacity, 1))
        // An empty window is passed as a one-byte array with length 0 (never read).
        let bytes = text.isEmpty ? [0] : Array(text)
        // SAFETY: the kernel reads `text.count` bytes of `bytes` (at least that long) and
        // writes at most `capacity` hashes into `out`, which holds at least that many.
        let count = bytes.withUnsafeBufferPointer { bytes in
            out.withUnsafeMutableBufferPointer { out in kernel(bytes.baseAddress!, text.count, out.baseAddress!, capacity) }
        }
        return (count, Array(out.prefix(min(count, capacity))))
    }

    @Test(arguments: seedTexts)
    func wordHashesMatchTheReference(_ label: String, _ text: [UInt8]) {
        #expect(!text.isEmpty, "\(label) could not be read")
        // Windows starting at every offset of the first 24 bytes (and further in), of lengths
        // around the 8- and 16-byte loads and longer.
        var windows: [Range<Int>] = [0..<text.count]
        for start in Array(0..<24) + [97, 1001] where start < text.count {
            for length in Array(0..<40) + [63, 64, 65, 255, 256, 257, 1000] where start + length <= text.count {
                windows.append(start..<(start + length))
            }
        }
        for window in windows {
            let slice = text[window]
            let expected = Self.referenceWordHashes(Array(slice))
            let room = slice.count / 2 + 1
            let fast = Self.kernelWordHashes(slice, capacity: room) { cminhash_word_hashes($0, $1, $2, $3) }
            let bytewise = Self.kernelWordHashes(slice, capacity: room) { cminhash_word_hashes_reference($0, $1, $2, $3) }
            #expect(fast.0 == expected.count && fast.1 == expected, "\(label) \(window): eight-byte scan")
            #expect(bytewise.0 == expected.count && bytewise.1 == expected, "\(label) \(window): byte scan")
            // Too little room: the count is still every word's, and the first hashes are written.
            let short = max(0, expected.count - 3)
            let cut = Self.kernelWordHashes(slice, capacity: short) { cminhash_word_hashes($0, $1, $2, $3) }
            #expect(cut.0 == expected.count && cut.1 == Array(expected.prefix(short)), "\(label) \(window): short room")
        }
    }

    /// Permutation counts around the 16-lane vectors and the 128-permutation register blocks.
    static let permutationCounts = [1, 7, 15, 16, 17, 112, 127, 128, 129, 300, 1024]

    @Test(arguments: permutationCounts)
    func minimumsMatchTheReferenceInEveryKernel(_ permutations: Int) {
        let text = Self.seedTexts.map(\.1).reduce([], +)
        let words = Self.referenceWordHashes(text)
        var shingles = [UInt32](repeating: 0, count: max(words.count - 4, 0))
        // SAFETY: `shingles` holds the `words.count - 4` hashes the kernel writes.
        words.withUnsafeBufferPointer { w in
            shingles.withUnsafeMutableBufferPointer { s in cminhash_shingles(w.baseAddress!, w.count, 5, s.baseAddress!) }
        }
        #expect(shingles.count > 1000)
        var state: UInt64 = UInt64(permutations)
        var a: [UInt32] = [], b: [UInt32] = []
        for _ in 0..<permutations {
            state = Self.mix(state &+ Self.seed, Self.multiplier)
            a.append(UInt32(truncatingIfNeeded: state >> 32) | 1)
            b.append(UInt32(truncatingIfNeeded: state))
        }
        // Several shingle counts, the empty one included (every minimum stays UInt32.max).
        for count in [0, 1, 5, 333, shingles.count] {
            var expected = [UInt32](repeating: .max, count: permutations)
            for shingle in shingles.prefix(count) {
                for i in 0..<permutations {
                    var h = a[i] &* shingle &+ b[i]
                    h ^= h >> 15
                    expected[i] = min(expected[i], h)
                }
            }
            var ran = 0
            for variant in Int32(0)...2 {
                var out = [UInt32](repeating: 0, count: permutations)
                // SAFETY: the kernel reads `count` shingles (`shingles` holds at least that
                // many) and `permutations` entries of `a` and `b`, and writes `permutations`
                // minima into `out`, that long.
                let available = shingles.withUnsafeBufferPointer { s in
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            out.withUnsafeMutableBufferPointer { o in
                                cminhash_minimums_variant(
                                    variant, s.baseAddress!, count, a.baseAddress!, b.baseAddress!, permutations,
                                    o.baseAddress!)
                            }
                        }
                    }
                }
                if available == 0 { continue }
                ran += 1
                #expect(out == expected, "kernel \(variant), \(count) shingles, \(permutations) permutations")
            }
            #expect(ran >= 1, "the portable kernel always runs")
        }
    }
}
