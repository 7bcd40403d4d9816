import LabKit

/// Taking progress from another machine (`kdslab progress import`): the attempt log, the
/// lessons read, the drafts. Never silently loses what is here: a log that is newer here, or
/// went its own way, stays unless the learner asks to replace it, and then it is kept aside.
extension FileProgressStore {
    /// What importing a log did.
    struct LogImport: Equatable {
        /// How the log here stood to the imported one before.
        var relation: LogRelation
        /// Whether the log here was not intact (then only replacing takes the other).
        var localWasBroken: Bool
        /// Whether the imported log is now the log here.
        var applied: Bool
        /// The files set aside to make room (names in the progress folder).
        var keptAs: [String]
    }

    /// Takes `imported` as the attempt log when that loses nothing here — the log here is a
    /// beginning of it — and rebuilds the state from it. When the log here is newer, went
    /// its own way or is not intact, nothing changes unless `replacing`: then
    /// `progress.json` and `attempts.log` are kept as `NAME.replaced-TIME` first.
    func importLog(_ imported: AttemptLog, replacing: Bool) throws -> LogImport {
        try locked {
            try refuseNewerFormatLocked()
            let local = try readLog()
            let relation = local.relation(to: imported)
            let broken = !local.verify(against: nil).isIntact
            var result = LogImport(relation: relation, localWasBroken: broken, applied: false, keptAs: [])
            let losesNothing: Bool
            switch relation {
            case .same: return result
            case .behind: losesNothing = !broken
            case .ahead, .diverged: losesNothing = false
            }
            guard losesNothing || replacing else { return result }
            let now = clock().compact
            if !losesNothing {
                for path in [progressPath, logPath] where ProgressFiles.exists(path) {
                    let keptAs = ProgressFiles.unusedName("\(path).replaced-\(now)")
                    try ProgressFiles.move(path, to: keptAs)
                    result.keptAs.append(Self.fileName(keptAs))
                }
            } else if !local.unfinished.isEmpty {
                let keptAs = ProgressFiles.unusedName("\(logPath).torn-\(now)")
                try ProgressFiles.writeAtomically(Array(local.unfinished), to: keptAs)
                result.keptAs.append(Self.fileName(keptAs))
            }
            try ProgressFiles.writeAtomically(imported.completeBytes, to: logPath)
            // The state is the log replayed: nothing else ever changes it.
            var state = ProgressState()
            imported.catchUp(&state)
            try save(state)
            result.applied = true
            return result
        }
    }

    /// Adds the lessons in `read` that are not marked read here; returns how many.
    func mergeLessonsRead(_ read: [String: UTCTimestamp]) throws -> Int {
        try locked {
            var record = try loadReadingLocked()
            var added = 0
            for (lesson, at) in read.sorted(by: { $0.key < $1.key }) where record.noteRead(lesson, at: at) { added += 1 }
            if added > 0 { try ProgressFiles.writeAtomically(Array(record.jsonText.utf8), to: readingPath) }
            return added
        }
    }

    /// What happened to one imported draft.
    enum DraftImport: Equatable {
        /// There was none here: it is the draft now.
        case added
        /// The same text was here already.
        case same
        /// Another draft was here and stays; the imported one is at `path`.
        case keptBeside(path: String)
        /// Another draft was here; it is kept at `path` and the imported one is the draft.
        case replaced(keptAs: String)
    }

    /// Takes `text` as the draft of `lab`: only where there is none here, unless `replacing`
    /// (then the one here is kept as `LAB.json.bak-TIME`); otherwise beside it, as
    /// `LAB.json.imported-TIME`.
    func importDraft(_ text: String, for lab: String, replacing: Bool) throws -> DraftImport {
        let path = try draftPath(for: lab)
        return try locked {
            try ProgressFiles.makeDirectory(workspacePath)
            guard let here = try ProgressFiles.read(path) else {
                try ProgressFiles.writeAtomically(Array(text.utf8), to: path)
                return .added
            }
            if here == Array(text.utf8) { return .same }
            let now = clock().compact
            if replacing {
                let keptAs = ProgressFiles.unusedName("\(path).bak-\(now)")
                try ProgressFiles.move(path, to: keptAs)
                try ProgressFiles.writeAtomically(Array(text.utf8), to: path)
                return .replaced(keptAs: keptAs)
            }
            let beside = ProgressFiles.unusedName("\(path).imported-\(now)")
            try ProgressFiles.writeAtomically(Array(text.utf8), to: beside)
            return .keptBeside(path: beside)
        }
    }

    /// The drafts in the workspace, by lab id (`LAB.json` files; set-aside copies are not drafts).
    func allDrafts() throws -> [String: String] {
        var drafts: [String: String] = [:]
        for name in ProgressFiles.names(in: workspacePath) where name.hasSuffix(".json") {
            let lab = String(name.dropLast(5))
            guard (try? Self.check(lab)) != nil, let text = try draft(for: lab) else { continue }
            drafts[lab] = text
        }
        return drafts
    }
}
