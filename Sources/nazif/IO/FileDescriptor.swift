import Glibc

/// The error number of a failed system call.
struct Errno: Error, Equatable {
    let code: Int32

    /// The calling thread's `errno`.
    static var current: Errno { Errno(code: errno) }

    /// The text of the error number (strerror(3)): "No space left on device".
    var message: String { Failure.describeErrno(code) }
}

/// One open file descriptor's reads and writes, each retried when a signal interrupts it
/// (EINTR), so no caller writes that loop again.
///
/// ```swift
/// try FileDescriptor.standardError.writeAll(bytes)   // every byte, or the errno that stopped it
/// let count = try file.read(into: buffer)           // 0 at the end of the input
/// ```
struct FileDescriptor {
    let rawValue: Int32

    static let standardOutput = FileDescriptor(rawValue: 1)
    static let standardError = FileDescriptor(rawValue: 2)

    /// Writes every byte of `bytes`. A write that fails throws its errno (a write that takes no
    /// byte, which a regular file or pipe never does, throws EIO rather than looping).
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(rawValue, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw Errno.current
            }
            if written == 0 { throw Errno(code: EIO) }
            pointer += written
            remaining -= written
        }
    }

    /// One read(2) of up to `buffer.count` bytes: how many came (a pipe returns what is there),
    /// 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let count = Glibc.read(rawValue, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw Errno.current }
        }
    }

    /// Reads until `buffer` is full or the input ends; returns the bytes read.
    func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    func close() { _ = Glibc.close(rawValue) }
}

/// A new file made by mkstemps(3) in a given folder, under a name no other process can take,
/// and then either renamed into place or removed: output files are written whole or not at all,
/// and spools disappear with the process. Registered with ``InterruptCleanup`` from just after
/// it exists until it is renamed or removed.
///
/// ```swift
/// let file = try TemporaryFile(prefix: "/data/out.txt.nazif-", suffix: ".tmp", permissions: 0o644)
/// try file.descriptor.writeAll(bytes)
/// try file.commit(as: "/data/out.txt")     // or file.remove()
/// ```
final class TemporaryFile {
    /// What failed while the file was made final.
    enum CommitError: Error {
        /// fsync(2) or close(2): the bytes may not all be on disk.
        case flush(Errno)
        case rename(Errno)
    }

    let descriptor: FileDescriptor
    /// The file's path: `prefix`, six random characters, `suffix`.
    let path: String
    private var cleanupToken: Int?
    private var isSettled = false
    private var isOpen = true

    /// Creates `prefix` + "XXXXXX" + `suffix` (read and write for its owner only, or
    /// `permissions` less the umask, as open(2) would make it), close-on-exec.
    init(prefix: String, suffix: String = "", permissions: mode_t? = nil) throws(Errno) {
        var template = Array("\(prefix)XXXXXX\(suffix)".utf8CString)
        let suffixLength = Int32(suffix.utf8.count)
        let raw = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, suffixLength) }
        guard raw >= 0 else { throw Errno.current }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        cleanupToken = InterruptCleanup.register(path)
        descriptor = FileDescriptor(rawValue: raw)
        _ = fcntl(raw, F_SETFD, FD_CLOEXEC)
        if let permissions, fchmod(raw, permissions & ~Self.umask) != 0 {
            let error = Errno.current
            remove()
            throw error
        }
    }

    /// A file of no name in `folder`, for scratch space: removed from the folder at once, so it
    /// goes when its descriptor is closed, however the process ends. The caller closes it.
    static func anonymous(in folder: String, prefix: String) throws(Errno) -> FileDescriptor {
        let file = try TemporaryFile(prefix: "\(folder)/\(prefix)")
        unlink(file.path)
        file.settle()
        return file.descriptor
    }

    deinit { remove() }

    /// Makes the file final under `finalPath`: flushed to disk, closed and renamed over it. On
    /// failure the file is removed.
    func commit(as finalPath: String) throws(CommitError) {
        guard !isSettled else { return }
        // After the rename or the unlink: until then an interruption must still remove the file.
        defer { settle() }
        isOpen = false
        if fsync(descriptor.rawValue) != 0 || Glibc.close(descriptor.rawValue) != 0 {
            let error = Errno.current
            unlink(path)
            throw .flush(error)
        }
        if rename(path, finalPath) != 0 {
            let error = Errno.current
            unlink(path)
            throw .rename(error)
        }
    }

    /// Closes and removes the file (nothing once it was committed or removed).
    func remove() {
        guard !isSettled else { return }
        closeDescriptor()
        unlink(path)
        settle()
    }

    /// Closes the descriptor and leaves the file where it is (``remove()`` still removes it),
    /// for a file read again by name.
    func closeDescriptor() {
        guard isOpen else { return }
        isOpen = false
        descriptor.close()
    }

    private func settle() {
        isSettled = true
        InterruptCleanup.unregister(cleanupToken)
        cleanupToken = nil
    }

    /// The process's umask (read once: umask(2) can only be read by setting it).
    private static let umask: mode_t = {
        let mask = Glibc.umask(0)
        _ = Glibc.umask(mask)
        return mask
    }()
}
