import IAMPolicy
import KinesisSim

/// `access` with an action pattern (`"action": "kinesis:*"`): the expectation holds for every
/// action the pattern matches that acts on the resource, so a Deny whose `NotAction` (or list)
/// spares a few of them fails, naming one it spares.
extension GradingContext {
    func gradeEveryAction(_ spec: AccessCheckSpec) -> CheckOutcome {
        let actions = spec.request.actions
        guard !actions.isEmpty else {
            return CheckOutcome(passed: false, message: "no \(spec.request.action) action acts on \(spec.request.resource)")
        }
        // The usual context first: the first action that misses is graded on its own, so the
        // message says which one and why.
        for action in actions {
            var one = spec
            one.request.action = action
            guard let (result, _) = evaluate(one.request) else {
                return CheckOutcome(passed: false, message: "\(spec.request.principal) is not in the lab's world")
            }
            if !spec.expect.isMet(by: result.decision) { return gradeAccess(one) }
        }
        if spec.expect != .allowed, let way = wayRound(spec, actions: actions) {
            var one = spec
            if case .success(let s) = way {
                // The sample stands for a class of actions: name one the pattern asked about.
                one.request.action = s.actions.first { actions.contains($0) } ?? actions[0]
            }
            return wayRoundOutcome(one, way, details: [], place: nil)
        }
        let how = spec.expect == .allowed ? "" : " in every context the check leaves open"
        return CheckOutcome(passed: true,
                            message: "\(spec.request.summary) (\(actions.count) actions) is \(spec.expect.phrase)\(how), as it should be.")
    }
}
