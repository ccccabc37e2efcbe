/// One band's buckets: band key → the first document that had it, in open addressing with
/// linear probing. A slot is one UInt64: the key's top 32 bits and the document number + 1
/// (0 is an empty slot), so a band costs 8 bytes per slot. Two keys with the same top 32 bits
/// meet as a candidate pair, which the sketch check then rejects (at a million documents one
/// lookup in 4 000 finds such a stranger).
struct BandTable: Sendable {
    private(set) var slots: [UInt64]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The document holding `key`, or nil after inserting `document` for it.
    mutating func findOrInsert(_ key: UInt64, document: Int) -> Int? {
        if count * 10 >= slots.count * 7 { grow() }
        let tag = key >> 32
        var index = Self.position(tag: tag, mask: mask)
        while true {
            let slot = slots[index]
            if slot == 0 {
                slots[index] = tag << 32 | UInt64(document + 1)
                count += 1
                return nil
            }
            if slot >> 32 == tag { return Int(slot & 0xFFFF_FFFF) - 1 }
            index = (index + 1) & mask
        }
    }

    /// Bytes held.
    var bytes: Int { slots.count * 8 }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            var index = Self.position(tag: slot >> 32, mask: mask)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    @inline(__always)
    static func position(tag: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (tag &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }
}
