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

/// The `--on-error` values a command accepts, and their help.
protocol ErrorPolicyChoice: ExpressibleByArgument, CaseIterable, Sendable {
    var policy: ErrorPolicy { get }
    static var help: String { get }
    static var valueName: String { get }
}

extension ErrorPolicy: ErrorPolicyChoice {
    var policy: ErrorPolicy { self }
    static let help =
        "On a bad record (invalid UTF-8, malformed JSON): fail (exit 65 with file, line and byte), replace (invalid UTF-8 becomes U+FFFD; other bad records are left out) or skip (the record is left out); replace and skip report the count."
    static let valueName = "fail|replace|skip"
}

/// `--on-error` of the line-by-line commands, where leaving a line out would break "one output
/// line per input line".
enum LinePolicy: String, ErrorPolicyChoice {
    case fail, replace

    var policy: ErrorPolicy { self == .fail ? .fail : .replace }
    static let help =
        "On invalid UTF-8 or, with --jsonl, a malformed JSON record: fail (exit 65 with file, line and byte) or replace (write U+FFFD for invalid UTF-8 and a malformed record unchanged; report the counts)."
    static let valueName = "fail|replace"
}

/// The options of the record-oriented commands (`clean`, `learn`).
typealias InputOptions = StreamOptions<ErrorPolicy>
/// The options of the line-by-line commands (`normalize`, `tokenize`, `translit`, `names`).
typealias LineInputOptions = StreamOptions<LinePolicy>

/// The options every streaming subcommand shares; `Choice` is the `--on-error` values it accepts.
struct StreamOptions<Choice: ErrorPolicyChoice>: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Files to read, in order; standard input when none or '-'.",
            valueName: "file"))
    var files: [String] = []

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write to this file instead of standard output. It appears only when the command succeeds.",
            valueName: "file"))
    var output: String?

    @Option(name: .customLong("on-error"), help: ArgumentHelp(Choice.help, valueName: Choice.valueName))
    var onErrorChoice: Choice = Choice(argument: "fail")!

    var onError: ErrorPolicy { onErrorChoice.policy }

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Show progress on standard error: bytes done of the total, percent, rates, time left (default: only when standard error is a terminal)."))
    var progress: Bool? = nil

    @Option(
        help: ArgumentHelp(
            "Worker threads (default: every core). Output order never depends on it.",
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
}
