import IAMPolicy

/// Small edits of parsed JSON objects, for making mutants of a policy.
extension JSONValue {
    /// The object with the first member named `key` given `value` (unchanged when absent).
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        editingMembers { members in
            if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value }
        }
    }

    /// The object with the first member named `key` renamed `newKey`, in place.
    func renaming(_ key: String, to newKey: String) -> JSONValue {
        editingMembers { members in
            if let i = members.firstIndex(where: { $0.key == key }) { members[i].key = newKey }
        }
    }

    /// The object without its members named `key`.
    func removing(_ key: String) -> JSONValue {
        editingMembers { members in members.removeAll { $0.key == key } }
    }

    /// The object with `value` added as its member `key` (a new member, or replacing one).
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        member(key) != nil ? setting(key, to: value) : editingMembers { members in
            members.append(JSONMember(key: key, keyRange: range, value: value))
        }
    }

    /// A statement whose `Condition` also holds `op: {key: value}` (nil when that operator
    /// is already there).
    func addingCondition(_ op: String, key: String, value: String) -> JSONValue? {
        let test = JSONValue.object([(key, .string(value))])
        guard let condition = member("Condition")?.value else {
            return adding("Condition", .object([(op, test)]))
        }
        guard condition.member(op) == nil else { return nil }
        return setting("Condition", to: condition.adding(op, test))
    }

    /// The member named `key`, with where it is written.
    func member(_ key: String) -> JSONMember? {
        members?.first { $0.key == key }
    }

    /// A string or an array of strings as (string, where it is written) pairs; anything else
    /// gives none.
    var stringList: [(value: String, range: SourceRange)] {
        if let s = stringValue { return [(s, range)] }
        return (elements ?? []).compactMap { e in e.stringValue.map { ($0, e.range) } }
    }

    private func editingMembers(_ edit: (inout [JSONMember]) -> Void) -> JSONValue {
        guard var members else { return self }
        edit(&members)
        return JSONValue(.object(members), range: range)
    }
}
