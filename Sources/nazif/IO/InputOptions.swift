import ArgumentParser
import Glibc

/// What to do with bad input instead of stopping.
enum ErrorPolicy: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Stop at the first bad line: exit 65 with file, line and byte.
    case fail
    /// Write U+FFFD for each invalid UTF-8 sequence and go on; the count goes to standard error.
    case replace
    /// Leave the bad record out and go on; the count goes to standard error.
    case skip
}

/// The options every streaming subcommand shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files to read, in order; standard input when none or '-'.",
                                 valueName: "file"))
    var files: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file instead of standard output. It appears only when the command succeeds.",
        valueName: "file"))
    var output: String?

    @Option(name: .customLong("on-error"), help: ArgumentHelp(
        "On invalid UTF-8: fail (exit 65 with file, line and byte) or replace (write U+FFFD and report the count).",
        valueName: "fail|replace"))
    var onError: ErrorPolicy = .fail

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Show progress on standard error: bytes done of the total, percent, rates, time left (default: only when standard error is a terminal)."))
    var progress: Bool? = nil

    @Option(help: ArgumentHelp("Worker threads (default: every core). Output order never depends on it.",
                               valueName: "n"))
    var threads: Int?

    /// The inputs, "-" standing for standard input.
    var paths: [String] { files.isEmpty ? [InputFile.standardInput] : files }

    var threadCount: Int { threads ?? Self.coreCount }

    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    func validate() throws {
        if let threads, threads < 1 || threads > 1024 {
            throw ValidationError("--threads must be between 1 and 1024")
        }
        if files.filter({ $0 == InputFile.standardInput }).count > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
    }

    /// For commands where skipping a line would break "one output line per input line".
    func validateLinePolicy() throws {
        if onError == .skip {
            throw ValidationError("--on-error skip is for record-oriented input (clean --jsonl); use fail or replace")
        }
    }
}
