import LabKit

/// Finding the way: `next`, the course's progress bar, and the end of the course.
extension Repl {
    func next() {
        let passed = recordedPassed()
        if route.isComplete(passed: passed) {
            line("Every lab is passed: you finished the course. `progress` shows your scores"
                 + (ProgressFiles.exists(certificatePath) ? "; your certificate is \(certificatePath)." : "."))
            return
        }
        if let last = session.lastPassed, let lab = course.lab(last) {
            line("You passed \(lab.id) (\(lab.definition.title)) last.")
        }
        if let text = nextStepText() { line(text) }
        line(courseProgressLine())
    }

    /// `Next: `read 5` (ARNs and resources), then `start arn-wildcards` (…).`, or `nil`
    /// when every lab is passed.
    func nextStepText() -> String? {
        guard let step = route.next(after: session.lastPassed, passed: recordedPassed(), read: session.readLessons),
              let lab = course.lab(step.lab) else { return nil }
        var reading = ""
        if let id = step.lessonToRead, let n = course.lessons.position(of: id), let lesson = course.lessons.lesson(id: id) {
            reading = "`read \(n)` (\(lesson.title)), then "
        }
        let number = route.stops.firstIndex { $0.lab == lab.id }.map { $0 + 1 } ?? 0
        return "Next: \(reading)`start \(lab.id)` (lab \(number): \(lab.definition.title), difficulty \(lab.definition.difficulty)/5)."
    }

    /// `Course progress: 7/18 ▓▓▓▓░░░░░░`.
    func courseProgressLine() -> String {
        "Course progress: " + CourseProgressBar.text(passed: route.passedCount(recordedPassed()), total: route.stops.count)
    }

    /// The labs whose passing attempt is recorded.
    func recordedPassed() -> Set<String> {
        let state = (try? store.load()) ?? ProgressState()
        return Set(state.labs.filter { $0.value.status == .passed }.map(\.key))
    }

    /// Where the certificate is written.
    var certificatePath: String { store.root + "/certificate.txt" }

    /// The course is finished: the summary on the terminal, and the certificate in the
    /// state directory.
    func finishCourse() {
        guard let state = saving("read your progress", { try store.load() }) else { return }
        let events = (try? store.events()) ?? []
        let reads = (try? store.readingRecord())?.firstRead.values.map { $0 } ?? []
        let summary = CourseSummary(labs: course.labs.map(\.definition), state: state,
                                    startedAt: (events.map(\.at) + reads).min())
        var completion = CourseCompletion(summary: summary, learner: io.environment("USER") ?? io.environment("LOGNAME"),
                                          log: state.log)
        completion.course = course.title + (course.manifest.map { " (version \($0.version))" } ?? "")
        line("")
        line(style.green(style.bold("You finished the course!")) + " Every lab is passed.")
        verbatim(completion.table.render(width: width, style: style))
        line(completion.totals)
        let written: Void? = saving("write your certificate") {
            try ProgressFiles.writeAtomically(Array(completion.certificate.utf8), to: certificatePath)
        }
        if written != nil {
            line("Your certificate, a plain-text file to keep: " + style.cyan(certificatePath))
        }
    }
}
