import LabKit

extension FileProgressStore {
    /// Reads the state and the log (the lock is held): catches the state up with log lines it
    /// does not reflect; sets an unreadable file aside and rebuilds; refuses a newer format.
    func loadLocked() throws -> (state: ProgressState, log: AttemptLog) {
        let log = try readLog()
        guard let bytes = try ProgressFiles.read(progressPath) else {
            var state = ProgressState()
            log.catchUp(&state)
            return (state, log)
        }
        do {
            var state = try ProgressState(jsonText: String(decoding: bytes, as: UTF8.self))
            log.catchUp(&state)
            return (state, log)
        } catch .unsupportedFormatVersion(let found, let supported) {
            throw ProgressStoreError.unsupportedFormat(
                path: progressPath, .unsupportedFormatVersion(found: found, supported: supported))
        } catch {
            return (try setAside(reason: error, log: log), log)
        }
    }

    /// Throws when `progress.json` was written by a newer kdslab (the lock is held): its log
    /// is not this kdslab's to append to either. Any other problem is left to the next load.
    func refuseNewerFormatLocked() throws {
        guard let bytes = try ProgressFiles.read(progressPath) else { return }
        do {
            _ = try ProgressState(jsonText: String(decoding: bytes, as: UTF8.self))
        } catch .unsupportedFormatVersion(let found, let supported) {
            throw ProgressStoreError.unsupportedFormat(
                path: progressPath, .unsupportedFormatVersion(found: found, supported: supported))
        } catch {
            return
        }
    }

    /// Renames the unreadable progress file, rebuilds the state from the log if the log is
    /// intact (else starts fresh from the log's end), saves it and records a warning.
    private func setAside(reason: ProgressFormatError, log: AttemptLog) throws -> ProgressState {
        let keptAs = ProgressFiles.unusedName("\(progressPath).corrupt-\(clock().compact)")
        try ProgressFiles.move(progressPath, to: keptAs)
        let verification = log.verify(against: nil)
        var state = ProgressState()
        if verification.isIntact {
            log.catchUp(&state)
        } else {
            state.log = log.head
        }
        try save(state)
        warnings.append(.unreadableFileSetAside(
            file: "progress.json", keptAs: Self.fileName(keptAs), reason: reason,
            rebuiltFromLogLines: verification.isIntact ? log.lines.count : nil,
            logProblem: verification.isIntact ? nil : verification))
        return state
    }

    /// Writes the state atomically.
    func save(_ state: ProgressState) throws {
        try ProgressFiles.writeAtomically(Array(state.jsonText.utf8), to: progressPath)
    }

    /// Appends `event` to the log, applies it and saves the state (the lock is held).
    func recordLocked(_ event: ProgressEvent) throws -> ProgressChange {
        var (state, log) = try loadLocked()
        try appendLocked(event, to: &log)
        let change = state.apply(event)
        state.log = log.head
        try save(state)
        return change
    }

    /// The file name at the end of `path`.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
