import Testing

@testable import Boilerplate

/// Table files written by hand, field by field, with a recomputed (valid) checksum: what an
/// attacker or a buggy tool can produce. Each must be refused with a ``BoilerplateError`` (the
/// CLI's exit 65), never trap or allocate beyond the file's size.
enum CraftedTable {
    struct Group {
        var name = "s"
        var nameLength: UInt32? = nil
        var documents: UInt64 = 3
        var entriesField: UInt64? = nil
        var entries: [(UInt64, UInt32)] = [(1, 2), (2, 3)]
    }

    static func bytes(_ groups: [Group], groupCount: UInt32? = nil) -> [UInt8] {
        var out = RepetitionTable.magic
        out.appendLittleEndian(RepetitionTable.formatVersion)
        out.appendLittleEndian(RepetitionTable.keyVersion)
        out.appendLittleEndian(groupCount ?? UInt32(groups.count))
        out.appendLittleEndian(UInt32(0))
        for group in groups {
            let name = Array(group.name.utf8)
            out.appendLittleEndian(group.nameLength ?? UInt32(name.count))
            out += name
            out.appendLittleEndian(group.documents)
            out.appendLittleEndian(group.entriesField ?? UInt64(group.entries.count))
            for (hash, count) in group.entries {
                out.appendLittleEndian(hash)
                out.appendLittleEndian(count)
            }
        }
        out.appendLittleEndian(out.withUnsafeBufferPointer { KeyHash.hash($0) })
        return out
    }

    static func isMalformed(_ error: BoilerplateError) -> Bool { error.code == .malformed }
}

@Suite struct CraftedTableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let groups: [CraftedTable.Group]
        var groupCount: UInt32? = nil
        /// nil: any `.malformed`.
        let expected: BoilerplateError?

        static let all: [Case] = [
            Case(testDescription: "documents 2^63", groups: [.init(documents: 1 << 63)], expected: nil),
            Case(testDescription: "documents UInt64.max", groups: [.init(documents: .max)], expected: nil),
            Case(testDescription: "entries 2^63", groups: [.init(entriesField: 1 << 63)], expected: .truncated),
            Case(testDescription: "entries UInt64.max", groups: [.init(entriesField: .max)], expected: .truncated),
            Case(testDescription: "entries one too many", groups: [.init(entriesField: 3)], expected: .truncated),
            Case(testDescription: "entries one too few", groups: [.init(entriesField: 1)], expected: .trailingBytes),
            Case(testDescription: "group count UInt32.max", groups: [.init()], groupCount: .max, expected: .truncated),
            Case(testDescription: "group count 2 for 1", groups: [.init()], groupCount: 2, expected: .truncated),
            Case(testDescription: "name length UInt32.max", groups: [.init(nameLength: .max)], expected: .truncated),
            Case(testDescription: "a zero count", groups: [.init(entries: [(1, 0)])], expected: nil),
            Case(testDescription: "a count above the documents", groups: [.init(documents: 2, entries: [(1, 3)])], expected: nil),
            Case(testDescription: "hashes decreasing", groups: [.init(entries: [(2, 1), (1, 1)])], expected: nil),
            Case(testDescription: "a hash twice", groups: [.init(entries: [(1, 1), (1, 1)])], expected: nil),
            Case(testDescription: "a group twice", groups: [.init(), .init()], expected: nil),
        ]
    }

    @Test(arguments: Case.all)
    func craftedTableIsRefused(_ test: Case) {
        let bytes = CraftedTable.bytes(test.groups, groupCount: test.groupCount)
        do {
            _ = try RepetitionTable(serialized: bytes)
            Issue.record("accepted")
        } catch {
            if let expected = test.expected { #expect(error == expected) } else { #expect(CraftedTable.isMalformed(error)) }
        }
    }

    @Test func wellFormedCraftedTableIsRead() throws {
        let table = try RepetitionTable(serialized: CraftedTable.bytes([.init(documents: UInt64(Int.max))]))
        let group = try #require(table.group(named: "s"))
        #expect(group.documents == Int.max)
        #expect(table.count(of: 2, in: group) == 3)
    }

    /// Merged counts saturate: a line's count at UInt32.max, documents at Int.max; the result
    /// is a table that reads back.
    static let saturating: [(UInt64, UInt32, UInt64, UInt32)] = [
        (UInt64(Int.max), UInt32.max, 1, 1),
        (UInt64(Int.max) - 5, UInt32.max - 1, UInt64(Int.max) - 5, UInt32.max - 1),
        (1 << 33, 1 << 31, 1 << 33, 1 << 31),
        (10, 4, 20, 5),
    ]

    @Test(arguments: saturating)
    func mergedCountsSaturate(documentsA: UInt64, countA: UInt32, documentsB: UInt64, countB: UInt32) throws {
        var total = try RepetitionTable(serialized: CraftedTable.bytes([.init(documents: documentsA, entries: [(UInt64(7), countA)])]))
        total.merge(try RepetitionTable(serialized: CraftedTable.bytes([.init(documents: documentsB, entries: [(UInt64(7), countB)])])))
        let back = try RepetitionTable(serialized: total.serialized())
        let group = try #require(back.group(named: "s"))
        let (documents, documentsOverflow) = Int(documentsA).addingReportingOverflow(Int(documentsB))
        #expect(group.documents == (documentsOverflow ? Int.max : documents))
        let (count, countOverflow) = countA.addingReportingOverflow(countB)
        #expect(back.count(of: 7, in: group) == Int(countOverflow ? UInt32.max : count))
    }
}
