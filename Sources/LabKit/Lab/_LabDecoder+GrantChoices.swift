import IAMPolicy

/// `oneOf` in an `exact-access` check's `required`: a requirement that any one of several
/// actions meets (`GrantChoice`).
extension _LabDecoder {
    /// `{"oneOf": [actions…], "resources": […]}`: one group per resource.
    mutating func choice(_ g: JSONValue) -> [GrantChoice] {
        reader.rejectUnknownKeys(g, known: ["oneOf", "resources"], in: "a one-of grant")
        if g["actions"] != nil {
            reader.problem("a grant has either `actions` (all of them are required) or `oneOf` (one of them is), not both", at: g["actions"])
        }
        let names = reader.strings(g, "oneOf") ?? []
        let actions = names.compactMap { action($0, at: g["oneOf"]) }
        let resources = (reader.strings(g, "resources") ?? []).compactMap { resource($0, at: g["resources"]) }
        if g["resources"] == nil { reader.problem("a one-of grant needs `resources`", at: g) }
        if names.count < 2 {
            reader.problem("`oneOf` needs at least two actions; for one, use `actions`", at: g["oneOf"])
        }
        var seen: Set<String> = []
        for a in actions where !seen.insert(a.lowercased()).inserted {
            reader.problem("`oneOf` names `\(a)` twice", at: g["oneOf"])
        }
        guard actions.count == names.count, actions.count >= 2 else { return [] }
        return resources.map { GrantChoice(actions: actions, resource: $0) }
    }

    /// A group one of whose actions is also required on its resource is always met, so it
    /// says nothing: the lab meant something else.
    mutating func checkChoices(_ choices: [GrantChoice], required: [Grant], at place: JSONValue?) {
        for group in choices {
            for g in group.grants where required.contains(where: { $0.action.lowercased() == g.action.lowercased() && $0.resource == g.resource }) {
                reader.problem("`\(g.action)` on \(g.resource) is required, so the `oneOf` group that names it is always met: drop it from one of the two", at: place)
            }
        }
    }
}
