/// The section of a lesson a quiz question is about: where to read again after a wrong
/// answer. A lab file writes it on the question, `"section": "Default deny"`, with
/// `"lesson": "least-privilege"` when it is not the lab's first lesson.
public struct LessonSectionRef: Sendable, Equatable, CustomStringConvertible {
    /// The lesson's id (`least-privilege`).
    public var lesson: String
    /// The section's title, as its `##` heading reads (`Default deny`).
    public var title: String

    /// Creates a reference.
    public init(lesson: String, title: String) {
        self.lesson = lesson
        self.title = title
    }

    /// `“Default deny” in the lesson least-privilege`.
    public var description: String {
        "“\(title)” in the lesson \(lesson)"
    }
}
