/// What a manifest says about the course's contents: whether kdslab is new enough, whether
/// its lesson and lab lists match the folders, and the order they set.
extension CourseManifest {
    /// Why `running` (kdslab's version) cannot run this course, or `nil` when it can.
    public func refusal(running: SemanticVersion) -> String? {
        guard let requiresKdslab, running < requiresKdslab else { return nil }
        return "the course `\(id)` needs kdslab \(requiresKdslab) or later; this is kdslab \(running)"
    }

    /// Problems with the lists of lessons and labs against the folders: a listed id with no
    /// lesson or lab folder, and a lesson or lab folder the list leaves out. Errors for
    /// `lab validate`; the course still loads (unlisted ones follow the listed ones).
    public func contentProblems(labIDs: [String], lessonIDs: [String]) -> [LabProblem] {
        var problems: [LabProblem] = []
        func compare(_ listed: [String]?, _ present: [String], _ noun: String, _ folder: String) {
            guard let listed else { return }
            for id in listed where !present.contains(id) {
                problems.append(LabProblem(file: Self.fileName, message: "`\(noun)s` lists `\(id)`, which is not a \(noun) in \(folder)"))
            }
            for id in present where !listed.contains(id) {
                problems.append(LabProblem(file: Self.fileName, message: "the \(noun) `\(id)` in \(folder) is not in `\(noun)s`; add it where it belongs in the course"))
            }
        }
        compare(lessonOrder, lessonIDs, "lesson", "content/")
        compare(labOrder, labIDs, "lab", "labs/")
        return problems
    }

    /// `items` in the course's lab order: listed ones as listed, then the others as they came.
    public func orderingLabs<T>(_ items: [T], id: (T) -> String) -> [T] {
        Self.order(items, by: labOrder, id: id)
    }

    /// The same for lessons.
    public func orderingLessons<T>(_ items: [T], id: (T) -> String) -> [T] {
        Self.order(items, by: lessonOrder, id: id)
    }

    private static func order<T>(_ items: [T], by list: [String]?, id: (T) -> String) -> [T] {
        guard let list else { return items }
        let rank = Dictionary(list.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return items.enumerated().sorted { a, b in
            (rank[id(a.element)] ?? list.count, a.offset) < (rank[id(b.element)] ?? list.count, b.offset)
        }.map(\.element)
    }
}
