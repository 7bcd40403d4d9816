/// Where a course's files are: the `labs/` folder and, when there is one, `content/`.
struct CourseLocation: Equatable {
    /// The folder holding one folder per lab.
    var labs: String
    /// The folder holding the lessons (`NN-id.md`), if any.
    var content: String?
}
