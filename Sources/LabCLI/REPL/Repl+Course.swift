import LabKit

/// The welcome, `help`, `lessons`, `read`, `labs`, `progress` and `reset`.
extension Repl {
    /// The greeting: where the course is, how far the learner got, what to do next.
    func welcome() {
        line(style.bold("kdslab") + " — \(course.title), in your terminal.")
        if let loadProblem { say("cannot read your progress: \(loadProblem)") }
        for warning in course.warnings { line(style.yellow("warning: ") + warning) }
        let lessons = course.lessons.lessons.count
        line("\(lessons) lesson\(lessons == 1 ? "" : "s"), \(course.labs.count) lab\(course.labs.count == 1 ? "" : "s").")
        if !course.labs.isEmpty { line(courseProgressLine()) }
        if let next = nextStepText() {
            line(next)
        } else if !course.labs.isEmpty {
            line("Every lab is passed: you finished the course. `progress` shows your scores"
                 + (ProgressFiles.exists(certificatePath) ? "; your certificate is \(certificatePath)." : "."))
        }
        let keys = input.hasLineEditor ? "; Tab completes, Ctrl-R searches your history, Ctrl-D leaves"
            : io.inputIsTerminal ? "; Ctrl-D leaves" : ""
        line("Type `help` for the commands\(keys).")
    }

    func help(_ topic: String?) {
        if let topic {
            guard let spec = ReplCommandSpec.named(topic) else {
                say(ReplCommandError.unknownCommand(topic, suggestion: ReplCommandSpec.suggestion(for: topic)).description)
                return
            }
            line(style.bold(spec.usage))
            line("  " + spec.summary)
            if !spec.details.isEmpty { verbatim(TextWrapper(width: width).wrapLine("  " + spec.details, hang: 2)) }
            return
        }
        let table = TextTable(columns: [.init(header: "COMMAND"), .init(header: "", wraps: true)],
                              rows: ReplCommandSpec.all.map { [.init($0.listedUsage ?? $0.usage, .bold), .init($0.summary)] },
                              headCells: 1, showsHeader: false)
        verbatim(table.render(width: width - 2, style: style).map { "  " + $0 })
    }

    func listLessons() {
        guard !course.lessons.lessons.isEmpty else {
            say("this course has no lessons (no content/ folder was found)")
            return
        }
        let width = String(course.lessons.lessons.count).count
        for (n, lesson) in course.lessons.lessons.enumerated() {
            let read = session.readLessons.contains(lesson.id)
            let mark = read ? style.green("✔") : " "
            line("  \(String(n + 1).leftPadded(to: width)). \(mark) \(style.bold(lesson.title)) " + style.dim("(\(lesson.id))"))
        }
        let count = course.lessons.lessons.filter { session.readLessons.contains($0.id) }.count
        line("You have read \(count) of \(course.lessons.lessons.count) (✔). `read N` shows one.")
    }

    func read(_ name: String) {
        guard let lesson = course.lessons.lesson(named: name) else {
            say("no lesson `\(name)`: `lessons` lists them" + (course.lessons.lessons.isEmpty ? "" : " (1 to \(course.lessons.lessons.count))"))
            return
        }
        let size = TerminalSize.current(io: io)
        let text = MarkdownRenderer(width: min(size.columns, 100), style: style).renderText(lesson.document)
        Pager.show(text, io: io, screenRows: size.rows)
        if session.noteRead(lesson.id) {
            saving("record that you read the lesson") { try store.noteRead(lesson.id) }
        }
        let labs = course.labs.filter { $0.definition.lessons.contains(lesson.id) }
        if !labs.isEmpty {
            line(style.dim("Labs for this lesson: " + labs.map { "`start \($0.id)`" }.joined(separator: ", ")))
        }
    }

    func listLabs() {
        guard !course.labs.isEmpty else {
            say("this course has no labs that load")
            return
        }
        let state = saving("read your progress") { try store.load() } ?? ProgressState()
        let rows: [[TextTable.Cell]] = course.labs.enumerated().map { n, lab in
            let p = state[lab.id]
            let status = ProgressRenderer.label(p) + (p.bestScore.map { s in " \(s)/\(p.maxScore ?? lab.definition.maxScore)" } ?? "")
            let tint: TextTable.Tint = p.status == .passed ? .green : p.status == .notStarted ? .dim : .yellow
            let lessons = lab.definition.lessons.compactMap { course.lessons.position(of: $0).map(String.init) }
            return [.init((lab.id == session.currentLab ? "*" : "") + "\(n + 1)."), .init(lab.id, .bold),
                    .init(lab.definition.title), .init("\(lab.definition.difficulty)/5"),
                    .init(lessons.isEmpty ? "-" : lessons.joined(separator: ", ")), .init(status, tint)]
        }
        let table = TextTable(columns: [
            .init(header: "", alignRight: true), .init(header: "LAB"), .init(header: "TITLE", wraps: true),
            .init(header: "DIFFICULTY", label: "difficulty"), .init(header: "LESSON", label: "lesson"),
            .init(header: "STATUS"),
        ], rows: rows, headCells: 3)
        verbatim(table.render(width: width, style: style))
        line(courseProgressLine())
        line("`start N` or `start LAB` works on one; `read N` reads lesson N; `next` says where to go on.")
    }

    func progress() {
        var command = ProgressCommand(io: WrappingIO(io, width: width))
        command.course = course
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
        guard let known = course.lab(lab) else {
            say("no lab `\(lab)`" + (ReplCommandSpec.closest(lab, in: course.labIDs).map { "; did you mean `\($0)`?" } ?? ""))
            return
        }
        let flags = course.location.arguments
        do {
            let status = try ResetCommand(io: WrappingIO(io, width: width)).run([lab] + (confirmed ? ["--yes"] : []) + flags)
            if status == 1 { line("In the REPL: `reset \(lab) --yes`.") }
            guard status == 0 && confirmed else { return }
            session.reset(lab)
            // Back to where the lab starts: the starter is the draft, and the lab is current.
            if saving("read your draft", { try store.draft(for: lab) }) == .some(nil) {
                guard saveDraft(known.starter, for: lab) else { return }
            }
            session.start(lab)
            line("`\(lab)` is your current lab: `show` shows it, `check` grades your draft.")
        } catch {
            for line in error.lines { say(line) }
        }
    }
}
