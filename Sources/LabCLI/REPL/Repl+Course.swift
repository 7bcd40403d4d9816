import LabKit

/// The welcome, `help`, `lessons`, `read`, `labs`, `progress` and `reset`.
extension Repl {
    /// The greeting: where the course is, how far the learner got, what to do next.
    func welcome() {
        io.line(style.bold("kdslab") + " — Amazon Kinesis Data Streams security, in your terminal.")
        if let loadProblem { say("cannot read your progress: \(loadProblem)") }
        for warning in course.warnings { io.line(style.yellow("warning: ") + warning) }
        let passed = course.labs.filter { session.passedLabs.contains($0.id) }.count
        io.line("\(course.lessons.lessons.count) lesson\(course.lessons.lessons.count == 1 ? "" : "s"), "
                + "\(course.labs.count) lab\(course.labs.count == 1 ? "" : "s"); you have passed \(passed) of \(course.labs.count).")
        if let next = course.labs.first(where: { !session.passedLabs.contains($0.id) }) {
            // Suggest the lesson only while none of its labs is passed.
            let lessonID = next.definition.lessons.first { id in
                !course.labs.contains { $0.definition.lessons.contains(id) && session.passedLabs.contains($0.id) }
            }
            let lesson = lessonID.flatMap { course.lessons.position(of: $0) }
            let reading = lesson.map { "`read \($0)`, then " } ?? ""
            io.line("Next: \(reading)`start \(next.id)` (\(next.definition.title)).")
        } else if !course.labs.isEmpty {
            io.line("Every lab is passed. `progress` shows your scores.")
        }
        io.line("Type `help` for the commands\(io.inputIsTerminal ? "; Tab completes, Ctrl-D leaves" : "").")
    }

    func help(_ topic: String?) {
        if let topic {
            guard let spec = ReplCommandSpec.named(topic) else {
                say(ReplCommandError.unknownCommand(topic, suggestion: ReplCommandSpec.suggestion(for: topic)).description)
                return
            }
            io.line(style.bold(spec.usage))
            io.line("  " + spec.summary)
            return
        }
        let width = ReplCommandSpec.all.map(\.usage.count).max() ?? 0
        for spec in ReplCommandSpec.all {
            io.line("  " + style.bold(spec.usage) + String(repeating: " ", count: width - spec.usage.count + 2) + spec.summary)
        }
    }

    func listLessons() {
        guard !course.lessons.lessons.isEmpty else {
            say("this course has no lessons (no content/ folder was found)")
            return
        }
        for (n, lesson) in course.lessons.lessons.enumerated() {
            io.line("  \(n + 1). \(style.bold(lesson.title)) " + style.dim("(\(lesson.id))"))
        }
        io.line("`read N` shows one.")
    }

    func read(_ name: String) {
        guard let lesson = course.lessons.lesson(named: name) else {
            say("no lesson `\(name)`: `lessons` lists them" + (course.lessons.lessons.isEmpty ? "" : " (1 to \(course.lessons.lessons.count))"))
            return
        }
        let size = TerminalSize.current(io: io)
        let text = MarkdownRenderer(width: min(size.columns, 100), style: style).renderText(lesson.document)
        Pager.show(text, io: io, screenRows: size.rows)
        let labs = course.labs.filter { $0.definition.lessons.contains(lesson.id) }
        if !labs.isEmpty {
            io.line(style.dim("Labs for this lesson: " + labs.map { "`start \($0.id)`" }.joined(separator: ", ")))
        }
    }

    func listLabs() {
        guard !course.labs.isEmpty else {
            say("this course has no labs that load")
            return
        }
        let state = saving("read your progress") { try store.load() } ?? ProgressState()
        let width = course.labs.map(\.id.count).max() ?? 0
        let titleWidth = course.labs.map(\.definition.title.count).max() ?? 0
        for (n, lab) in course.labs.enumerated() {
            let p = state[lab.id]
            let status = ProgressRenderer.label(p) + (p.bestScore.map { s in " \(s)/\(p.maxScore ?? lab.definition.maxScore)" } ?? "")
            let coloured = p.status == .passed ? style.green(status) : p.status == .notStarted ? style.dim(status) : style.yellow(status)
            let current = lab.id == session.currentLab ? "*" : " "
            let number = String(n + 1)
            let numberPad = String(repeating: " ", count: String(course.labs.count).count - number.count)
            io.line("\(current)\(numberPad)\(number). \(style.bold(lab.id))" + String(repeating: " ", count: width - lab.id.count + 2)
                    + lab.definition.title + String(repeating: " ", count: titleWidth - lab.definition.title.count + 2) + coloured)
        }
        io.line("`start LAB` works on one.")
    }

    func progress() {
        var command = ProgressCommand(io: io)
        command.knownLabs = course.labs.map { ($0.id, $0.definition.title) }
        do {
            _ = try command.run(noColorFlag ? ["--no-color"] : [])
        } catch {
            for line in error.lines { say(line) }
        }
    }

    func reset(_ named: String?, confirmed: Bool) {
        guard let lab = named ?? session.currentLab else {
            say("`reset` needs a lab: reset LAB --yes")
            return
        }
        guard course.lab(lab) != nil else {
            say("no lab `\(lab)`" + (ReplCommandSpec.closest(lab, in: course.labIDs).map { "; did you mean `\($0)`?" } ?? ""))
            return
        }
        do {
            let status = try ResetCommand(io: io).run([lab] + (confirmed ? ["--yes"] : []))
            if status == 1 { io.line("In the REPL: `reset \(lab) --yes`.") }
            if status == 0 && confirmed { session.reset(lab) }
        } catch {
            for line in error.lines { say(line) }
        }
    }
}
