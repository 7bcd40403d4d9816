extension Lesson {
    /// The lesson's section titles: the plain text of its `##` headings, in order.
    public var sectionTitles: [String] {
        document.blocks.compactMap { block in
            guard case .heading(2, let text) = block.content else { return nil }
            let title = text.plainText.trimmingSpaces()
            return title.isEmpty ? nil : String(title)
        }
    }
}

extension LessonCatalog {
    /// Every lesson's section titles, by lesson id (for checking the sections quiz
    /// questions point at).
    public var sectionTitles: [String: [String]] {
        Dictionary(lessons.map { ($0.id, $0.sectionTitles) }, uniquingKeysWith: { first, _ in first })
    }
}
