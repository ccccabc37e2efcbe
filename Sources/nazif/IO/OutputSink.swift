import Glibc

/// Where a command writes: standard output, or a file written whole or not at all (a temporary
/// file beside it, renamed over it when the command succeeds, removed when it fails).
final class OutputSink {
    private let descriptor: FileDescriptor
    /// For a file: the temporary file beside it, and the path it replaces on ``commit()``.
    private let file: (temporary: TemporaryFile, finalPath: String)?
    private var finished = false
    /// Set when the reader of standard output went away (`| head`): stop quietly.
    private(set) var isClosed = false

    private init(descriptor: Int32) {
        self.descriptor = FileDescriptor(rawValue: descriptor)
        self.file = nil
    }

    private init(temporary: TemporaryFile, finalPath: String) {
        self.descriptor = temporary.descriptor
        self.file = (temporary, finalPath)
    }

    /// Standard output. SIGPIPE is ignored so a closed pipe shows up as EPIPE, handled quietly.
    /// Closed when the process started (`>&-`): exit 74.
    static func standardOutput() throws -> OutputSink {
        guard !StandardStreams.outputIsClosed else { throw Failure.io("standard output is closed") }
        signal(SIGPIPE, SIG_IGN)
        return OutputSink(descriptor: 1)
    }

    /// Standard error (for --explain).
    static func standardError() -> OutputSink {
        signal(SIGPIPE, SIG_IGN)
        return OutputSink(descriptor: 2)
    }

    /// `path` or standard output when nil.
    static func make(path: String?) throws -> OutputSink {
        guard let path else { return try standardOutput() }
        return try atomicFile(path)
    }

    /// A file that appears only when ``commit()`` succeeds. "-" is standard output; an existing
    /// path that is not a regular file (/dev/null, /dev/stdout, a FIFO) is written directly, as
    /// there is nothing to replace atomically.
    static func atomicFile(_ path: String) throws -> OutputSink {
        signal(SIGPIPE, SIG_IGN)
        if path == "-" { return try standardOutput() }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            guard (info.st_mode & S_IFMT) != S_IFDIR else { throw Failure.io("\(path): is a directory") }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure.io("\(path): cannot open: \(Failure.describeErrno())") }
            return OutputSink(descriptor: descriptor)
        }
        // Through a symbolic link, replace the file it points to, not the link.
        var path = path
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        // A name of its own beside the file (same file system, so the rename is atomic), 0644
        // less the umask as a new file would be.
        do {
            let temporary = try TemporaryFile(prefix: "\(path).nazif-", suffix: ".tmp", permissions: 0o644)
            return OutputSink(temporary: temporary, finalPath: path)
        } catch {
            throw Failure.io("\(path): cannot create: \(error.message)")
        }
    }

    deinit { if !finished { discard() } }

    /// Writes all bytes. A closed pipe marks the sink closed and returns; other errors: exit 74.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !isClosed else { return }
        do {
            try descriptor.writeAll(bytes)
        } catch {
            if error.code == EPIPE && file == nil {
                isClosed = true
                return
            }
            throw Failure.io("\(file?.finalPath ?? "standard output"): write failed: \(error.message)")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { (buffer) throws in try write(buffer) }
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { (buffer) throws in try write(UnsafeRawBufferPointer(buffer)) }
    }

    /// Makes the output final: flushes a file to disk and renames it into place.
    func commit() throws {
        guard !finished else { return }
        finished = true
        guard let (temporary, finalPath) = file else { return }
        do {
            try temporary.commit(as: finalPath)
        } catch .flush(let error) {
            throw Failure.io("\(finalPath): write failed: \(error.message)")
        } catch .rename(let error) {
            throw Failure.io("\(finalPath): cannot rename into place: \(error.message)")
        }
    }

    /// Abandons the output: a file under construction is removed.
    func discard() {
        guard !finished else { return }
        finished = true
        file?.temporary.remove()
    }
}
