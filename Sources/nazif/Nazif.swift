import ArgumentParser
import Glibc

/// The `nazif` command line: stdin-or-files filters for cleaning scraped Arabic text.
@main
struct Nazif: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nazif",
        abstract: "Clean scraped Arabic text fast: normalize, tokenize, remove boilerplate.",
        discussion: """
            Every subcommand reads the files named (or standard input), writes standard output \
            (or -o FILE, written whole or not at all) and reports on standard error.
            Exit codes: 0 done, 64 bad usage, 65 bad input data (the message gives file, line \
            and byte), 66 input missing, 74 I/O error. A closed pipe ends quietly.
            """,
        version: "0.1.0",
        subcommands: [
            CleanCommand.self, LearnCommand.self, MergeCommand.self, NormalizeCommand.self,
            TokenizeCommand.self, TranslitCommand.self, NamesCommand.self, DedupCommand.self,
        ]
    )

    static func main() {
        StandardStreams.secure()
        // Chunk buffers are a few MB: keep them on the heap for reuse instead of fresh mmap'ed
        // (and zero-filled, page-faulted) memory for every chunk.
        _ = mallopt(-3 /* M_MMAP_THRESHOLD */, 256 << 20)
        _ = mallopt(-1 /* M_TRIM_THRESHOLD */, 512 << 20)
        // One arena for every thread: workers reuse the buffers the others freed instead of
        // faulting in pages of their own (the allocations are few and large, so the shared
        // arena's lock is not contended).
        _ = mallopt(-8 /* M_ARENA_MAX */, 1)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// glibc's mallopt(3); <malloc.h> is not part of the Glibc module. Two Int32 arguments and an
/// Int32 result: the C calling convention is the Swift one for these types.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
