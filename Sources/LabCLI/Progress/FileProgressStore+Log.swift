import LabKit

extension FileProgressStore {
    /// The attempt log as it is on disk (empty when there is none).
    func readLog() throws -> AttemptLog {
        AttemptLog(bytes: try ProgressFiles.read(logPath) ?? [])
    }

    /// Appends one line for `event` (the lock is held), first moving an unfinished last line
    /// aside so the new line starts on a line of its own and chains from the last complete one.
    func appendLocked(_ event: ProgressEvent, to log: inout AttemptLog) throws {
        if !log.unfinished.isEmpty {
            let keptAs = ProgressFiles.unusedName("\(logPath).torn-\(clock().compact)")
            try ProgressFiles.writeAtomically(Array(log.unfinished), to: keptAs)
            try ProgressFiles.truncate(logPath, to: log.completeLength)
            warnings.append(.unfinishedLogLineSetAside(
                file: "attempts.log", keptAs: Self.fileName(keptAs), line: log.lines.count + 1))
        }
        let line = log.line(for: event)
        try ProgressFiles.append(line, to: logPath)
        log = AttemptLog(bytes: log.lines.flatMap { Array($0) + [0x0A] } + line)
    }
}
