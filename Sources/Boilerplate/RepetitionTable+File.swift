/// The table file format, version 1 (all integers little-endian):
///
/// ```
/// magic        8 bytes   "NAZIFRT" and a zero byte
/// version      u32       1
/// key version  u32       1: the `key` normalization profile and KeyHash of Nazif 0.1
/// groups       u32
/// reserved     u32       0
/// per group, by name:
///   name       u32 length + UTF-8 bytes
///   documents  u64
///   entries    u64, then that many (hash u64, count u32) pairs in increasing hash order
/// checksum     u64       KeyHash of every byte before it
/// ```
///
/// A file that is not a table, of another version, truncated or corrupted is refused with
/// ``BoilerplateError``.
extension RepetitionTable {
    static let magic: [UInt8] = Array("NAZIFRT".utf8) + [0]
    static let formatVersion: UInt32 = 1
    static let keyVersion: UInt32 = 1

    /// The table in the file format.
    ///
    /// ```swift
    /// let bytes = table.serialized()
    /// ```
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 + groups.values.reduce(0) { $0 + 24 + $1.name.utf8.count + 12 * $1.counts.count })
        out += Self.magic
        out.appendLittleEndian(Self.formatVersion)
        out.appendLittleEndian(Self.keyVersion)
        out.appendLittleEndian(UInt32(groups.count))
        out.appendLittleEndian(UInt32(0))
        for name in groups.keys.sorted() {
            let group = groups[name]!
            let nameBytes = Array(name.utf8)
            out.appendLittleEndian(UInt32(nameBytes.count))
            out += nameBytes
            out.appendLittleEndian(UInt64(group.documents))
            out.appendLittleEndian(UInt64(group.counts.count))
            for (hash, count) in group.counts.pairs.sorted(by: { $0.key < $1.key }) {
                out.appendLittleEndian(hash)
                out.appendLittleEndian(count)
            }
        }
        let checksum = out.withUnsafeBufferPointer { KeyHash.hash($0) }
        out.appendLittleEndian(checksum)
        return out
    }

    /// Reads a table file.
    ///
    /// ```swift
    /// let table = try RepetitionTable(serialized: bytes)
    /// ```
    public init(serialized bytes: [UInt8]) throws(BoilerplateError) {
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else { throw .notATable }
        guard bytes.count >= 32 else { throw .truncated }
        let body = bytes.count - 8
        let stored = bytes.readLittleEndian(UInt64.self, at: body)
        let computed = bytes.withUnsafeBufferPointer { KeyHash.hash(UnsafeBufferPointer(rebasing: $0[0..<body])) }
        let version = bytes.readLittleEndian(UInt32.self, at: 8)
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        guard stored == computed else { throw .checksumMismatch }
        let keyVersion = bytes.readLittleEndian(UInt32.self, at: 12)
        guard keyVersion == Self.keyVersion else { throw .unsupportedKeyVersion(keyVersion) }
        let groupCount = Int(bytes.readLittleEndian(UInt32.self, at: 16))
        var offset = 24
        func need(_ count: Int) throws(BoilerplateError) {
            if count > body - offset { throw .truncated }
        }
        // Every field is checked against the bytes that remain before anything is allocated:
        // a crafted file (its checksum is easy to recompute) cannot ask for more memory than
        // about four times its own size, nor hold a count that overflows later.
        guard groupCount <= (body - offset) / 20 else { throw .truncated }  // ≥ 20 bytes a group
        for _ in 0..<groupCount {
            try need(4)
            let nameLength = Int(bytes.readLittleEndian(UInt32.self, at: offset))
            offset += 4
            try need(nameLength + 16)
            let name = String(decoding: bytes[offset..<offset + nameLength], as: UTF8.self)
            guard groups[name] == nil else { throw .malformed("group \"\(name)\" appears twice") }
            offset += nameLength
            let documents = bytes.readLittleEndian(UInt64.self, at: offset)
            let entries = bytes.readLittleEndian(UInt64.self, at: offset + 8)
            offset += 16
            guard documents <= UInt64(Int.max) else { throw .malformed("group \"\(name)\" claims \(documents) documents") }
            guard entries <= UInt64((body - offset) / 12) else { throw .truncated }
            var counts = CountTable(minimumCapacity: Int(entries))
            var previous: UInt64? = nil
            for _ in 0..<Int(entries) {
                let hash = bytes.readLittleEndian(UInt64.self, at: offset)
                let count = bytes.readLittleEndian(UInt32.self, at: offset + 8)
                guard count > 0 else { throw .malformed("a line of group \"\(name)\" counted in 0 documents") }
                guard UInt64(count) <= documents else {
                    throw .malformed("a line of group \"\(name)\" counted in \(count) of its \(documents) documents")
                }
                guard previous.map({ $0 < hash }) ?? true else {
                    throw .malformed("the lines of group \"\(name)\" are not in increasing hash order")
                }
                previous = hash
                counts.add(hash, count)
                offset += 12
            }
            groups[name] = Group(name: name, documents: Int(documents), counts: counts)
        }
        guard offset == body else { throw .trailingBytes }
    }
}

/// Little-endian integers in byte arrays: the table and signature file formats (package API: the
/// Dedup module's signature files use them too).
extension Array where Element == UInt8 {
    /// Appends `value`'s bytes, least significant first.
    package mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// The integer whose bytes, least significant first, start at `offset` (the caller checks
    /// that they lie inside the array).
    package func readLittleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size {
            value |= T(self[offset + index]) << (8 * index)
        }
        return value
    }
}
