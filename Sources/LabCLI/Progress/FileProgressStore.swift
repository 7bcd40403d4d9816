#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import LabKit

/// Progress in plain files under one directory:
///
/// ```
/// ROOT/progress.json       the state (pretty JSON, formatVersion 1)
/// ROOT/attempts.log        the append-only, hash-chained event log (JSON Lines)
/// ROOT/workspace/LAB.json  the learner's drafts, to open in an editor
/// ROOT/.lock               flock'd for every read-modify-write
/// ```
///
/// Every change happens under the lock; files are replaced atomically (temporary file,
/// fsync, rename, fsync of the directory); the log is the source of truth for what it
/// records. An unreadable `progress.json` is renamed `progress.json.corrupt-TIME` and
/// rebuilt from the log when the log is intact; an unfinished last log line (a session
/// killed mid-append) is moved to `attempts.log.torn-TIME` at the next append. Both are
/// reported through ``takeWarnings()``. A file from a newer kdslab is refused, untouched.
public final class FileProgressStore: ProgressStore {
    /// The directory holding everything.
    public let root: String
    /// How long to wait for another session's lock, in seconds.
    public let lockTimeout: Double
    /// Where time comes from (for log lines and set-aside names).
    public let clock: () -> UTCTimestamp
    var warnings: [ProgressWarning] = []

    /// A store in `root` (created, mode 0700, when first written).
    public init(root: String, lockTimeout: Double = 10,
                clock: @escaping () -> UTCTimestamp = FileProgressStore.systemClock) {
        var trimmed = Substring(root)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        self.root = String(trimmed)
        self.lockTimeout = lockTimeout
        self.clock = clock
    }

    /// The real clock, to the second.
    public static func systemClock() -> UTCTimestamp {
        UTCTimestamp(secondsSinceEpoch: Int64(time(nil)))
    }

    var progressPath: String { root + "/progress.json" }
    var logPath: String { root + "/attempts.log" }
    var workspacePath: String { root + "/workspace" }
    var lockPath: String { root + "/.lock" }

    public func load() throws -> ProgressState {
        try locked { try loadLocked().state }
    }

    @discardableResult
    public func update(_ change: (inout ProgressState) -> Void) throws -> ProgressState {
        try locked {
            var state = try loadLocked().state
            change(&state)
            try save(state)
            return state
        }
    }

    @discardableResult
    public func record(_ event: ProgressEvent) throws -> ProgressChange {
        try Self.check(event.lab)
        return try locked { try recordLocked(event) }
    }

    public func append(_ event: ProgressEvent) throws {
        try Self.check(event.lab)
        try locked {
            try refuseNewerFormatLocked()
            var log = try readLog()
            try appendLocked(event, to: &log)
        }
    }

    public func verifyLog() throws -> LogVerification {
        try locked {
            let head = (try? ProgressFiles.read(progressPath)).flatMap { bytes in
                bytes.flatMap { try? ProgressState(jsonText: String(decoding: $0, as: UTF8.self)).log }
            }
            return try readLog().verify(against: head)
        }
    }

    public func events() throws -> [ProgressEvent] {
        try locked { try readLog().events }
    }

    public func takeWarnings() -> [ProgressWarning] {
        defer { warnings = [] }
        return warnings
    }

    /// Forgets `lab`'s progress (a `reset` line is logged; the history stays) and moves its
    /// draft to `workspace/LAB.json.bak-TIME`; returns the change and where the draft went.
    public func reset(lab: String) throws -> (change: ProgressChange, draftKeptAs: String?) {
        try Self.check(lab)
        return try locked {
            let now = clock()
            let change = try recordLocked(.reset(lab: lab, at: now))
            let draft = try draftPath(for: lab)
            guard ProgressFiles.exists(draft) else { return (change, nil) }
            let keptAs = ProgressFiles.unusedName("\(draft).bak-\(now.compact)")
            try ProgressFiles.move(draft, to: keptAs)
            return (change, keptAs)
        }
    }

    /// Runs `body` holding the lock, after making the directory and clearing stale temporaries.
    func locked<T>(_ body: () throws -> T) throws -> T {
        try ProgressFiles.makeDirectory(root)
        return try ProgressLock.withLock(lockPath, timeout: lockTimeout) {
            ProgressFiles.removeStaleTemporaries(in: root)
            return try body()
        }
    }

    /// Refuses a lab id that could not name a draft file.
    static func check(_ lab: String) throws(ProgressStoreError) {
        let allowed = lab.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                || b == 0x2D || b == 0x2E || b == 0x5F
        }
        guard allowed, !lab.isEmpty, lab.utf8.count <= 128, !lab.hasPrefix(".") else {
            throw .invalidLabID(lab)
        }
    }
}
