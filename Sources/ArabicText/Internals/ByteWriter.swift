/// A growable byte buffer for the hot loops: appends are a bounds check and a store, with no
/// copy-on-write uniqueness checks. Not copyable, so the buffer has one owner and is freed once.
///
/// ```swift
/// var writer = ByteWriter(capacity: 64)
/// writer.append(0x41)
/// let bytes = writer.toArray()   // [0x41]
/// ```
struct ByteWriter: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// The number of bytes written.
    var count: Int = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(minimum: count + extra) }
    }

    @inline(never)
    private mutating func grow(minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        // SAFETY: both regions are allocated for at least `count` bytes and do not overlap.
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        // SAFETY: reserve guaranteed count < capacity.
        base[count] = byte
        count &+= 1
    }

    /// Appends up to four bytes packed little-endian in `packed` (the first byte in the low bits).
    @inline(__always)
    mutating func appendPacked(_ packed: UInt32, length: Int) {
        reserve(4)
        // SAFETY: reserve guaranteed four writable bytes; only `length` of them are counted.
        (UnsafeMutableRawPointer(base) + count).storeBytes(of: packed.littleEndian, as: UInt32.self)
        count &+= length
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        // SAFETY: reserve made room for bytes.count bytes after count; the source is caller-owned
        // memory distinct from ours.
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: borrowing ByteWriter) {
        append(bytes.bytes)
    }

    /// Forgets the bytes after `newCount` (rollback in the normalizer's slow path).
    @inline(__always)
    mutating func truncate(to newCount: Int) {
        count = newCount
    }

    /// The written bytes, valid until the next mutation.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Whether the written bytes from `start` equal `other`.
    func equals(_ other: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Bool {
        let mine = UnsafeBufferPointer(start: base + start, count: count - start)
        return mine.elementsEqual(other)
    }

    /// A copy of the written bytes as an array.
    func toArray() -> [UInt8] { Array(bytes) }

    /// Appends the written bytes to an array.
    func appendTo(_ array: inout [UInt8]) { array.append(contentsOf: bytes) }

    /// A copy of the written bytes as a String (the bytes are valid UTF-8 by construction).
    func toString() -> String { String(decoding: bytes, as: UTF8.self) }
}
