import Glibc

/// An input: a named file or standard input ("-" or no file at all).
final class InputFile {
    /// The name used in messages: the path, or "<stdin>".
    var name: String
    let descriptor: Int32
    /// Regular files fill whole buffers per read; pipes and terminals return what is there.
    let isRegularFile: Bool
    private let ownsDescriptor: Bool
    /// With ``copyWhileReading(to:)``: where every byte read goes too.
    private var copy: FileDescriptor? = nil
    /// Whether a read returned 0 (a terminal would wait for more after that).
    private var reachedEnd = false

    private init(name: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        var info = stat()
        isRegularFile = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    static let standardInput = "-"

    /// The name an input has in messages: "<stdin>" for "-", else the path.
    static func displayName(of path: String) -> String { path == standardInput ? "<stdin>" : path }

    /// Opens a path ("-" is standard input). Missing, unreadable or directory: exit 66.
    static func open(_ path: String) throws -> InputFile {
        if path == standardInput {
            guard !StandardStreams.inputIsClosed else { throw Failure.io("<stdin>: standard input is closed") }
            return InputFile(name: displayName(of: path), descriptor: 0, ownsDescriptor: false)
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure.noInput("\(path): \(Failure.describeErrno())")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw Failure.noInput("\(path): is a directory")
        }
        return InputFile(name: path, descriptor: descriptor, ownsDescriptor: true)
    }

    /// Checks that every path can be opened before any output is written. A pipe or device
    /// given by name (`<(cat f)`, a FIFO) is only checked for read permission: opening it here
    /// would block on a FIFO without a writer, or take data the real read needs.
    static func checkReadable(_ paths: [String]) throws {
        for path in paths where path != standardInput {
            if !isRegularOrDirectory(path) {
                guard access(path, R_OK) == 0 else { throw Failure.noInput("\(path): \(Failure.describeErrno())") }
                continue
            }
            _ = try open(path)
        }
    }

    /// Whether `path` names a regular file or a directory (false for pipes, FIFOs, devices and
    /// sockets, which can be read only once, and for paths that do not exist).
    static func isRegularOrDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }  // missing: `open` reports it (66)
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFDIR
    }

    /// Reads up to `count` bytes; 0 at the end of the input. I/O errors: exit 74.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        let result: Int
        do {
            result = try FileDescriptor(rawValue: descriptor).read(into: UnsafeMutableRawBufferPointer(start: buffer, count: count))
        } catch {
            throw Failure.io("\(name): read failed: \(error.message)")
        }
        if result == 0 { reachedEnd = true }
        if let copy, result > 0 {
            do {
                try copy.writeAll(UnsafeRawBufferPointer(start: buffer, count: result))
            } catch {
                throw Failure.io("cannot spool \(name): \(error.message)")
            }
        }
        return result
    }

    /// From now on, every byte read is also written to `copy` (a failed write: exit 74), so an
    /// input that can be read only once is kept while it is read.
    func copyWhileReading(to copy: FileDescriptor) { self.copy = copy }

    /// Reads what is left of the input (into the copy), unless it already ended.
    func readToEnd() throws {
        guard !reachedEnd else { return }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while try chunk.withUnsafeMutableBytes({ try read(into: $0.baseAddress!, count: $0.count) }) > 0 {}
    }

    /// The whole input in memory (for documents and table files).
    /// A regular file's size is reserved first: growing the array by doubling copied it at
    /// each step, and the copy of a 1 GB document briefly held 2 GB.
    func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var info = stat()
        if isRegularFile && fstat(descriptor, &info) == 0 && info.st_size > 0 {
            bytes.reserveCapacity(Int(info.st_size))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try chunk.withUnsafeMutableBytes { (buffer) throws -> Int in
                try read(into: buffer.baseAddress!, count: buffer.count)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
