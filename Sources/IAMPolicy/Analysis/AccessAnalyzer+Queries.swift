/// The questions the grader and `kdslab policy check-*` ask of an analysis. Each looks only
/// at requests the first model allows, so each walks with ``AnalysisScope/onlyAllowed``.
extension AccessAnalyzer {
    /// Every class of requests in `scope` that the first model allows, one representative each.
    public func grants(in scope: AnalysisScope) throws(AnalysisUnknown) -> [Sample] {
        var out: [Sample] = []
        try forEachSample(in: scope.allowedOnly) { s in
            if s.decisions[0] == .allowed { out.append(s) }
            return true
        }
        return out
    }

    /// The first request in `scope` that the first model allows and the second does not
    /// (new access), or `nil` when there is none. Needs two models.
    public func newAccess(in scope: AnalysisScope) throws(AnalysisUnknown) -> Sample? {
        precondition(models.count >= 2, "new access compares two models")
        var found: Sample?
        try forEachSample(in: scope.allowedOnly) { s in
            if s.decisions[0] == .allowed && s.decisions[1] != .allowed {
                found = s
                return false
            }
            return true
        }
        return found
    }

    /// Every request in `scope` that the first model allows and the second does not.
    public func allNewAccess(in scope: AnalysisScope) throws(AnalysisUnknown) -> [Sample] {
        precondition(models.count >= 2, "new access compares two models")
        var out: [Sample] = []
        try forEachSample(in: scope.allowedOnly) { s in
            if s.decisions[0] == .allowed && s.decisions[1] != .allowed { out.append(s) }
            return true
        }
        return out
    }

    /// The first request in `scope` the first model allows that `isAllowed` rejects.
    public func firstGrant(in scope: AnalysisScope, outside isAllowed: (Sample) -> Bool) throws(AnalysisUnknown) -> Sample? {
        var found: Sample?
        try forEachSample(in: scope.allowedOnly) { s in
            if s.decisions[0] == .allowed && !isAllowed(s) {
                found = s
                return false
            }
            return true
        }
        return found
    }

    /// The first request in `scope` (all of one principal, action and resource, say) that the
    /// first model does not deny: the way round a guardrail. `nil` when it is denied in
    /// every context.
    public func firstAllowed(in scope: AnalysisScope) throws(AnalysisUnknown) -> Sample? {
        var found: Sample?
        try forEachSample(in: scope.allowedOnly) { s in
            if s.decisions[0] == .allowed {
                found = s
                return false
            }
            return true
        }
        return found
    }
}

extension AnalysisScope {
    /// This scope, asking only for requests the first model allows.
    var allowedOnly: AnalysisScope {
        var s = self
        s.onlyAllowed = true
        return s
    }
}
