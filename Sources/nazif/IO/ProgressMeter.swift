import Glibc
import Synchronization

/// A progress line on standard error while a command works: the pass, input bytes done of the
/// total (when the inputs' sizes are known), percent, documents/s, MB/s of input and the time
/// left. Redrawn twice a second from the first second on by a thread of its own, so it stays
/// alive during one large document too. Only when standard error is a terminal, unless
/// `--progress` or `--no-progress` says otherwise.
///
/// Workers report what they finished (``completed(bytes:documents:)``, thread-safe); the line
/// is erased when the command ends (``finish()``).
final class ProgressMeter: Sendable {
    private let command: String
    private let enabled: Bool
    private let state = Mutex(State())
    private let stopped = Atomic<Bool>(false)
    private let ticker = Mutex<pthread_t?>(nil)

    private struct State {
        var pass = ""
        var unit = "docs"
        var total: Int? = nil
        var bytes = 0
        var documents = 0
        var passStart = 0.0
        var shown = false
    }

    /// How often the line is redrawn, and from when.
    static let interval = 0.5
    static let firstShownAfter = 1.0

    /// - Parameter show: true (`--progress`), false (`--no-progress`) or nil: only when standard
    ///   error is a terminal.
    init(command: String, show: Bool?) {
        self.command = command
        enabled = show ?? (isatty(2) == 1)
    }

    /// Starts a pass ("counting templates", "cleaning"): the counts start again from zero.
    /// `totalBytes` is the inputs' size, nil when unknown (a pipe).
    func begin(pass: String, totalBytes: Int?, unit: String = "docs") {
        guard enabled else { return }
        state.withLock {
            $0.pass = pass
            $0.unit = unit
            $0.total = totalBytes
            $0.bytes = 0
            $0.documents = 0
            $0.passStart = Self.now()
        }
        ticker.withLock { thread in
            guard thread == nil else { return }
            thread = startThread { [self] in tick() }
        }
    }

    /// Input bytes and documents finished (any thread).
    func completed(bytes: Int, documents: Int) {
        guard enabled else { return }
        state.withLock {
            $0.bytes += bytes
            $0.documents += documents
        }
    }

    /// Stops the redrawing and erases the line.
    func finish() {
        guard enabled else { return }
        stopped.store(true, ordering: .releasing)
        if let thread = ticker.withLock({ thread -> pthread_t? in
            defer { thread = nil }; return thread
        }) {
            pthread_join(thread, nil)
        }
        if state.withLock({ state in
            defer { state.shown = false }; return state.shown
        }) {
            Self.write("\r\u{1B}[K")
        }
    }

    /// Runs `report` (which writes a message on standard error) with the progress line erased
    /// first; the next redraw puts it back under the message.
    func message(_ report: () -> Void) {
        guard enabled else { return report() }
        state.withLock { state in
            if state.shown { Self.write("\r\u{1B}[K") }
            report()
        }
    }

    private func tick() {
        while !stopped.load(ordering: .acquiring) {
            // Sleep in short steps so finish() does not wait long.
            for _ in 0..<5 where !stopped.load(ordering: .acquiring) { usleep(UInt32(Self.interval * 200_000)) }
            if stopped.load(ordering: .acquiring) { return }
            state.withLock { state in
                let elapsed = Self.now() - state.passStart
                guard elapsed >= Self.firstShownAfter else { return }
                state.shown = true
                Self.write(
                    "\r\u{1B}[K"
                        + Self.line(
                            command: command, pass: state.pass, bytes: state.bytes, total: state.total,
                            documents: state.documents, unit: state.unit, elapsed: elapsed))
            }
        }
    }

    /// The progress line: "nazif clean: cleaning 45.2 of 120.0 MB (37.7 %), 1234 docs/s,
    /// 15.1 MB/s, 0:05 left". Before anything is finished (one large document) it gives the
    /// time spent instead of the rates.
    static func line(
        command: String, pass: String, bytes: Int, total: Int?, documents: Int, unit: String = "docs",
        elapsed: Double
    ) -> String {
        var text = "nazif \(command): \(pass) "
        if let total, total > 0 {
            text += "\(megabytes(bytes)) of \(megabytes(total)) MB (\(percent(bytes, of: total)))"
        } else {
            text += "\(megabytes(bytes)) MB"
        }
        guard bytes > 0, elapsed > 0 else {
            return text + ", \(clock(elapsed)) so far"
        }
        let rate = Double(bytes) / elapsed
        text += ", \(Int((Double(documents) / elapsed).rounded())) \(unit)/s, \(megabytes(Int(rate.rounded()))) MB/s"
        if let total, total > bytes {
            text += ", \(clock(Double(total - bytes) / rate)) left"
        }
        return text
    }

    /// Megabytes (10⁶ bytes) with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        let tenths = min(1000, (part * 1000) / max(1, whole))
        return "\(tenths / 10).\(tenths % 10) %"
    }

    /// "0:05", "12:34", "1:02:03".
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, (whole / 60) % 60, whole % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    /// The inputs' total size, nil when one of them is not a regular file.
    static func totalSize(of paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            var info = stat()
            guard path != InputFile.standardInput, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                return nil
            }
            total += Int(info.st_size)
        }
        return total
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
