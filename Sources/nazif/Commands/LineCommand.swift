import ArgumentParser

/// A line-by-line subcommand (`normalize`, `tokenize`, `translit`, `names romanize|key|match`):
/// it says how to transform a chunk of lines, and the shared `run()` does the rest in one
/// place: report failures under the command's name (taken from its configuration), then run a
/// ``LineFilter`` over ``input``. ArgumentParser has called `validate()` before `run()`.
///
/// ```swift
/// struct Shout: LineCommand {
///     static let configuration = CommandConfiguration(commandName: "shout")
///     @OptionGroup var input: LineInputOptions
///     func lineTransforms() throws -> LineTransforms {
///         LineTransforms { chunk in chunk.bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 } }
///     }
/// }
/// ```
protocol LineCommand: ParsableCommand {
    /// The command this one is a subcommand of (`names` for `names key`); nil at the top level.
    static var parentCommand: (any ParsableCommand.Type)? { get }
    /// The files, `-o`, `--on-error`, `--threads` and `--progress`.
    var input: LineInputOptions { get }
    /// The transforms for this run. Runs after validation and before any input is read; a
    /// ``Failure`` it throws is reported like the filter's own.
    func lineTransforms() throws -> LineTransforms
}

extension LineCommand {
    static var parentCommand: (any ParsableCommand.Type)? { nil }

    /// The name in messages: "normalize", "names key".
    static var commandPath: String {
        [parentCommand?.configuration.commandName, configuration.commandName].compactMap { $0 }.joined(separator: " ")
    }

    func run() throws { try runLineFilter() }

    /// Builds the transforms and filters the input with them, failures reported as
    /// "nazif COMMAND: message" with their exit code.
    func runLineFilter() throws {
        try runReportingFailures(Self.commandPath) {
            try LineFilter(command: Self.commandPath, options: input, transforms: try lineTransforms()).run()
        }
    }
}

/// What a ``LineCommand`` does to its input's chunks.
struct LineTransforms {
    /// Turns a chunk of valid UTF-8 lines into output bytes. Runs on worker threads.
    var transform: @Sendable (LineChunk) -> [UInt8]
    /// Optionally, a transform that checks UTF-8 as it goes and returns the first invalid offset:
    /// valid chunks (nearly all) then skip the separate validation pass.
    var checking: (@Sendable (LineChunk) -> (output: [UInt8], firstInvalid: Int?))? = nil
    /// With `--jsonl --field`: rewrites the field of each record instead.
    var fieldRewriter: JSONFieldRewriter? = nil

    init(_ transform: @escaping @Sendable (LineChunk) -> [UInt8]) {
        self.transform = transform
    }

    /// A transform that checks UTF-8 itself, used both ways.
    init(checking: @escaping @Sendable (LineChunk) -> (output: [UInt8], firstInvalid: Int?)) {
        self.transform = { checking($0).output }
        self.checking = checking
    }
}
