import Boilerplate
import Dedup
import Testing

/// Cases the fuzzers (Fuzz/, `make fuzz`) found in the signature file reader, numbered on from
/// Tests/ArabicTextTests/FuzzRegressionTests.swift; the inputs are in Fuzz/Findings/ and
/// Fuzz/Regressions/FuzzSignatures/ (replay: `Fuzz/.build/debug/FuzzSignatures FILE`).
@Suite struct SignatureFuzzRegressionTests {
    /// A small valid file: one shingled document and one short one, source "s".
    static func sample() -> [UInt8] {
        let parameters = MinHashParameters(bands: 2, rows: 3, seed: 7)
        var file = SignatureFile(parameters: parameters, source: "s")
        file.append(record: 1, length: 10, signature: Signature(text: "نص أطول من خمس كلمات هنا في السطر", parameters: parameters))
        file.append(record: 2, length: 4, signature: Signature(text: "قصير", parameters: parameters))
        return file.serialized()
    }

    /// The bytes with the u64 or u32 at `offset` set to `value` and the checksum recomputed, as a
    /// crafted file would have it.
    static func patched(_ bytes: [UInt8], at offset: Int, _ value: UInt64, width: Int) -> [UInt8] {
        var bytes = bytes
        for index in 0..<width { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
        let body = bytes.count - 8
        let checksum = bytes.withUnsafeBufferPointer { KeyHash.hash(UnsafeBufferPointer(rebasing: $0[0..<body])) }
        for index in 0..<8 { bytes[body + index] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(index))) }
        return bytes
    }

    // Offsets in `sample()`: bands at 20, rows at 24, the document count at 40 + 4 + 1 = 45, the
    // first record number right after it, at 53.
    static let cases: [(String, Int, UInt64, Int, DedupError)] = [
        // fuzz-002 (FuzzSignatures): a record number ≥ 2^63 trapped converting to Int.
        ("fuzz-002 record number 2^63", 53, 1 << 63, 8, .checksumMismatch),
        ("fuzz-002 record number 2^64-1", 53, UInt64.max, 8, .checksumMismatch),
        // fuzz-002 too: the document count went through the same conversion.
        ("fuzz-002 document count 2^63", 45, 1 << 63, 8, .truncated),
        // fuzz-003 (read next to fuzz-002): bands × rows of two u32 near 2^32 overflowed Int.
        ("fuzz-003 bands and rows 2^32-1", 20, UInt64.max, 8, .checksumMismatch),
        ("fuzz-003 bands 2^31", 20, 1 << 31, 4, .checksumMismatch),
    ]

    @Test(arguments: cases)
    func craftedFieldsAreRefused(_ label: String, _ offset: Int, _ value: UInt64, _ width: Int, _ expected: DedupError) {
        let bytes = Self.patched(Self.sample(), at: offset, value, width: width)
        #expect(throws: expected, "\(label)") { try SignatureFile(serialized: bytes) }
    }

    @Test func sampleOffsetsAreRight() throws {
        let file = try SignatureFile(serialized: Self.sample())
        #expect(file.entries.map(\.record) == [1, 2])
        // The record number at 53 is the first entry's.
        let moved = try SignatureFile(serialized: Self.patched(Self.sample(), at: 53, 9, width: 8))
        #expect(moved.entries.map(\.record) == [9, 2])
        let bands = try SignatureFile(serialized: Self.patched(Self.sample(), at: 20, 2, width: 4))
        #expect(bands.parameters.bands == 2)
    }
}
