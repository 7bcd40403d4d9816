#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import AWSWire

/// The file behind `kdslab serve --state FILE`: the service's journal, one JSON line per
/// successful state-changing request (format version ``JournalEntry/formatVersion``),
/// appended and synced before the request is acknowledged (see ``JournalCommitter``).
///
/// Opening it checks that it can be written (created when missing) and locks it against a
/// second server. Loading replays its lines into the fresh world: a line that cannot be read
/// or no longer succeeds stops the start with its number; an unfinished last line (an append
/// cut short by a crash, never acknowledged) is cut off and reported.
///
/// A compaction (``JournalCompactor``) replaces the file by a shorter one that replays to
/// the same world; the journal then appends to the new file.
// INVARIANT: after `load`, only the committing thread changes `fd`, `length`, `entryCount`
// and `keptLines`, and reads them; `close()` comes after that thread has stopped.
final class StateJournal: @unchecked Sendable {
    /// The path as given.
    let path: String
    /// Open for reading and appending, locked; closed by ``close()``.
    private(set) var fd: Int32
    /// How many requests the file's changes come from (entries replayed and written since,
    /// settings such as the transition times not counted; a compaction keeps the count).
    var entryCount = 0
    /// How many records lines of a compacted file put back at start.
    private(set) var restoredRecords = 0
    /// The file's length in bytes.
    private(set) var length = 0
    /// The lines a compaction keeps as they are (see ``JournalLine/isKeptByCompaction``),
    /// each with its newline, in file order: every entry that changed more than records.
    private(set) var keptLines: [UInt8] = []

    /// A journal over an open descriptor (``open(_:)`` opens and locks one).
    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Where a compaction writes the new file before renaming it over the journal.
    var replacementPath: String { path + ".compacting" }

    /// Opens (or creates) the file for appending; a one-line failure (exit status 2) when
    /// it cannot be, before anything is served or claimed. A compaction's leftover beside
    /// it (from a server killed while compacting) is removed.
    static func open(_ path: String) throws(CommandFailure) -> StateJournal {
        let journal: StateJournal
        do {
            journal = StateJournal(path: path, fd: try StateFileIO.openForAppend(path))
        } catch {
            throw .usage("\(error); pass a --state file that can be written")
        }
        // Only the server holding the lock compacts, so a replacement file is a leftover.
        StateFileIO.removeLeftover(journal.replacementPath)
        return journal
    }

    /// What loading found.
    struct Loaded: Equatable {
        /// Entries replayed.
        var replayed: Int
        /// A line about an unfinished last line that was cut off, if there was one.
        var notice: String?
        /// Records put back from a compacted file's records lines.
        var records = 0
    }

    /// Replays the file into `service`.
    func load(into service: AWSService) throws(CommandFailure) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try StateFileIO.readAll(fd, path: path)
        } catch {
            throw .usage("\(error)")
        }
        let split = JournalLines(bytes: bytes)
        var lines = split.lines
        // An unfinished last line that still reads as a whole entry lost only its newline
        // (an editor's doing): it is kept. Anything else is an append cut short: cut off.
        var notice: String?
        if !split.unfinished.isEmpty {
            let blank = split.unfinished.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if !blank, JournalLine(number: lines.count + 1, bytes: split.unfinished).isEntry {
                lines.append(split.unfinished)
                try repair { () throws(StateFileError) in try StateFileIO.append([0x0A], to: fd, path: path) }
            } else {
                try repair { () throws(StateFileError) in try StateFileIO.truncate(fd, to: split.completeLength, path: path) }
                if !blank {
                    notice = "kdslab: the state file '\(path)' ended in an unfinished line \(lines.count + 1) "
                        + "(\(split.unfinished.count) bytes, a write cut short before it was acknowledged); cut it off"
                }
            }
        }
        do {
            let replayed = try JournalReplay.replay(lines, into: service)
            entryCount = replayed.entries
            restoredRecords = replayed.records
            length = try StateFileIO.length(fd, path: path)
            keptLines.reserveCapacity(replayed.kept.reduce(0) { $0 + lines[$1].count + 1 })
            for index in replayed.kept {
                keptLines += lines[index]
                keptLines.append(0x0A)
            }
            return Loaded(replayed: replayed.entries, notice: notice, records: replayed.records)
        } catch let error as JournalReplayError {
            throw .usage("the state file '\(path)', line \(error.line): \(error.message); fix or move it aside to start")
        } catch {
            throw .usage("\(error)")
        }
    }

    /// Notes a batch appended to the file (its entries and bytes).
    func didAppend(_ batch: [JournalEntry], bytes: Int) {
        entryCount += batch.reduce(0) { $0 + ($1.isRequest ? 1 : 0) }
        length += bytes
        for entry in batch where !entry.writesRecordsOnly {
            entry.appendLine(to: &keptLines)
        }
    }

    /// Appends from now on to `fd`, the compacted file now under the name, `length` bytes
    /// long; the old descriptor is closed.
    func replaceFile(with fd: Int32, length: Int) {
        StateFileIO.closeFile(self.fd)
        self.fd = fd
        self.length = length
    }

    private func repair(_ body: () throws(StateFileError) -> Void) throws(CommandFailure) {
        do {
            try body()
        } catch {
            throw .usage("\(error)")
        }
    }

    /// Closes the file (and so lets go of its lock).
    func close() {
        StateFileIO.closeFile(fd)
    }
}
