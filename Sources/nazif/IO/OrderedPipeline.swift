import Dispatch
import Glibc
import Synchronization

/// Runs work items on `threads` worker threads and hands their results to `consume` in
/// submission order, on the submitting thread, whatever order they finish in. At most
/// `2 × threads` items are in flight, so memory stays flat however long the input.
///
/// The workers are plain POSIX threads: libdispatch's pool on Linux starts with one thread and
/// grows only after seconds of blocking, which kept a short run (0.1 s for 20 MB) on one core.
/// With one thread nothing is spawned and items run on the caller's thread, so single-thread
/// measurements are honest.
final class OrderedPipeline<Result: Sendable>: @unchecked Sendable {
    // SAFETY (@unchecked): `queue` and `finished` are guarded by their Mutexes; `consume`,
    // `nextToConsume`, `inFlight` and `stopped` are touched only by the submitting thread.
    typealias Work = @Sendable () -> Result

    private let threads: Int
    private let maximumInFlight: Int
    private let consume: (Result) -> Bool
    private let queue = Mutex<[(Int, Work?)]>([])
    private let queued = DispatchSemaphore(value: 0)
    private let finished = Mutex<[Int: Result]>([:])
    private let delivered = DispatchSemaphore(value: 0)
    private var workers: [pthread_t] = []
    private var submitted = 0
    private var nextToConsume = 0
    private var inFlight = 0
    private(set) var isStopped = false

    /// - Parameter consume: receives each result in order; returns false to stop the pipeline
    ///   (a write failed, an error was reported).
    init(threads: Int, consume: @escaping (Result) -> Bool) {
        self.threads = max(1, threads)
        self.maximumInFlight = self.threads * 2
        self.consume = consume
        if self.threads > 1 {
            for _ in 0..<self.threads { workers.append(startWorker()) }
        }
    }

    /// Submits a work item; blocks (consuming results) while too many are in flight.
    func submit(_ work: @escaping Work) {
        guard !isStopped else { return }
        if threads == 1 {
            if !consume(work()) { isStopped = true }
            return
        }
        while inFlight >= maximumInFlight && !isStopped { consumeNext(waiting: true) }
        guard !isStopped else { return }
        let sequence = submitted
        submitted += 1
        inFlight += 1
        queue.withLock { $0.append((sequence, work)) }
        queued.signal()
        while consumeNext(waiting: false) {}
    }

    /// Waits for every submitted item, consumes the results, and stops the workers.
    func finish() {
        while inFlight > 0 { consumeNext(waiting: true) }
        guard !workers.isEmpty else { return }
        queue.withLock { items in
            for _ in workers { items.append((-1, nil)) }
        }
        for _ in workers { queued.signal() }
        for worker in workers { pthread_join(worker, nil) }
        workers = []
    }

    /// Consumes the next result in order if it is ready (or, when `waiting`, once it is).
    /// Returns whether one was consumed.
    @discardableResult
    private func consumeNext(waiting: Bool) -> Bool {
        guard inFlight > 0 else { return false }
        while true {
            if let result = finished.withLock({ $0.removeValue(forKey: nextToConsume) }) {
                nextToConsume += 1
                inFlight -= 1
                if !isStopped && !consume(result) { isStopped = true }
                return true
            }
            guard waiting else { return false }
            delivered.wait()
        }
    }

    // MARK: - Workers

    private func workerLoop() {
        while true {
            queued.wait()
            guard let (sequence, work) = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }),
                let work
            else { return }
            let result = work()
            finished.withLock { $0[sequence] = result }
            delivered.signal()
        }
    }

    private func startWorker() -> pthread_t {
        startThread { [self] in workerLoop() }
    }

    deinit {
        // finish() joins the workers; a pipeline dropped without it would leak them.
        precondition(workers.isEmpty, "OrderedPipeline dropped without finish()")
    }
}

/// The body of a POSIX thread, passed through pthread_create's context pointer.
private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Starts a POSIX thread running `body`.
func startThread(_ body: @escaping () -> Void) -> pthread_t {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, threadEntry, context)
    precondition(status == 0, "cannot start a thread: \(String(cString: strerror(status)))")
    return thread
}

private func threadEntry(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
    return nil
}
