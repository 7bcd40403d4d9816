import IAMPolicy

extension ProgressState {
    /// The `progress.json` text: pretty-printed, keys in a fixed order, labs sorted by id,
    /// ending with a newline.
    public var jsonText: String {
        let labs: [(String, JSONValue)] = labs.keys.sorted().map { id in
            let p = self[id]
            return (id, .object([
                ("status", .string(p.status.rawValue)),
                ("bestScore", p.bestScore.json),
                ("maxScore", p.maxScore.json),
                ("attempts", .number(p.attempts)),
                ("lastAttemptAt", p.lastAttemptAt.json),
                ("hintsUsed", .number(p.hintsUsed)),
                ("solutionViewed", .bool(p.solutionViewed)),
                ("passedAt", p.passedAt.json),
            ]))
        }
        let document: JSONValue = .object([
            ("formatVersion", .number(ProgressState.currentFormatVersion)),
            ("labs", .object(labs)),
            ("log", .object([
                ("lines", .number(log.lines)),
                ("lastLineSHA256", .string(log.lastLineSHA256)),
            ])),
        ])
        return JSONWriter.string(document, pretty: true) + "\n"
    }

    /// Reads `progress.json` text.
    ///
    /// Throws ``ProgressFormatError/unsupportedFormatVersion(found:supported:)`` for a file
    /// from a newer kdslab (before looking at anything else, so its shape cannot matter),
    /// and the other cases for text that is not a progress file. Unknown members are ignored.
    public init(jsonText text: String) throws(ProgressFormatError) {
        let top = try JSONFields(JSONFields.read(text), path: "")
        let version = try top.int("formatVersion")
        guard version >= 1 else { throw .wrongShape(path: "formatVersion", expected: "1") }
        guard version <= ProgressState.currentFormatVersion else {
            throw .unsupportedFormatVersion(found: version, supported: ProgressState.currentFormatVersion)
        }
        let labsValue = try JSONFields(top.required("labs"), path: "labs")
        var labs: [String: LabProgress] = [:]
        for member in labsValue.value.members ?? [] {
            let f = try JSONFields(member.value, path: "labs." + member.key)
            let rawStatus = try f.string("status")
            guard let status = LabStatus(rawValue: rawStatus) else {
                throw .wrongShape(path: f.childPath("status"),
                                  expected: "one of " + LabStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            labs[member.key] = LabProgress(
                status: status, bestScore: try f.optionalInt("bestScore"), maxScore: try f.optionalInt("maxScore"),
                attempts: try f.int("attempts"), lastAttemptAt: try f.optionalTime("lastAttemptAt"),
                hintsUsed: try f.optionalInt("hintsUsed") ?? 0, solutionViewed: try f.optionalBool("solutionViewed"),
                passedAt: try f.optionalTime("passedAt"))
        }
        var head = LogHead.empty
        if let logValue = top.value["log"] {
            let f = try JSONFields(logValue, path: "log")
            head = LogHead(lines: try f.int("lines"), lastLineSHA256: try f.string("lastLineSHA256"))
        }
        self.init(formatVersion: version, labs: labs, log: head)
    }
}
