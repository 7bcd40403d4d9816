import LabKit
import Testing

@Suite("The way through the course")
struct CourseRouteTests {
    /// Five labs; lessons `l1` (labs a, b), `l2` (c), `l3` (d, e; e also belongs to l1).
    static let route = CourseRoute(stops: [
        .init(lab: "a", lessons: ["l1"]), .init(lab: "b", lessons: ["l1"]), .init(lab: "c", lessons: ["l2"]),
        .init(lab: "d", lessons: ["l3"]), .init(lab: "e", lessons: ["l3", "l1"]),
    ])

    @Test("next is the first unpassed lab after the one just passed, wrapping round; its unread lesson first",
          arguments: [
        // (anchor, passed, read, expected lab, expected lesson)
        (nil, [], [], "a", "l1"),
        (nil, ["a"], ["l1"], "b", nil),
        ("c", ["a", "c"], ["l1", "l2"], "d", "l3"),           // not b, the first unpassed one
        ("c", ["a", "c", "d"], ["l3"], "e", "l1"),            // e's first lesson is read, its second is not
        ("e", ["c", "d", "e"], ["l1"], "a", nil),             // after the last lab: from the start
        ("gone", ["a"], [], "b", "l1"),                       // an anchor not on the route counts as none
    ] as [(String?, Set<String>, Set<String>, String, String?)])
    func next(anchor: String?, passed: Set<String>, read: Set<String>, lab: String, lesson: String?) {
        #expect(Self.route.next(after: anchor, passed: passed, read: read) == .init(lab: lab, lessonToRead: lesson))
    }

    @Test("nothing is next once every lab is passed; the course is complete")
    func complete() {
        let all: Set = ["a", "b", "c", "d", "e"]
        #expect(Self.route.next(after: "b", passed: all, read: []) == nil)
        #expect(Self.route.isComplete(passed: all))
        #expect(!Self.route.isComplete(passed: all.subtracting(["c"])))
        #expect(!CourseRoute(stops: []).isComplete(passed: []))
        #expect(Self.route.passedCount(["a", "x"]) == 1)
    }

    @Test("labs by position, 1-based")
    func positions() {
        #expect(Self.route.lab(at: 1) == "a")
        #expect(Self.route.lab(at: 5) == "e")
        #expect(Self.route.lab(at: 0) == nil)
        #expect(Self.route.lab(at: 6) == nil)
    }

    @Test("a session goes on from the lab whose pass was recorded last, and forgets it on reset")
    func sessionAnchor() {
        var session = LabSession(passed: ["a"], lastPassed: "a", read: ["l1"])
        session.notePassRecorded("c")
        #expect(session.lastPassed == "c")
        let first = session.noteRead("l2")
        let again = session.noteRead("l2")
        #expect(first && !again)
        session.reset("c")
        #expect(session.lastPassed == nil)
        #expect(!session.passedLabs.contains("c"))
    }
}
