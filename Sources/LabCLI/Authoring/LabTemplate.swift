/// A starting point for a new lab, built into kdslab: every file of a lab folder, with
/// `{{ID}}` where the new lab's id goes. Each template validates cleanly as it is, and says
/// what to replace (in `prompt.md`'s HTML comments, in titles and hints, and in `AUTHORING.md`).
struct LabTemplate {
    /// Its name for `--from`.
    var name: String
    /// What kind of lab it starts.
    var summary: String
    /// Files by path inside the lab folder, in the order they are written.
    var files: [(path: String, contents: String)]

    /// Every template; the first is the default.
    static let all: [LabTemplate] = [.identityPolicy, .streamPolicy, .quiz]

    /// The template named `name`.
    static func named(_ name: String) -> LabTemplate? {
        all.first { $0.name == name }
    }

    /// The files with the lab's id filled in.
    func files(id: String) -> [(path: String, contents: String)] {
        files.map { ($0.path, $0.contents.replacingOccurrences(of: "{{ID}}", with: id)) }
    }

    /// The guide every new lab folder gets, about the template it came from.
    static func authoringGuide(template: String, specifics: String) -> String {
        """
        # Writing this lab

        Made by `kdslab lab new --from \(template)`. It validates as it is; make it yours, then run
        `kdslab lab validate {{ID}}` until it reports no errors (and read its warnings).

        The folder:
        - `lab.json`: the world, the submission slot, the hints and the checks. JSON has no comments,
          so the titles, descriptions and hints say "Replace this" where the text is a placeholder.
          Set `order` to the lab's place in the course and `lessons` to the lessons it belongs to
          (lesson ids are content file names without `NN-` and `.md`).
        - `prompt.md`: the task for the learner. Its `<!-- -->` comments are notes for you.
        - `starter.json`: where the learner starts; it must fail at least one check.
        - `solution.json`: the reference answer; it must pass every check.
        - `variants/*.json`: other correct answers; each must pass every check.
        - `mutants/NAME.json` + `NAME.expect`: plausible wrong answers (five or more). Each `.expect`
          line names a check the answer must fail, optionally with words its message must contain:
          `exactly-producer: PutResourcePolicy`.

        `kdslab lab validate` also mutates the solution (widens actions, resources and principals,
        drops Conditions and statements, turns Deny into Allow) and reports every mutant that passes
        all the checks: such a lab would accept a wrong answer. An exact-access check catches most.

        \(specifics)

        Delete this file when the lab is done (kdslab does not read it).

        """
    }
}
