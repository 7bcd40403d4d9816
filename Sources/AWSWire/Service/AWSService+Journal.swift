import IAMPolicy
import KinesisSim

/// The journal behind `--state FILE`: successful state-changing requests as JSON lines, and
/// replaying them into a fresh service.
///
/// The service keeps no file: it queues each entry, in the order the changes were made, until
/// the caller takes it (``takeJournal()``) to write it down; ``answer(_:now:)`` tells which
/// position each request's entry has, so the caller can hold the response until it is kept.
extension AWSService {
    /// From now on, journals every successful state-changing request for ``takeJournal()``
    /// (a service that is not asked keeps nothing). Replayed entries are never journaled again.
    public func startJournal() {
        state.withLock { $0.journaling = true }
    }

    /// The entries journaled since the last call, oldest first: positions `p + 1 … p + n`
    /// when the previous calls returned `p` entries in all.
    public func takeJournal() -> [JournalEntry] {
        takeJournal(snapshot: false).entries
    }

    /// The entries journaled since the last call (as ``takeJournal()``) and, when asked, the
    /// world as those entries left it, taken at the same moment: the state a compacted
    /// journal describes at its last entry. (The copy is cheap: its storage is shared until
    /// the service next changes each part, which then copies that part once.)
    public func takeJournal(snapshot: Bool) -> (entries: [JournalEntry], snapshot: KinesisWorld?) {
        state.withLock { s in
            var taken: [JournalEntry] = []
            swap(&taken, &s.pendingJournal)
            return (taken, snapshot ? s.world : nil)
        }
    }

    /// Replays journal lines (``JournalEntry/line``) in order, as the callers they name and at
    /// the times they record, without signatures. Blank lines are skipped. Returns how many
    /// entries were applied; stops at the first line that cannot be read or no longer succeeds.
    @discardableResult
    public func replay(lines: [String]) throws(JournalReplayError) -> Int {
        try replay(lines.enumerated().map { JournalLine(number: $0.offset + 1, text: $0.element) })
    }

    /// Replays lines read ahead (see ``JournalLine``), in order; several calls in a row
    /// replay one journal in parts. Returns how many lines were applied (entries and records
    /// lines); stops at the first line that cannot be read or no longer succeeds.
    ///
    /// Kinesis calls are applied without asking the policies again
    /// (``KinesisWorld/authorizesCalls``): they were allowed when they were made, in the
    /// world the replay rebuilds, and a change once made stays made when a policy is
    /// tightened later (a lab draft edited between runs), as in AWS. Checking them again
    /// would also cost most of replay's time. IAM and STS calls are still checked. Records
    /// lines are put back as they were (see ``KinesisWorld/restoreRecords(at:continuing:_:)``).
    @discardableResult
    public func replay(_ lines: [JournalLine]) throws(JournalReplayError) -> Int {
        let connection = self.connection
        return try state.withLock { s throws(JournalReplayError) -> Int in
            let (journaling, authorizing) = (s.journaling, s.world.authorizesCalls)
            s.journaling = false
            s.world.authorizesCalls = false
            defer { (s.journaling, s.world.authorizesCalls) = (journaling, authorizing) }
            var applied = 0
            var run = ReplayRun()
            for line in lines {
                switch line.content {
                case .blank:
                    continue
                case .notText:
                    throw JournalReplayError(line: line.number, message: "not UTF-8 text")
                case .notAnEntry:
                    throw JournalReplayError(line: line.number, message: "not a kdslab journal entry (format version \(JournalEntry.formatVersion))")
                case .putRecord(let time, let key, let region, let call):
                    if let problem = s.replayKinesis(call, at: time, accessKeyId: key, region: region,
                                                     connection: connection, run: &run) {
                        throw JournalReplayError(line: line.number, message: "kinesis PutRecord no longer succeeds: \(problem)")
                    }
                    applied += 1
                case .entry(let entry, let call):
                    if let problem = s.replay(entry, call: call, connection: connection, run: &run) {
                        throw JournalReplayError(line: line.number, message: "\(entry.service) \(entry.operation) no longer succeeds: \(problem)")
                    }
                    applied += 1
                case .records(let records):
                    run.reset()
                    do {
                        try s.restore(records)
                    } catch {
                        throw JournalReplayError(line: line.number, message: "the records cannot be put back: \(error)")
                    }
                    applied += 1
                }
            }
            return applied
        }
    }
}

/// What replay carries from one entry to the next: the caller the last key acted as (Kinesis
/// entries change no identity, so it holds across a run of them; anything else forgets it),
/// and whether only records were written since the world's clock was last settled.
struct ReplayRun {
    private var last: (accessKeyId: String, region: String, caller: Caller)?
    /// Whether the world was settled at its current time and only PutRecords followed.
    /// Settling again at the same time would then change nothing: a record written now
    /// ages out only later, and no other transition was started.
    var onlyRecordsSinceSettle = false

    /// The caller for `accessKeyId` in `region`, made with `make` unless it is the last one's.
    mutating func caller(_ accessKeyId: String, _ region: String, _ make: () -> Caller?) -> Caller? {
        if let last, last.accessKeyId == accessKeyId, last.region == region { return last.caller }
        guard let caller = make() else { return nil }
        last = (accessKeyId, region, caller)
        return caller
    }

    /// After anything but a Kinesis call: forgets the caller and the settling.
    mutating func reset() {
        self = ReplayRun()
    }
}

extension ServiceState {
    /// Applies one Kinesis call made at `time` with `accessKeyId` in `region`; the problem
    /// when it fails.
    mutating func replayKinesis(_ call: KinesisCall, at time: Timestamp, accessKeyId: String, region: String,
                                connection: Connection, run: inout ReplayRun) -> String? {
        if !(run.onlyRecordsSinceSettle && time == world.now) {
            world.advance(to: time)
        }
        run.onlyRecordsSinceSettle = false
        guard let key = credentials.key(accessKeyId) else {
            return "access key `\(accessKeyId)` is unknown"
        }
        // (A copy of `self` here would share the world's storage and make the write copy it.)
        guard let caller = run.caller(accessKeyId, region, { caller(for: key, region: region, connection: connection) }) else {
            return "the caller no longer exists"
        }
        let problem = world.perform(call, as: caller).map(\.description)
        switch call {
        case .putRecord, .preparedPutRecord: run.onlyRecordsSinceSettle = true
        case .json: break
        }
        return problem
    }

    /// Puts a records line's records back, at the time of its snapshot.
    mutating func restore(_ line: JournalRecordsLine) throws(KinesisWorld.RestoreError) {
        world.advance(to: line.time)
        try line.withRecords { records throws(KinesisWorld.RestoreError) in
            try world.restoreRecords(at: line.place, continuing: line.part > 0, records)
        }
    }

    /// Applies one entry (`call`: a Kinesis entry's call, decoded); returns the problem when it fails.
    mutating func replay(_ entry: JournalEntry, call: KinesisCall?, connection: Connection, run: inout ReplayRun) -> String? {
        if entry.service == "kinesis" {
            guard let call else {
                world.advance(to: entry.time)
                return credentials.key(entry.accessKeyId) == nil ? "access key `\(entry.accessKeyId)` is unknown" : "the body is not JSON"
            }
            return replayKinesis(call, at: entry.time, accessKeyId: entry.accessKeyId, region: entry.region,
                                 connection: connection, run: &run)
        }
        // IAM and STS may change any caller; so may a setting.
        run.reset()
        if !entry.isRequest { return replaySetting(entry) }
        world.advance(to: entry.time)
        guard let key = credentials.key(entry.accessKeyId) else {
            return "access key `\(entry.accessKeyId)` is unknown"
        }
        switch entry.service {
        case "sts", "iam":
            let q = QueryRequest(parameters: URIEncoding.parameters(entry.body, plusAsSpace: false))
            issuer.replaying = entry.issued
            defer { issuer.replaying = nil }
            do {
                let call = try QueryCall(service: entry.service, action: entry.operation, q)
                _ = try perform(call, action: entry.operation, body: entry.body, key: key, region: entry.region,
                                connection: connection)
                return nil
            } catch {
                return error.description
            }
        default:
            return "unknown service `\(entry.service)`"
        }
    }
}
