/// A decision told in plain language: one summary sentence and the facts behind it.
///
/// Built by a pure function from a result and its trace; the CLI decides how to render it.
public struct Explanation: Sendable, Equatable {
    /// One sentence: the verdict and the statement (or absence of one) that decided it.
    public var summary: String
    /// Supporting facts, most telling first: which statements applied, which nearly did and why not.
    public var details: [Detail]

    /// One supporting fact, pointing at a statement when it is about one.
    public struct Detail: Sendable, Equatable {
        /// The fact, in plain language.
        public var text: String
        /// The statement it is about, when any.
        public var policyId: String?
        /// Where that statement sits.
        public var range: SourceRange?

        /// Creates a detail.
        public init(text: String, policyId: String? = nil, range: SourceRange? = nil) {
            self.text = text
            self.policyId = policyId
            self.range = range
        }
    }

    /// Creates an explanation.
    public init(summary: String, details: [Detail]) {
        self.summary = summary
        self.details = details
    }

    /// Explains `result` using the statement-by-statement `trace` of the same request.
    public init(_ result: AuthorizationResult, trace: [StatementTrace]) {
        let r = result.request
        let what = "\(r.action) on \(r.resource)"
        var details: [Detail] = []
        func at(_ t: StatementTrace) -> String { "\(t.label) of \(t.policyId) (line \(t.range.start.line))" }

        switch result.decision {
        case .allowed:
            let allow = trace.first { $0.outcome == .applied && $0.effect == .allow }
            if let allow {
                summary = "Allowed: \(at(allow)) allows \(what), and no Deny applies."
            } else {
                summary = "Allowed: \(what) is allowed, and no Deny applies."
            }
        case .explicitDeny:
            let deny = trace.first { $0.outcome == .applied && $0.effect == .deny }
            let by = deny.map { at($0) } ?? "a Deny statement"
            summary = "Explicitly denied: \(by) denies \(what). An explicit Deny overrides every Allow."
        case .implicitDeny:
            let kind = result.denial?.kind ?? .identity
            switch kind {
            case .resource where r.owningAccount != r.principal.account:
                summary = "Implicitly denied: the caller's own policies allow \(what), but the request crosses accounts and no resource-based policy of account \(r.owningAccount) allows it. Cross-account access needs both sides."
            case .resource:
                summary = "Implicitly denied: the resource's own policy (a KMS key policy or a role's trust policy) does not allow \(what) for this caller, and for this resource it must, even within one account."
            case .permissionsBoundary:
                summary = "Implicitly denied: an identity-based policy allows \(what), but the permissions boundary does not. A boundary caps what identity policies can grant."
            case .session:
                summary = "Implicitly denied: no session policy allows \(what). A session can do only what both its role and its session policy allow."
            case .serviceControl:
                summary = "Implicitly denied: no service control policy allows \(what)."
            case .identity:
                summary = "Implicitly denied: no statement allows \(what). Everything is denied unless a policy allows it."
            }
        }

        for t in trace {
            switch t.outcome {
            case .applied:
                let verb = t.effect == .allow ? "allows" : "denies"
                details.append(Detail(text: "\(at(t)) applies: it \(verb) this request.", policyId: t.policyId, range: t.range))
            case .conditionFailed(let c, let missing):
                let why = missing
                    ? "the request has no `\(c.key)` value, so `\(c.op)` on it is false"
                    : "`\(c.op)` on `\(c.key)` is false for this request"
                details.append(Detail(
                    text: "\(at(t)) matches the action and resource but does not apply: \(why).",
                    policyId: t.policyId, range: t.range))
            case .resourceNotMatched:
                details.append(Detail(
                    text: "\(at(t)) names the action but not this resource (\(r.resource)).",
                    policyId: t.policyId, range: t.range))
            case .principalNotMatched:
                details.append(Detail(
                    text: "\(at(t)) matches the action and resource but does not name the caller (\(r.principal.arn)).",
                    policyId: t.policyId, range: t.range))
            case .actionNotMatched:
                continue
            }
        }
        if !result.missingContextKeys.isEmpty {
            details.append(Detail(text: "Context keys the policies read but the request lacked: "
                + result.missingContextKeys.joined(separator: ", ") + "."))
        }
        self.details = details
    }
}
