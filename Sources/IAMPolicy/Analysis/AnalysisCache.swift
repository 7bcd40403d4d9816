#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one analysis computes that the next one can reuse: partitions of a domain by a list
/// of patterns, the classes of actions a list of action patterns makes, and the policies
/// assumed for resources the world does not have.
///
/// Everything kept is a pure function of its key (the domain and the patterns, the action
/// patterns and the catalog), so a hit returns exactly what a fresh computation would: the
/// cache changes how fast an answer comes, never the answer. Share one cache among the
/// analyses of one submission (the checks of a lab ask about the same policies) and among a
/// class's submissions graded together (most name the same ARNs and many the same actions).
///
/// Thread-safe: lookups and insertions take a lock; the work itself is done outside it, so
/// two threads may compute the same entry once each, and the second insertion is dropped.
/// Bounded: past ``limit`` entries of one kind, that kind is emptied and refilled.
public final class AnalysisCache: @unchecked Sendable {
    // INVARIANT: `partitions`, `actionClasses` and `consenting` are read and written only
    // between `pthread_mutex_lock` and `pthread_mutex_unlock` of `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var partitions: [Walk.PartitionKey: PartitionEntry] = [:]
    private var actionClasses: [ActionClassKey: [Walk.ActionClass]] = [:]
    private var consenting: [String: AttachedPolicy] = [:]
    private var compiled: [String: CompiledPolicy] = [:]
    /// The most entries of one kind kept.
    public let limit: Int

    /// A partition with the readable stand-ins chosen for its cells, when computed.
    struct PartitionEntry {
        var partition: LanguagePartition
        /// Readable stand-ins by purpose (`"resources"`, `"principals/role"`...), one per cell.
        var standIns: [String: [String]] = [:]
    }

    /// What the classes of actions are computed from.
    struct ActionClassKey: Hashable {
        var patterns: [String]
        var wanted: [String]?
    }

    /// Creates an empty cache keeping at most `limit` entries of each kind.
    public init(limit: Int = 4_096) {
        self.limit = limit
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    func partition(_ key: Walk.PartitionKey) -> PartitionEntry? {
        locked { partitions[key] }
    }

    func store(_ entry: PartitionEntry, for key: Walk.PartitionKey) {
        locked {
            if partitions.count >= limit { partitions.removeAll(keepingCapacity: true) }
            partitions[key] = entry
        }
    }

    /// Adds stand-ins for `purpose` to a cached partition (computed once, used by every walk).
    func storeStandIns(_ standIns: [String], purpose: String, for key: Walk.PartitionKey) {
        locked { partitions[key]?.standIns[purpose] = standIns }
    }

    func actionClasses(_ key: ActionClassKey) -> [Walk.ActionClass]? {
        locked { actionClasses[key] }
    }

    func store(_ classes: [Walk.ActionClass], for key: ActionClassKey) {
        locked {
            if actionClasses.count >= limit { actionClasses.removeAll(keepingCapacity: true) }
            actionClasses[key] = classes
        }
    }

    func consentingPolicy(_ key: String) -> AttachedPolicy? {
        locked { consenting[key] }
    }

    func store(consenting policy: AttachedPolicy, for key: String) {
        locked {
            if consenting.count >= limit { consenting.removeAll(keepingCapacity: true) }
            consenting[key] = policy
        }
    }

    /// `text` parsed as a policy of `type` and compiled, once per text (for policies a
    /// grader writes itself, such as the envelope of what a lab allows); `nil` when it does
    /// not parse.
    public func compiledPolicy(_ text: String, type: PolicyType) -> CompiledPolicy? {
        let key = "\(type)|" + text
        if let kept = locked({ compiled[key] }) { return kept }
        guard let policy = try? PolicyParser(type: type).parse(text) else { return nil }
        let made = CompiledPolicy(policy)
        locked {
            if compiled.count >= limit { compiled.removeAll(keepingCapacity: true) }
            compiled[key] = made
        }
        return made
    }

    /// How many entries are kept, by kind (for tests and benchmarks).
    public var counts: (partitions: Int, actionClasses: Int, policies: Int) {
        locked { (partitions.count, actionClasses.count, consenting.count) }
    }
}
