/// A set of word-stem hashes (the lead of an article, ``RuleContext/leadWords(_:)``): open
/// addressing in one array, so filling it with a lead's few hundred words and asking for each
/// word of a candidate title costs no sort and no allocation per word.
struct StemSet {
    /// Slots of the table; `0` marks an empty slot (a stem whose hash is 0 is kept aside).
    private var slots: [UInt64]
    private var count = 0
    private var holdsZero = false

    init() { slots = Array(repeating: 0, count: 256) }

    /// No stem was inserted.
    var isEmpty: Bool { count == 0 && !holdsZero }

    mutating func insert(_ stem: UInt64) {
        guard stem != 0 else {
            holdsZero = true
            return
        }
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: stem >> 7) & mask
        while slots[slot] != 0 {
            if slots[slot] == stem { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = stem
        count += 1
    }

    func contains(_ stem: UInt64) -> Bool {
        guard stem != 0 else { return holdsZero }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: stem >> 7) & mask
        while slots[slot] != 0 {
            if slots[slot] == stem { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        count = 0
        for stem in old where stem != 0 { insert(stem) }
    }
}
