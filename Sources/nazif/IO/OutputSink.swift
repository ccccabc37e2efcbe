import Glibc

/// Where a command writes: standard output, or a file written whole or not at all (a temporary
/// file beside it, renamed over it when the command succeeds, removed when it fails).
final class OutputSink {
    private let descriptor: Int32
    private let temporaryPath: String?
    private let finalPath: String?
    /// The temporary file's entry in ``InterruptCleanup``.
    private var cleanupToken: Int? = nil
    private var finished = false
    /// Set when the reader of standard output went away (`| head`): stop quietly.
    private(set) var isClosed = false
    /// Bytes written so far.
    private(set) var bytesWritten = 0

    private init(descriptor: Int32, temporaryPath: String?, finalPath: String?) {
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
    }

    /// Standard output. SIGPIPE is ignored so a closed pipe shows up as EPIPE, handled quietly.
    /// Closed when the process started (`>&-`): exit 74.
    static func standardOutput() throws -> OutputSink {
        guard !StandardStreams.outputIsClosed else { throw Failure.io("standard output is closed") }
        signal(SIGPIPE, SIG_IGN)
        return OutputSink(descriptor: 1, temporaryPath: nil, finalPath: nil)
    }

    /// Standard error (for --explain).
    static func standardError() -> OutputSink {
        signal(SIGPIPE, SIG_IGN)
        return OutputSink(descriptor: 2, temporaryPath: nil, finalPath: nil)
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
            return OutputSink(descriptor: descriptor, temporaryPath: nil, finalPath: nil)
        }
        // Through a symbolic link, replace the file it points to, not the link.
        var path = path
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        let temporary = "\(path).nazif-\(getpid()).tmp"
        // Registered before it exists: an interruption between the two removes nothing worse.
        let token = InterruptCleanup.register(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let message = Failure.describeErrno()
            InterruptCleanup.unregister(token)
            throw Failure.io("\(path): cannot create: \(message)")
        }
        let sink = OutputSink(descriptor: descriptor, temporaryPath: temporary, finalPath: path)
        sink.cleanupToken = token
        return sink
    }

    deinit { if !finished { discard() } }

    /// Writes all bytes. A closed pipe marks the sink closed and returns; other errors: exit 74.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !isClosed, var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE && finalPath == nil {
                    isClosed = true
                    return
                }
                throw Failure.io("\(finalPath ?? "standard output"): write failed: \(Failure.describeErrno())")
            }
            pointer += written
            remaining -= written
            bytesWritten += written
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
        guard let temporaryPath, let finalPath else { return }
        // After the rename or the unlink: until then an interruption must still remove the file.
        defer { InterruptCleanup.unregister(cleanupToken) }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let message = Failure.describeErrno()
            unlink(temporaryPath)
            throw Failure.io("\(finalPath): write failed: \(message)")
        }
        if rename(temporaryPath, finalPath) != 0 {
            let message = Failure.describeErrno()
            unlink(temporaryPath)
            throw Failure.io("\(finalPath): cannot rename into place: \(message)")
        }
    }

    /// Abandons the output: a file under construction is removed.
    func discard() {
        guard !finished else { return }
        finished = true
        if let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
            InterruptCleanup.unregister(cleanupToken)
        }
    }
}
