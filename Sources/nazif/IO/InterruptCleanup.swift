import Glibc
import Synchronization

/// Files to remove when the process is interrupted (SIGINT, SIGTERM, SIGHUP): the temporary
/// file of an `-o` output under construction and the spooled copies of standard input. The
/// signal handler only walks a fixed array of C strings and calls `unlink(2)` and `_exit(2)`,
/// both async-signal-safe; then the process exits with 128 + the signal's number, as a shell
/// reports a process killed by it.
///
/// ```swift
/// let token = InterruptCleanup.register("out.txt.nazif-42.tmp")
/// defer { InterruptCleanup.unregister(token) }
/// ```
enum InterruptCleanup {
    static let capacity = 64
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    // SAFETY: allocated once and never freed, so the handler can read it at any time. Slots are
    // written under `lock` (never from the handler); a slot is one pointer, stored whole, and a
    // path's copy is freed only after its slot was cleared.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// Guards `slots` writes and installs the handlers on first use.
    private static let lock = Mutex(false)

    /// Remembers `path` for removal on interruption; returns the token for ``unregister(_:)``
    /// (nil when every slot is taken: the file is then only removed by the normal paths).
    static func register(_ path: String) -> Int? {
        lock.withLock { installed -> Int? in
            if !installed {
                _ = slots  // initialized before any handler can read it
                installHandlers()
                installed = true
            }
            for index in 0..<capacity where slots[index] == nil {
                slots[index] = strdup(path)
                return index
            }
            return nil
        }
    }

    /// Forgets a path (after it was renamed into place or removed).
    static func unregister(_ token: Int?) {
        guard let token else { return }
        lock.withLock { _ in
            let copy = slots[token]
            slots[token] = nil
            free(copy)
        }
    }

    private static func installHandlers() {
        // A parent may start us with these signals blocked (Foundation's Process, spawned from a
        // Dispatch thread, passes on that thread's mask): unblock them, or an interrupt would
        // wait until the end. Threads started later inherit the calling thread's mask.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in signals { sigaddset(&unblocked, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for signalNumber in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = interruptHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var previous = sigaction()
            sigaction(signalNumber, &action, &previous)
            // A signal ignored by whoever started us (nohup ignores SIGHUP) stays ignored.
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                sigaction(signalNumber, &previous, nil)
            }
        }
    }

    /// Removes every registered file. Called from the signal handler: no allocation, no locks.
    fileprivate static func removeAll() {
        for index in 0..<capacity {
            if let path = slots[index] { unlink(path) }
        }
    }
}

/// The handler: a C function pointer that captures nothing.
private let interruptHandler: @convention(c) (Int32) -> Void = { signalNumber in
    InterruptCleanup.removeAll()
    _exit(128 + signalNumber)
}
