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
final class StateJournal: @unchecked Sendable {
    /// The path as given.
    let path: String
    /// Open for reading and appending, locked; closed by ``close()``.
    let fd: Int32
    /// How many entries the file holds (replayed and written since).
    var entryCount = 0

    /// A journal over an open descriptor (``open(_:)`` opens and locks one).
    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Opens (or creates) the file for appending; a one-line failure (exit status 2) when
    /// it cannot be, before anything is served or claimed.
    static func open(_ path: String) throws(CommandFailure) -> StateJournal {
        do {
            return StateJournal(path: path, fd: try StateFileIO.openForAppend(path))
        } catch {
            throw .usage("\(error); pass a --state file that can be written")
        }
    }

    /// What loading found.
    struct Loaded: Equatable {
        /// Entries replayed.
        var replayed: Int
        /// A line about an unfinished last line that was cut off, if there was one.
        var notice: String?
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
            entryCount = replayed
            return Loaded(replayed: replayed, notice: notice)
        } catch {
            throw .usage("the state file '\(path)', line \(error.line): \(error.message); fix or move it aside to start")
        }
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
