import Boilerplate
import Glibc

/// The key text of every document, kept on disk between the two passes of `nazif clean`: the
/// first pass computes each document's key text to count its lines, the second needs the same
/// text for the rules. Computing it once took `clean --threads 1` on the 20 MB corpus from about
/// 0.37 to 0.30 s (the `key` fold is the largest single cost of cleaning), and a temporary file
/// keeps memory flat however long the input: the spool is about as large as the input's text,
/// in `$TMPDIR`, unlinked at once so it disappears with the process whatever happens.
///
/// The spool holds at most ``maximumBytes`` (2 GiB, or `NAZIF_KEY_SPOOL_LIMIT` bytes; 0 turns it
/// off): `$TMPDIR` is often a RAM-backed tmpfs, and
/// a spool as large as a 50 GB input would fill it. From the first batch past the cap on,
/// nothing more is spooled (or recorded) and the second pass computes the keys, so the output
/// is the same.
///
/// One blob per batch, in batch order (both passes cut the input into the same batches). A
/// blob holds, for each document of the batch that has a text, its text length, its key text
/// and its line hashes (``KeyBlob``). A batch with a bad record is not spooled: the second pass computes its
/// keys itself. The spool is an optimization only: if the file cannot be created or written,
/// the second pass computes every key.
final class KeySpool {
    private let file: FileDescriptor
    /// Per batch: the blob's length, or nil when the batch was not spooled.
    private var lengths: [Int?] = []
    private var nextBatch = 0
    /// A write or seek failed: nothing is read back.
    private var failed = false
    /// The cap was reached (or a write failed): later batches are not recorded.
    private var isClosed = false
    /// Bytes written so far, and the cap.
    private var spooledBytes = 0
    let maximumBytes: Int

    /// The cap: `NAZIF_KEY_SPOOL_LIMIT` (bytes) when set to a number, else 2 GiB.
    static var defaultMaximumBytes: Int {
        guard let value = getenv("NAZIF_KEY_SPOOL_LIMIT"), let limit = Int(String(cString: value)), limit >= 0
        else { return 2 << 30 }
        return limit
    }

    /// A spool in `$TMPDIR`, or nil when no temporary file can be made.
    init?(maximumBytes: Int = KeySpool.defaultMaximumBytes) {
        self.maximumBytes = maximumBytes
        guard let file = try? TemporaryFile.anonymous(in: ProcessEnvironment.temporaryDirectory, prefix: "nazif-keys-")
        else { return nil }
        self.file = file
    }

    deinit { file.close() }

    /// Appends the next batch's blob (nil: the batch is not spooled). First pass, in order.
    func append(_ blob: [UInt8]?) {
        guard !isClosed else { return }
        guard let blob else {
            lengths.append(nil)
            return
        }
        guard spooledBytes + blob.count <= maximumBytes else {
            isClosed = true
            return
        }
        let file = self.file
        if blob.withUnsafeBytes({ bytes in (try? file.writeAll(bytes)) != nil }) {
            spooledBytes += blob.count
            lengths.append(blob.count)
        } else {
            failed = true
            isClosed = true
        }
    }

    /// Gets ready for the second pass.
    func rewind() {
        nextBatch = 0
        if lseek(file.rawValue, 0, SEEK_SET) != 0 { failed = true }
    }

    /// The next batch's blob, or nil when it was not spooled. Second pass, in order.
    func next() -> [UInt8]? {
        defer { nextBatch += 1 }
        guard !failed, nextBatch < lengths.count, let length = lengths[nextBatch] else {
            // Nothing was written for a batch that was not spooled: the file position is right.
            return nil
        }
        var complete = true
        let blob = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            // SAFETY: reads go into the buffer's `length` bytes; `initialized` counts those filled.
            initialized = (try? file.readFully(into: UnsafeMutableRawBufferPointer(buffer))) ?? 0
            complete = initialized == length
        }
        if !complete {
            failed = true
            return nil
        }
        return blob
    }
}

/// The blob of one batch (format version 1): the magic "NZKS" and a little-endian UInt32
/// version; then, for each document with a text, a UInt32 text length, the text's UInt64
/// ``Document/fingerprint(of:)``, a UInt32 key length, a UInt32 count of line hashes and the key
/// bytes; then the line hashes of all the batch's documents (UInt64 each, little-endian, in
/// order: those of ``Document/lineHashes``) and their number (UInt64). The second pass hands
/// both to the cleaner, which computes neither again, but only for a text whose length and
/// fingerprint match the entry's: an input that changed between the passes (or a damaged spool)
/// is keyed afresh, never cleaned with another text's keys.
enum KeyBlob {
    static let magic: [UInt8] = Array("NZKS".utf8)
    static let version: UInt32 = 1
    static let headerSize = 8
    static let entryHeaderSize = 20

    /// Starts a blob with its header.
    static func start(_ blob: inout [UInt8]) {
        blob.append(contentsOf: magic)
        appendUInt32(version, to: &blob)
    }

    static func append(text: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>, hashCount: Int, to blob: inout [UInt8]) {
        appendUInt32(UInt32(truncatingIfNeeded: text.count), to: &blob)
        withUnsafeBytes(of: Document.fingerprint(of: text).littleEndian) { blob.append(contentsOf: $0) }
        appendUInt32(UInt32(truncatingIfNeeded: key.count), to: &blob)
        appendUInt32(UInt32(truncatingIfNeeded: hashCount), to: &blob)
        blob.append(contentsOf: key)
    }

    /// Ends a blob with the batch's line hashes.
    static func finish(_ blob: inout [UInt8], hashes: [UInt64]) {
        hashes.withUnsafeBytes { blob.append(contentsOf: $0) }  // little-endian hosts only (x86-64, arm64)
        withUnsafeBytes(of: UInt64(hashes.count).littleEndian) { blob.append(contentsOf: $0) }
    }

    private static func appendUInt32(_ value: UInt32, to blob: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { blob.append(contentsOf: $0) }
    }

    /// Reads a blob's entries in order.
    struct Reader {
        private let blob: [UInt8]
        /// The batch's line hashes (copied out of the blob: its bytes are not aligned for them).
        private let hashes: [UInt64]
        /// Where the entries end (the hashes begin).
        private let entriesEnd: Int
        private var position = KeyBlob.headerSize
        private var hashPosition = 0
        /// False once an entry did not match its document: the rest is not trusted.
        private(set) var isUsable = true

        init(_ blob: [UInt8]) {
            self.blob = blob
            var hashes: [UInt64] = []
            var entriesEnd = 0
            var usable = false
            if blob.count >= KeyBlob.headerSize + 8, blob.starts(with: KeyBlob.magic),
                Self.read(UInt32.self, blob, at: 4) == KeyBlob.version
            {
                let count = Int(truncatingIfNeeded: Self.read(UInt64.self, blob, at: blob.count - 8))
                if count >= 0, count <= (blob.count - 8 - KeyBlob.headerSize) / 8 {
                    entriesEnd = blob.count - 8 - count * 8
                    hashes = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                        // SAFETY: copies count * 8 bytes, inside the blob, into the buffer's
                        // room for `count` hashes.
                        blob.withUnsafeBytes { bytes in
                            UnsafeMutableRawPointer(buffer.baseAddress!)
                                .copyMemory(from: bytes.baseAddress! + entriesEnd, byteCount: count * 8)
                        }
                        initialized = count
                    }
                    usable = true
                }
            }
            self.hashes = hashes
            self.entriesEnd = entriesEnd
            self.isUsable = usable
        }

        /// The next entry's key range in `blob` and line-hash range in `hashes`, if the entry
        /// is for this text (same length and fingerprint); otherwise stops using the blob and
        /// returns nil.
        private mutating func nextKey(for text: UnsafeBufferPointer<UInt8>) -> (key: Range<Int>, hashes: Range<Int>)? {
            guard isUsable, position + KeyBlob.entryHeaderSize <= entriesEnd else {
                isUsable = false
                return nil
            }
            let length = Int(Self.read(UInt32.self, blob, at: position))
            let fingerprint = Self.read(UInt64.self, blob, at: position + 4)
            let keyLength = Int(Self.read(UInt32.self, blob, at: position + 12))
            let hashCount = Int(Self.read(UInt32.self, blob, at: position + 16))
            let keyStart = position + KeyBlob.entryHeaderSize
            guard length == text.count, keyStart + keyLength <= entriesEnd,
                hashPosition + hashCount <= hashes.count,
                fingerprint == Document.fingerprint(of: text)
            else {
                isUsable = false
                return nil
            }
            position = keyStart + keyLength
            defer { hashPosition += hashCount }
            return (keyStart..<(keyStart + keyLength), hashPosition..<(hashPosition + hashCount))
        }

        /// Calls `body` with the next entry's key text and line hashes, as
        /// ``nextKey(for:)`` finds them for `text`; nil when there is no usable entry.
        mutating func withNextEntry<Result>(
            for text: UnsafeBufferPointer<UInt8>,
            _ body: (_ key: UnsafeBufferPointer<UInt8>, _ lineHashes: UnsafeBufferPointer<UInt64>) -> Result
        ) -> Result? {
            guard let (keyRange, hashRange) = nextKey(for: text) else { return nil }
            return blob.withUnsafeBufferPointer { blob in
                hashes.withUnsafeBufferPointer { hashes in
                    body(UnsafeBufferPointer(rebasing: blob[keyRange]), UnsafeBufferPointer(rebasing: hashes[hashRange]))
                }
            }
        }

        private static func read<Value: FixedWidthInteger>(_: Value.Type, _ blob: [UInt8], at offset: Int) -> Value {
            var value: Value = 0
            for index in 0..<MemoryLayout<Value>.size { value |= Value(blob[offset + index]) << (8 * index) }
            return value
        }
    }
}
