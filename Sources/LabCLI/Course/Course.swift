import LabKit

/// The course as loaded: its labs in order, its lessons, and what was wrong with the files.
struct Course {
    /// Where it was found.
    var location: CourseLocation
    /// The labs that loaded, by order and then id.
    var labs: [Lab]
    /// The lessons (empty without a `content/` folder).
    var lessons: LessonCatalog
    /// Problems in the files, as `path:line:column: severity: message`.
    var warnings: [String]

    /// The lab with `id`, if it loaded.
    func lab(_ id: String) -> Lab? {
        labs.first { $0.id == id }
    }

    /// The lab ids, in course order.
    var labIDs: [String] { labs.map(\.id) }
}
