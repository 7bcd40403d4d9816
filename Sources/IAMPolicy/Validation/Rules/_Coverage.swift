/// Sound but incomplete tests of "everything this pattern matches, that one matches too".
/// When unsure they answer `false`, so redundancy is never claimed wrongly.
enum _Coverage {
    /// Whether action pattern `outer` matches every action `inner` matches.
    static func action(_ outer: ActionPattern, covers inner: ActionPattern, _ context: _ValidationContext) -> Bool {
        if _GlobRelation.covers(outer.text, inner.text, caseInsensitive: true) { return true }
        guard case .detailed(let innerActions) = context.reach(inner), !innerActions.isEmpty else { return false }
        switch context.reach(outer) {
        case .everything: return true
        case .unknown: return false
        case .detailed(let outerActions):
            let names = Set(outerActions.map(\.fullName))
            return innerActions.allSatisfy { names.contains($0.fullName) }
        }
    }

    /// Whether resource pattern `outer` matches every resource `inner` matches.
    static func resource(_ outer: ResourcePattern, covers inner: ResourcePattern) -> Bool {
        if outer.text.contains("${") || inner.text.contains("${") { return outer.text == inner.text }
        return _GlobRelation.covers(outer.text, inner.text)
    }

    /// Whether every entry of `inner` is covered by some entry of `outer`.
    static func all<T>(_ inner: [T], coveredBy outer: [T], _ covers: (T, T) -> Bool) -> Bool {
        inner.allSatisfy { i in outer.contains { o in covers(o, i) } }
    }

    /// Whether two principal clauses name the same principals, ignoring order and position.
    static func samePrincipals(_ a: PrincipalClause?, _ b: PrincipalClause?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?):
            guard x.isNegated == y.isNegated, x.set.isBareWildcard == y.set.isBareWildcard else { return false }
            let key: (PrincipalEntry) -> String = { "\($0.type.rawValue)=\($0.value)" }
            return Set(x.set.entries.map(key)) == Set(y.set.entries.map(key))
        default: return false
        }
    }
}
