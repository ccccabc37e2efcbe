import Boilerplate
import Testing

@testable import nazif

/// The spool's blobs: an entry is handed over only for the text it was made from.
@Suite struct KeySpoolTests {
    static func blob(for texts: [[UInt8]]) -> [UInt8] {
        var blob: [UInt8] = []
        KeyBlob.start(&blob)
        var hashes: [UInt64] = []
        for text in texts {
            let document = Document(utf8: text)
            text.withUnsafeBufferPointer { bytes in
                document.keyText.withUnsafeBufferPointer { key in
                    KeyBlob.append(text: bytes, key: key, hashCount: document.lineHashes.count, to: &blob)
                }
            }
            hashes += document.lineHashes
        }
        KeyBlob.finish(&blob, hashes: hashes)
        return blob
    }

    static let texts: [[UInt8]] = [Array("إقرأ أيضاً:\nنص المقال.\n".utf8), Array("سطر ثان\n\nوثالث".utf8), []]

    @Test func entriesComeBackForTheirTexts() {
        var reader = KeyBlob.Reader(Self.blob(for: Self.texts))
        for text in Self.texts {
            let document = Document(utf8: text)
            let entry = text.withUnsafeBufferPointer { bytes in
                reader.withNextEntry(for: bytes) { key, hashes in (Array(key), Array(hashes)) }
            }
            #expect(entry?.0 == document.keyText)
            #expect(entry?.1 == document.lineHashes)
        }
        #expect(reader.isUsable)
    }

    /// A text that changed between the passes, even keeping its length, gets no entry (it is
    /// keyed afresh), and neither does anything after it.
    @Test(arguments: [Array("إقرأ أيضاً:\nنص المقال!\n".utf8), Array("إقرأ أيضاً:\nنص المقال.\n\n".utf8), []])
    func aChangedTextGetsNoEntry(changed: [UInt8]) {
        var reader = KeyBlob.Reader(Self.blob(for: Self.texts))
        let entry = changed.withUnsafeBufferPointer { bytes in reader.withNextEntry(for: bytes) { key, _ in Array(key) } }
        #expect(entry == nil)
        #expect(!reader.isUsable)
        let next = Self.texts[1].withUnsafeBufferPointer { bytes in reader.withNextEntry(for: bytes) { key, _ in Array(key) } }
        #expect(next == nil)
    }

    /// A blob of another format version, or damaged, is not used.
    @Test(
        arguments: [{ (blob: inout [UInt8]) in blob[4] = 2 }, { $0[0] = 0x41 }, { $0.removeLast(3) }, { $0.removeAll() }]
            as [@Sendable (inout [UInt8]) -> Void])
    func aForeignOrDamagedBlobIsNotUsed(damage: @Sendable (inout [UInt8]) -> Void) {
        var blob = Self.blob(for: Self.texts)
        damage(&blob)
        var reader = KeyBlob.Reader(blob)
        let entry = Self.texts[0].withUnsafeBufferPointer { bytes in reader.withNextEntry(for: bytes) { key, _ in Array(key) } }
        #expect(entry == nil)
    }
}
