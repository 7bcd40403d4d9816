/// The course's labs in order, each with the lessons it belongs to: the way through the
/// course, and where the learner is on it.
///
/// A value: it answers from the sets of passed labs and read lessons it is given.
public struct CourseRoute: Sendable, Equatable {
    /// One lab on the route.
    public struct Stop: Sendable, Equatable {
        /// The lab's id.
        public var lab: String
        /// The ids of the lessons it belongs to, in the lab's order.
        public var lessons: [String]

        /// Creates a stop.
        public init(lab: String, lessons: [String]) {
            self.lab = lab
            self.lessons = lessons
        }
    }

    /// What to do next: the lab, and the lesson to read before it when it is unread.
    public struct NextStep: Sendable, Equatable {
        /// The lab to start.
        public var lab: String
        /// The first of the lab's lessons the learner has not read, if any.
        public var lessonToRead: String?

        /// Creates a step.
        public init(lab: String, lessonToRead: String? = nil) {
            self.lab = lab
            self.lessonToRead = lessonToRead
        }
    }

    /// The labs, in course order.
    public var stops: [Stop]

    /// Creates a route through `stops`, in that order.
    public init(stops: [Stop]) {
        self.stops = stops
    }

    /// The route through `labs`, in the order given, keeping only lessons `lessonIDs` holds
    /// (every lesson when `nil`).
    public init(labs: [LabDefinition], lessonIDs: Set<String>? = nil) {
        stops = labs.map { lab in
            Stop(lab: lab.id, lessons: lab.lessons.filter { lessonIDs?.contains($0) ?? true })
        }
    }

    /// The lab to do after `anchor` (the lab just passed): the first unpassed lab after it in
    /// course order, else the first unpassed lab from the start. Without an anchor (or one
    /// not on the route), the first unpassed lab. `nil` when every lab is passed.
    public func next(after anchor: String?, passed: Set<String>, read: Set<String>) -> NextStep? {
        let start = anchor.flatMap { id in stops.firstIndex { $0.lab == id } }.map { $0 + 1 } ?? 0
        let order = stops[start...] + stops[..<start]
        guard let stop = order.first(where: { !passed.contains($0.lab) }) else { return nil }
        return NextStep(lab: stop.lab, lessonToRead: stop.lessons.first { !read.contains($0) })
    }

    /// How many of the route's labs are in `passed`.
    public func passedCount(_ passed: Set<String>) -> Int {
        stops.filter { passed.contains($0.lab) }.count
    }

    /// Whether every lab on the route is passed (an empty route is never complete).
    public func isComplete(passed: Set<String>) -> Bool {
        !stops.isEmpty && passedCount(passed) == stops.count
    }

    /// The lab at a 1-based position, if there is one.
    public func lab(at position: Int) -> String? {
        stops.indices.contains(position - 1) ? stops[position - 1].lab : nil
    }
}
