import Foundation
import IAMPolicy
import KinesisSim

extension Decision {
    /// How a learner reads the decision: "allowed", "explicitly denied", "implicitly denied".
    public var phrase: String {
        switch self {
        case .allowed: "allowed"
        case .explicitDeny: "explicitly denied"
        case .implicitDeny: "implicitly denied"
        }
    }
}

extension AccessExpectation {
    /// How a learner reads the expectation.
    public var phrase: String {
        switch self {
        case .allowed: "allowed"
        case .denied: "denied"
        case .explicitDeny: "explicitly denied"
        case .implicitDeny: "implicitly denied"
        }
    }
}

extension GradingContext {
    /// The evaluator's answer to one request, with its explanation.
    public func evaluate(_ request: AccessRequestSpec) -> (AuthorizationResult, Explanation)? {
        guard let caller = caller(request.principal, via: request.via) else { return nil }
        return world.explain(AccessQuery(caller: caller, action: request.action, resource: request.resource,
                                         context: request.context))
    }

    /// `access`: the request must get the expected decision.
    func gradeAccess(_ spec: AccessCheckSpec) -> CheckOutcome {
        guard let (result, explanation) = evaluate(spec.request) else {
            return CheckOutcome(passed: false, message: "\(spec.request.principal) is not in the lab's world")
        }
        let passed = spec.expect.isMet(by: result.decision)
        let place = submissionLine(result.matchedStatements)
        let details = explanation.details.map(\.text)
        if passed {
            return CheckOutcome(passed: true, message: "\(spec.request.summary) is \(result.decision.phrase), as it should be.",
                                details: [explanation.summary] + details, line: place?.line, column: place?.column)
        }
        // The explanation's summary starts with the decision ("Implicitly denied: …"), which
        // the message has just said.
        var reason = explanation.summary
        if let colon = reason.firstIndex(of: ":"), reason[..<colon].lowercased() == result.decision.phrase {
            reason = String(reason[reason.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return CheckOutcome(passed: false,
                            message: "\(spec.request.summary) should be \(spec.expect.phrase) but is \(result.decision.phrase): \(reason)",
                            details: details, line: place?.line, column: place?.column)
    }
}
