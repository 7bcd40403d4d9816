#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import AWSWire

/// The file behind `kdslab serve --state FILE`: the service's journal, one JSON line per
/// successful state-changing request (format version ``JournalEntry/formatVersion``).
///
/// At start the lines are replayed into the fresh world; a line that cannot be read or no
/// longer succeeds stops the start with its line number. The whole journal is written
/// atomically (temporary file, fsync, rename, fsync of the folder) after requests changed
/// something, at most once a second, and once more on shutdown, so a crash loses at most the
/// last second and never leaves a torn file.
struct StateFile {
    /// The path as given.
    let path: String
    /// How many journal entries the file holds now.
    private(set) var savedCount = 0

    init(path: String) {
        self.path = path
    }

    /// Replays the file into `service`; a missing file is an empty journal. Returns how
    /// many entries were applied.
    mutating func load(into service: AWSService) throws(CommandFailure) -> Int {
        let bytes: [UInt8]?
        do {
            bytes = try ProgressFiles.read(path)
        } catch {
            throw .usage("cannot read the state file '\(path)': \(error)")
        }
        guard let bytes else { return 0 }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .usage("the state file '\(path)' is not UTF-8 text; move it aside or pass another --state")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        do {
            let applied = try service.replay(lines: lines)
            savedCount = service.journal.count
            return applied
        } catch {
            throw .usage("the state file '\(path)', line \(error.line): \(error.message); fix or move it aside to start")
        }
    }

    /// Writes the whole journal when it has grown since the last save; `true` when written.
    mutating func saveIfChanged(_ service: AWSService) throws(ProgressStoreError) -> Bool {
        let journal = service.journal
        guard journal.count != savedCount else { return false }
        var text = ""
        for entry in journal {
            text += entry.line
            text += "\n"
        }
        try ProgressFiles.writeAtomically(Array(text.utf8), to: path)
        savedCount = journal.count
        return true
    }
}
