extension LessonCatalog {
    /// The catalog with its lessons in the order `manifest` sets (listed ones first, as
    /// listed; the others after, in file order), or as it is when the manifest sets none.
    public func ordered(by manifest: CourseManifest) -> LessonCatalog {
        var copy = self
        copy.lessons = manifest.orderingLessons(lessons, id: \.id)
        return copy
    }
}
