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
        if spec.request.isEveryAction { return gradeEveryAction(spec) }
        guard let (result, explanation) = evaluate(spec.request) else {
            return CheckOutcome(passed: false, message: "\(spec.request.principal) is not in the lab's world")
        }
        let passed = spec.expect.isMet(by: result.decision)
        let place = submissionLine(result.matchedStatements)
        let details = explanation.details.map(\.text)
        if passed && spec.expect != .allowed {
            // A denial must hold in every context the check leaves open, not only the usual one.
            if let way = wayRound(spec, actions: [spec.request.action]) {
                return wayRoundOutcome(spec, way, details: details, place: place)
            }
        }
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
        var line = place
        if let by = decisiveAllow(spec.request, result) {
            // The first Allow the evaluator met only named the caller's account, and no IAM
            // policy of the account allows the request: the statement that grants it is another.
            reason = "\(by.label) allows it, and no Deny applies."
            line = (by.line, by.column)
        }
        return CheckOutcome(passed: false,
                            message: "\(spec.request.summary) should be \(spec.expect.phrase) but is \(result.decision.phrase): \(reason)",
                            details: details, line: line?.line, column: line?.column)
    }

    /// The check fixes who asks, the action, the
    /// resource, how the request arrives (`via`) and the context keys it names; every other
    /// key ranges over every value, as AWS could send it.
    /// The failing outcome for a way round a denial (or a question the analysis could not
    /// decide), naming the statement that lets the request through.
    func wayRoundOutcome(_ spec: AccessCheckSpec, _ way: Result<AccessAnalyzer.Sample, AnalysisUnknown>,
                         details: [String], place: (line: Int, column: Int)?) -> CheckOutcome {
        switch way {
        case .failure(let unknown):
            return CheckOutcome(passed: false, message: "\(spec.request.summary) could not be decided in every context, so the check does not pass: \(unknown.reason)",
                                details: details, line: place?.line, column: place?.column)
        case .success(let s):
            let by = grantingStatement(s)
            let decision = s.decisions[0]
            return CheckOutcome(passed: false,
                message: "\(spec.request.summary) should be \(spec.expect.phrase) in every context, and it is in the usual one, but it is \(decision.phrase)\(contextSummary(s))" + (by.map { " (\($0.label))" } ?? ""),
                details: details, line: by?.line ?? place?.line, column: by?.column ?? place?.column)
        }
    }

    /// A context the check leaves open in which one of `actions` does not get the expected
    /// denial, or `nil` when there is none.
    func wayRound(_ spec: AccessCheckSpec, actions: [String]) -> Result<AccessAnalyzer.Sample, AnalysisUnknown>? {
        guard let caller = caller(spec.request.principal, via: spec.request.via) else { return nil }
        var fixed: [String: ContextValue?] = [:]
        switch caller.connection.endpoint {
        case .vpcEndpoint(let id, let vpc):
            // Through an interface endpoint there is no aws:SourceIp. A check that names its
            // endpoint (or VPC) asks about that one; `"via": "vpce"` alone means "through a
            // VPC endpoint", any of them, so the ids range over every class the policies
            // make (a Deny that spares one endpoint is a way round it).
            fixed["aws:SourceIp"] = .some(nil)
            if spec.request.via.vpce != nil { fixed["aws:SourceVpce"] = .string(id) }
            if spec.request.via.vpc != nil { fixed["aws:SourceVpc"] = .string(vpc) }
        case .publicHTTPS, .plainHTTP, .fips:
            fixed["aws:SourceVpce"] = .some(nil)
            fixed["aws:SourceVpc"] = .some(nil)
            fixed["aws:VpcSourceIp"] = .some(nil)
        }
        fixed["aws:SecureTransport"] = .boolean(caller.connection.isSecure)
        for (k, v) in spec.request.context { fixed[k] = v }
        var model = requestModel
        model.insecureTransport = !caller.connection.isSecure
        let scope = AnalysisScope(principals: .only([caller.principal.roleArn ?? caller.principal.arn]),
                                  actions: actions, resources: [spec.request.resource], fixedContext: fixed,
                                  // Only an allowed request can fail "denied"; "explicit deny" fails on an implicit one too.
                                  onlyAllowed: spec.expect == .denied)
        do {
            var found: AccessAnalyzer.Sample?
            try AccessAnalyzer(models: [model], cache: analysisCache).forEachSample(in: scope) { s in
                if spec.expect.isMet(by: s.decisions[0]) { return true }
                found = s
                return false
            }
            return found.map { .success($0) }
        } catch {
            return .failure(error)
        }
    }

    /// For an allowed request whose first matching submission Allow only names the caller's
    /// account (granting nothing by itself, as no IAM policy allows the request), the
    /// submission's statement that does grant it; `nil` otherwise.
    func decisiveAllow(_ request: AccessRequestSpec, _ result: AuthorizationResult) -> (label: String, line: Int, column: Int)? {
        guard result.decision == .allowed,
              let first = result.matchedStatements.first(where: { $0.policyId == submissionPolicyName && $0.effect == .allow }),
              onlyNamesAccount(first, of: result.request.principal),
              !result.matchedStatements.contains(where: { $0.policyId != submissionPolicyName && $0.effect == .allow }),
              let caller = caller(request.principal, via: request.via) else { return nil }
        let (authRequest, set) = world.authorizationInput(AccessQuery(caller: caller, action: request.action,
                                                                       resource: request.resource, context: request.context))
        guard let by = grantingStatement(authRequest, set: set), by.line != first.range.start.line || by.column != first.range.start.column else { return nil }
        return by
    }
}
