import Boilerplate

/// The signatures of one input's documents, in a file that other machines' files can be merged
/// with (`nazif dedup signatures` writes one, `nazif dedup clusters` reads many).
///
/// Format version 1, all integers little-endian:
///
/// ```
/// magic        8 bytes   "NAZIFSG" and a zero byte
/// version      u32       1
/// key version  u32       1: the `key` normalization profile of Nazif 0.1
/// shingle      u32       words per shingle
/// bands        u32
/// rows         u32
/// reserved     u32       0
/// seed         u64
/// source       u32 length + UTF-8 bytes (the input's name, as `apply` will be given it)
/// documents    u64, then per document:
///   record     u64       its record number in the source (from 1)
///   length     u32       its text's bytes
///   words      u32
///   kind       u8        0 empty, 1 exact (one u64 key follows), 2 shingled (bands u64 keys
///                        and bands × rows sketch bytes follow)
/// checksum     u64       KeyHash of every byte before it
/// ```
///
/// ```swift
/// var file = SignatureFile(parameters: MinHashParameters(), source: "part-0.jsonl")
/// file.append(record: 1, length: 120, signature: signature)
/// let bytes = file.serialized()
/// let back = try SignatureFile(serialized: bytes)
/// ```
public struct SignatureFile: Sendable {
    /// One document's entry.
    public struct Entry: Sendable, Hashable {
        /// Its record number in the source (from 1).
        public let record: Int
        /// Its text's length in bytes.
        public let length: Int
        /// Its signature.
        public let signature: Signature
    }

    static let magic: [UInt8] = Array("NAZIFSG".utf8) + [0]
    static let formatVersion: UInt32 = 1
    static let keyVersion: UInt32 = 1

    /// The parameters the signatures were made with.
    public let parameters: MinHashParameters
    /// The input's name.
    public let source: String
    /// The documents, in input order.
    public private(set) var entries: [Entry] = []

    /// An empty file for `source`.
    ///
    /// ```swift
    /// var file = SignatureFile(parameters: MinHashParameters(), source: "-")
    /// ```
    public init(parameters: MinHashParameters, source: String) {
        self.parameters = parameters
        self.source = source
    }

    /// Adds a document's entry.
    ///
    /// ```swift
    /// file.append(record: 2, length: 80, signature: signature)
    /// ```
    public mutating func append(record: Int, length: Int, signature: Signature) {
        entries.append(Entry(record: record, length: length, signature: signature))
    }

    /// The file's bytes.
    ///
    /// ```swift
    /// let bytes = file.serialized()
    /// ```
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + entries.count * (24 + parameters.bands * 8 + parameters.permutations))
        out += Self.magic
        out.appendLittleEndian(Self.formatVersion)
        out.appendLittleEndian(Self.keyVersion)
        out.appendLittleEndian(UInt32(parameters.shingleSize))
        out.appendLittleEndian(UInt32(parameters.bands))
        out.appendLittleEndian(UInt32(parameters.rows))
        out.appendLittleEndian(UInt32(0))
        out.appendLittleEndian(parameters.seed)
        let name = Array(source.utf8)
        out.appendLittleEndian(UInt32(name.count))
        out += name
        out.appendLittleEndian(UInt64(entries.count))
        for entry in entries {
            out.appendLittleEndian(UInt64(entry.record))
            out.appendLittleEndian(UInt32(clamping: entry.length))
            out.appendLittleEndian(UInt32(clamping: entry.signature.wordCount))
            out.append(entry.signature.kind.rawValue)
            for key in entry.signature.bandKeys { out.appendLittleEndian(key) }
            out += entry.signature.sketch
        }
        let checksum = out.withUnsafeBufferPointer { KeyHash.hash($0) }
        out.appendLittleEndian(checksum)
        return out
    }

    /// Reads a signature file; `threshold` goes into the parameters (it is not stored: the
    /// reader chooses it).
    ///
    /// ```swift
    /// let file = try SignatureFile(serialized: bytes, threshold: 0.8)
    /// ```
    public init(serialized bytes: [UInt8], threshold: Double = 0.8) throws(DedupError) {
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else { throw .notASignatureFile }
        guard bytes.count >= 56 else { throw .truncated }
        let body = bytes.count - 8
        let version = bytes.readLittleEndian(UInt32.self, at: 8)
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        let computed = bytes.withUnsafeBufferPointer { KeyHash.hash(UnsafeBufferPointer(rebasing: $0[0..<body])) }
        guard bytes.readLittleEndian(UInt64.self, at: body) == computed else { throw .checksumMismatch }
        let keyVersion = bytes.readLittleEndian(UInt32.self, at: 12)
        guard keyVersion == Self.keyVersion else { throw .unsupportedKeyVersion(keyVersion) }
        let shingle = Int(bytes.readLittleEndian(UInt32.self, at: 16))
        let bands = Int(bytes.readLittleEndian(UInt32.self, at: 20))
        let rows = Int(bytes.readLittleEndian(UInt32.self, at: 24))
        // Each bound first: two u32 near 2^32 multiply past Int.max (and trap).
        guard shingle >= 1, (1...1024).contains(bands), (1...1024).contains(rows), bands * rows <= 1024 else { throw .checksumMismatch }
        parameters = MinHashParameters(
            shingleSize: shingle, bands: bands, rows: rows,
            seed: bytes.readLittleEndian(UInt64.self, at: 32), threshold: threshold)
        var offset = 40
        func need(_ count: Int) throws(DedupError) { if offset + count > body { throw .truncated } }
        try need(4)
        let nameLength = Int(bytes.readLittleEndian(UInt32.self, at: offset))
        offset += 4
        try need(nameLength + 8)
        source = String(decoding: bytes[offset..<(offset + nameLength)], as: UTF8.self)
        offset += nameLength
        // A u64 past Int.max is refused, not converted (the conversion traps): fuzz-002.
        guard let count = Int(exactly: bytes.readLittleEndian(UInt64.self, at: offset)) else { throw .truncated }
        offset += 8
        guard count <= (body - offset) / 17 else { throw .truncated }
        entries.reserveCapacity(count)
        let permutations = bands * rows
        for _ in 0..<count {
            try need(17)
            guard let record = Int(exactly: bytes.readLittleEndian(UInt64.self, at: offset)) else { throw .checksumMismatch }
            let length = Int(bytes.readLittleEndian(UInt32.self, at: offset + 8))
            let words = Int(bytes.readLittleEndian(UInt32.self, at: offset + 12))
            guard let kind = Signature.Kind(rawValue: bytes[offset + 16]) else { throw .checksumMismatch }
            offset += 17
            var keys: [UInt64] = []
            var sketch: [UInt8] = []
            switch kind {
            case .empty:
                break
            case .exact:
                try need(8)
                keys = [bytes.readLittleEndian(UInt64.self, at: offset)]
                offset += 8
            case .shingled:
                try need(bands * 8 + permutations)
                keys.reserveCapacity(bands)
                for band in 0..<bands { keys.append(bytes.readLittleEndian(UInt64.self, at: offset + band * 8)) }
                offset += bands * 8
                sketch = Array(bytes[offset..<(offset + permutations)])
                offset += permutations
            }
            entries.append(
                Entry(
                    record: record, length: length,
                    signature: Signature(kind: kind, bandKeys: keys, sketch: sketch, wordCount: words)))
        }
        guard offset == body else { throw .trailingBytes }
    }
}
