import LabKit

/// The course as loaded: its manifest, its labs in order, its lessons, and what was wrong
/// with the files.
struct Course {
    /// Where it was found.
    var location: CourseLocation
    /// Its `course.json`, when it has one that reads.
    var manifest: CourseManifest?
    /// The labs that loaded, in course order.
    var labs: [Lab]
    /// The lessons (empty without a `content/` folder).
    var lessons: LessonCatalog
    /// Problems in the files, as `path:line:column: severity: message`.
    var warnings: [String]

    /// Creates a course.
    init(location: CourseLocation, manifest: CourseManifest? = nil, labs: [Lab], lessons: LessonCatalog, warnings: [String]) {
        self.location = location
        self.manifest = manifest
        self.labs = labs
        self.lessons = lessons
        self.warnings = warnings
    }

    /// The lab with `id`, if it loaded.
    func lab(_ id: String) -> Lab? {
        labs.first { $0.id == id }
    }

    /// The lab ids, in course order.
    var labIDs: [String] { labs.map(\.id) }

    /// The course's title: its manifest's, else the name kdslab's own course had before packs.
    var title: String { manifest?.title ?? "Amazon Kinesis Data Streams security" }
}
