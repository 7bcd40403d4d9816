import LabKit

/// Finds and loads one lab by id for commands that take `--lab ID` (and `--labs DIR`).
struct LabLookup {
    let io: CommandIO
    /// `--labs DIR`, when given.
    let labsOption: String?

    /// The labs folder: `--labs`, else `KDSLAB_LABS`, else `labs/` in the current directory
    /// or one of its parents.
    func labsDirectory() throws(CommandFailure) -> String {
        if let dir = labsOption ?? io.environment("KDSLAB_LABS") {
            guard io.listDirectory(dir) != nil else { throw .usage("the labs folder '\(dir)' does not exist") }
            return dir
        }
        var dir = io.environment("PWD") ?? "."
        for _ in 0..<16 {
            let candidate = dir == "/" ? "/labs" : dir + "/labs"
            if io.listDirectory(candidate) != nil { return candidate }
            guard let slash = dir.lastIndex(of: "/"), dir != "/" else { break }
            dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
        }
        throw .usage("cannot find a labs/ folder here or above; pass --labs DIR or set KDSLAB_LABS")
    }

    /// Loads lab `id`; an unknown id or a lab with errors is a usage failure listing why.
    func lab(_ id: String) throws(CommandFailure) -> Lab {
        let dir = try labsDirectory()
        let entries = io.listDirectory(dir) ?? []
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
