import LabKit

/// The lessons read, beside the progress: `ROOT/lessons-read.json` (``ReadingRecord``),
/// written atomically under the progress lock. An unreadable file is set aside as
/// `lessons-read.json.corrupt-TIME` with a warning and the record starts fresh; a file from
/// a newer kdslab is refused, untouched.
extension FileProgressStore {
    var readingPath: String { root + "/lessons-read.json" }

    /// The lessons the learner has read.
    func readingRecord() throws -> ReadingRecord {
        try locked { try loadReadingLocked() }
    }

    /// Notes that `lesson` was read now; returns whether it was the first time.
    @discardableResult
    func noteRead(_ lesson: String) throws -> Bool {
        try locked {
            var record = try loadReadingLocked()
            guard record.noteRead(lesson, at: clock()) else { return false }
            try ProgressFiles.writeAtomically(Array(record.jsonText.utf8), to: readingPath)
            return true
        }
    }

    /// The record (the lock is held).
    func loadReadingLocked() throws -> ReadingRecord {
        guard let bytes = try ProgressFiles.read(readingPath) else { return ReadingRecord() }
        do {
            return try ReadingRecord(jsonText: String(decoding: bytes, as: UTF8.self))
        } catch .unsupportedFormatVersion(let found, let supported) {
            throw ProgressStoreError.unsupportedFormat(
                path: readingPath, .unsupportedFormatVersion(found: found, supported: supported))
        } catch {
            let keptAs = ProgressFiles.unusedName("\(readingPath).corrupt-\(clock().compact)")
            try ProgressFiles.move(readingPath, to: keptAs)
            warnings.append(.unreadableFileSetAside(file: "lessons-read.json", keptAs: Self.fileName(keptAs),
                                                    reason: error, rebuiltFromLogLines: nil, logProblem: nil))
            return ReadingRecord()
        }
    }
}
