import LabKit

extension ServeCommand {
    /// The world the options ask for: the default world, or `--lab ID`'s world with the
    /// learner's draft (or the lab's starter when there is no draft yet) in its slot.
    static func world(for options: Options, io: CommandIO) throws(CommandFailure) -> ServedWorld {
        guard let labId = options.labId else { return .defaultWorld() }
        let lab = try LabLookup(io: io, locator: options.course).lab(labId)
        if lab.definition.submission == .answers {
            return try build(lab, submission: nil, source: "nothing (a quiz lab has no policy)", where: "")
        }
        var submission = lab.starter
        var source = "the lab's starter (no draft yet)"
        var location = "the lab's starter.json"
        if let root = ProgressLocation.resolve(environment: { io.environment($0) }) {
            // The draft is the learner's for this course (see ProgressLocation.folder).
            let course = try options.course.locate(io: io)
            let store = FileProgressStore(root: ProgressLocation.folder(state: root, courseID: try CourseLoader(io: io).manifest(course).manifest?.id))
            do {
                if let draft = try store.draft(for: labId) {
                    submission = draft
                    location = (try? store.draftPath(for: labId)) ?? "your draft"
                    source = "your draft \(location)"
                }
            } catch {
                throw .usage("cannot read your draft of '\(labId)': \(error)")
            }
        }
        return try build(lab, submission: submission, source: source, where: location)
    }

    private static func build(_ lab: Lab, submission: String?, source: String, where location: String) throws(CommandFailure) -> ServedWorld {
        do {
            return try ServedWorld.lab(lab, submission: submission, source: source)
        } catch {
            if error.inSubmission {
                throw .usage("\(location), line \(error.line), column \(error.column): \(error.message); fix it to serve lab '\(lab.id)'")
            }
            throw .usage("lab '\(lab.id)' cannot build its world: \(error.message)")
        }
    }
}
