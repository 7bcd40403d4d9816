import LabKit

/// Finds and loads one lab by id for commands that take `--lab ID` (with `--labs DIR` or
/// `--course DIR`).
struct LabLookup {
    let io: CommandIO
    /// The course options given.
    let locator: CourseLocator

    /// The labs folder, found as the REPL finds it (``CourseLocator``).
    func labsDirectory() throws(CommandFailure) -> String {
        try locator.locate(io: io).labs
    }

    /// Loads lab `id`; an unknown id or a lab with errors is a usage failure listing why.
    func lab(_ id: String) throws(CommandFailure) -> Lab {
        let dir = try labsDirectory()
        let entries = io.listCourseDirectory(dir) ?? []
        guard entries.contains(where: { $0.isDirectory && $0.name == id }) else {
            let known = entries.filter(\.isDirectory).map(\.name)
            throw .usage("no lab '\(id)' in \(dir)" + (known.isEmpty ? "" : "; labs: \(known.joined(separator: ", "))"))
        }
        let (lab, problems) = LabLoader().load(LabFolderReader.read(dir + "/" + id, io: io))
        guard let lab else {
            throw CommandFailure(lines: ["kdslab: lab '\(id)' has errors:"] + problems.map { "  \(dir)/\(id)/\($0)" })
        }
        return lab
    }
}
