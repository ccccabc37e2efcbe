import Glibc

/// Standard input, output and error as the process found them. A stream closed by whoever
/// started us (`nazif clean --jsonl f >&-`) is reopened on /dev/null at once, so that no file
/// opened later takes its number (output written "to standard output" went into a temporary
/// file that way); commands that need the stream then stop with exit 74.
///
/// ```swift
/// StandardStreams.secure()              // first thing in main
/// if StandardStreams.outputIsClosed { … }
/// ```
enum StandardStreams {
    // SAFETY: written once by `secure()` on the main thread before any other thread starts.
    nonisolated(unsafe) private(set) static var inputIsClosed = false
    nonisolated(unsafe) private(set) static var outputIsClosed = false

    /// Finds the closed standard descriptors and puts /dev/null in their place.
    static func secure() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            // open(2) returns the lowest free number: this one, as the lower ones are open.
            let replacement = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if replacement >= 0 && replacement != descriptor {
                dup2(replacement, descriptor)
                close(replacement)
            }
            if descriptor == 0 { inputIsClosed = true }
            if descriptor == 1 { outputIsClosed = true }
        }
    }
}
