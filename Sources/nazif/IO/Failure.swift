import ArgumentParser
import Glibc

/// The exit codes of every subcommand (sysexits.h), documented in the README.
enum ExitStatus {
    /// Bad usage: unknown option, bad value.
    static let usage: Int32 = 64
    /// Bad input data: invalid UTF-8, malformed JSON, a corrupt table file.
    static let dataError: Int32 = 65
    /// An input file is missing or unreadable.
    static let noInput: Int32 = 66
    /// An I/O error while reading or writing.
    static let ioError: Int32 = 74
}

/// A failure to report on standard error before exiting with `status`.
struct Failure: Error {
    let status: Int32
    let message: String

    static func usage(_ message: String) -> Failure { Failure(status: ExitStatus.usage, message: message) }
    static func data(_ message: String) -> Failure { Failure(status: ExitStatus.dataError, message: message) }
    static func noInput(_ message: String) -> Failure { Failure(status: ExitStatus.noInput, message: message) }
    static func io(_ message: String) -> Failure { Failure(status: ExitStatus.ioError, message: message) }

    /// The text of the current errno.
    static func describeErrno(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}

/// Writes a line to standard error, unbuffered.
func reportError(_ message: String) {
    var line = message
    if !line.hasSuffix("\n") { line += "\n" }
    // Nowhere to report a failure to write to standard error: it is dropped.
    line.withUTF8 { try? FileDescriptor.standardError.writeAll(UnsafeRawBufferPointer($0)) }
}

/// Runs a subcommand body, turning a ``Failure`` into its message and exit code.
func runReportingFailures(_ command: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        reportError("nazif \(command): \(failure.message)")
        throw ExitCode(failure.status)
    }
}
