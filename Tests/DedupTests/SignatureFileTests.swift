import Dedup
import Testing

@Suite struct SignatureFileTests {
    static func sample() -> SignatureFile {
        let parameters = MinHashParameters(bands: 14, rows: 8, seed: 7)
        var file = SignatureFile(parameters: parameters, source: "part-0.jsonl")
        for (record, text) in ["", "نص قصير", Texts.text(120, seed: 3)].enumerated() {
            file.append(record: record + 1, length: text.utf8.count, signature: Signature(text: text, parameters: parameters))
        }
        return file
    }

    @Test func roundTrip() throws {
        let file = Self.sample()
        let back = try SignatureFile(serialized: file.serialized())
        #expect(back.parameters == file.parameters)
        #expect(back.source == file.source)
        #expect(back.entries == file.entries)
    }

    static let corruptions: [(String, @Sendable ([UInt8]) -> [UInt8], DedupError)] = [
        ("empty", { _ in [] }, .notASignatureFile),
        (
            "other magic",
            { bytes in
                var b = bytes; b[0] = 0x41; return b
            }, .notASignatureFile
        ),
        ("truncated header", { Array($0.prefix(20)) }, .truncated),
        (
            "version 2",
            { bytes in
                var b = bytes; b[8] = 2; return b
            }, .unsupportedVersion(2)
        ),
        (
            "flipped byte",
            { bytes in
                var b = bytes; b[b.count / 2] ^= 0x10; return b
            }, .checksumMismatch
        ),
        ("cut short", { Array($0.dropLast(9)) }, .checksumMismatch),
    ]

    @Test(arguments: corruptions)
    func refused(_ label: String, _ corrupt: @Sendable ([UInt8]) -> [UInt8], _ expected: DedupError) {
        #expect(throws: expected, "\(label)") { try SignatureFile(serialized: corrupt(Self.sample().serialized())) }
    }
}
