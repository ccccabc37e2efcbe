/// The JSON Lines records that had no string `--field` (or `--group-by`) value, counted by every
/// command that reads `--jsonl` (`clean`, `learn`, `dedup` through ``forEachDocument``;
/// `normalize`, `tokenize` through ``JSONFieldRewriter``): a warning after the run says how many,
/// and with `--strict` the first one stops the run (exit 65, its file and line).
struct FieldTally: Sendable {
    /// JSON records read (blank lines and malformed records not counted).
    var records = 0
    /// Records without a string value for `--field`.
    var withoutField = 0
    /// Records without a string value for `--group-by` (counted only when it was given).
    var withoutGroup = 0
    /// With `--strict`: the message of the first record without one ("FILE:LINE: no …"); the
    /// batch stops there.
    var strictFailure: String? = nil

    mutating func add(_ other: FieldTally) {
        records += other.records
        withoutField += other.withoutField
        withoutGroup += other.withoutGroup
        if strictFailure == nil { strictFailure = other.strictFailure }
    }

    /// The failure of `--strict` for a record at `source:line` without a string `name`, named by
    /// `option` (`--field` or `--group-by`).
    static func strictMessage(source: String, line: Int, name: String, option: String) -> String {
        "\(source):\(line): no \"\(name)\" field (\(option); --strict)"
    }

    /// The warnings for standard error after the run (without the "nazif CMD: " prefix).
    /// `passed` says what happened to a record without the field ("they were passed through
    /// unchanged").
    func warnings(field: String, groupBy: String?, passed: String = "they were passed through unchanged") -> [String] {
        var lines: [String] = []
        if withoutField > 0 {
            lines.append("warning: \(withoutField.grouped) of \(records.grouped) records have no \"\(field)\" field (--field); \(passed)")
        }
        if let groupBy, withoutGroup > 0 {
            lines.append(
                "warning: \(withoutGroup.grouped) of \(records.grouped) records have no \"\(groupBy)\" field (--group-by); they went to the group \"\""
            )
        }
        return lines
    }
}

extension Int {
    /// The number with a comma between groups of three digits: 1234567 → "1,234,567".
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}
