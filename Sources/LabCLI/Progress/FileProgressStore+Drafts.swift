import LabKit

extension FileProgressStore {
    /// `ROOT/workspace/LAB.json`.
    public func draftPath(for lab: String) throws -> String {
        try Self.check(lab)
        return "\(workspacePath)/\(lab).json"
    }

    /// The draft's text, or `nil` when the learner has none.
    public func draft(for lab: String) throws -> String? {
        let path = try draftPath(for: lab)
        return try ProgressFiles.read(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Saves the draft atomically (the workspace is created, mode 0700, when needed).
    public func saveDraft(_ text: String, for lab: String) throws {
        let path = try draftPath(for: lab)
        try locked {
            try ProgressFiles.makeDirectory(workspacePath)
            ProgressFiles.removeStaleTemporaries(in: workspacePath)
            try ProgressFiles.writeAtomically(Array(text.utf8), to: path)
        }
    }
}
