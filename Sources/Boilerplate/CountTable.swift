/// A hash map from line hashes to counts, by open addressing. The keys are already 64-bit
/// hashes, so their low bits index the slots directly; Swift's Dictionary would hash them again
/// with SipHash, which measured at about 8% of `nazif clean` (learning and lookups together).
/// A zero count marks an empty slot (stored counts are at least 1).
struct CountTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private(set) var count = 0
    private var mask: Int

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The count for a key (0 when absent).
    @inline(__always)
    func count(of key: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let value = values[slot]
            if value == 0 { return 0 }
            if keys[slot] == key { return value }
            slot = (slot &+ 1) & mask
        }
    }

    /// Asks for the slot where a lookup of `key` starts, ahead of the lookup: a document's lines
    /// land at random slots, and a lookup that waits for each in turn spent most of its time on
    /// cache misses; hinted first, the misses overlap.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        let slot = Int(truncatingIfNeeded: key) & mask
        // SAFETY: slot < capacity (masked), so both addresses lie inside the arrays; a prefetch
        // reads nothing anyway.
        values.withUnsafeBufferPointer { CacheHint.prefetch($0.baseAddress! + slot) }
        keys.withUnsafeBufferPointer { CacheHint.prefetch($0.baseAddress! + slot) }
    }

    /// Adds `amount` to a key's count; a count saturates at `UInt32.max` instead of wrapping
    /// (merged tables of more than 4 billion documents keep "very many").
    @inline(__always)
    mutating func add(_ key: UInt64, _ amount: UInt32 = 1) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            if values[slot] == 0 {
                keys[slot] = key
                values[slot] = amount
                count += 1
                return
            }
            if keys[slot] == key {
                let (sum, overflow) = values[slot].addingReportingOverflow(amount)
                values[slot] = overflow ? .max : sum
                return
            }
            slot = (slot &+ 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for index in 0..<oldKeys.count where oldValues[index] != 0 { add(oldKeys[index], oldValues[index]) }
    }

    /// Every (key, count) pair, in slot order.
    var pairs: [(key: UInt64, count: UInt32)] {
        (0..<keys.count).compactMap { values[$0] == 0 ? nil : (keys[$0], values[$0]) }
    }
}
