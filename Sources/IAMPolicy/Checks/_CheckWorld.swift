/// A policy under check: its input member's name, the parsed document, and the policy as
/// the world attaches it (its id is the member's name, so results can find its statements).
struct _CheckedPolicy {
    var member: String
    var policy: Policy
    var attached: AttachedPolicy
    /// Whether it was read as a role trust policy.
    var trust: Bool
}

/// The world a check runs in: the policies under check (one per model) and what they are
/// attached to.
struct _CheckWorld {
    /// What the policies are attached to.
    enum Attachment: Equatable {
        /// The identity policy of ``CustomPolicyChecks/analyzedRole``.
        case identity
        /// The resource-based policy of every resource in ``resources``.
        case resource(AnalyzedResourceKind)
    }

    var policies: [_CheckedPolicy]
    var attachment: Attachment
    /// For a resource policy, the ARNs it is attached to.
    var resources: [String]

    static let account = AnalyzedResourceKind.account
    static let session = Principal(kind: .assumedRole, arn: "arn:aws:sts::111122223333:assumed-role/analyzed/session",
                                   account: account, roleArn: CustomPolicyChecks.analyzedRole)

    init(policies: [_CheckedPolicy], type: PolicyType, kind: AnalyzedResourceKind? = nil, catalog: ServiceCatalog) {
        self.policies = policies
        if type == .identity {
            attachment = .identity
            resources = []
        } else {
            let trust = type == .trust || policies.contains(where: \.trust)
            let k = kind ?? AnalyzedResourceKind.inferred(from: policies.map(\.policy), trust: trust)
            attachment = .resource(k)
            resources = [k.chosen(from: policies.map(\.policy))]
        }
    }

    /// One model per policy: same principals and resources, that policy attached.
    func models() -> [RequestModel] {
        policies.map { p in
            switch attachment {
            case .identity:
                // Either kind of credentials: the policy may be attached to a role or a user.
                let principal = ModelPrincipal(
                    principal: Self.session, policies: PolicySet(identityPolicies: [p.attached]),
                    context: ["aws:PrincipalArn": .string(CustomPolicyChecks.analyzedRole),
                              "aws:PrincipalAccount": .string(Self.account),
                              "aws:PrincipalType": .string("AssumedRole"),
                              "aws:userid": .string("AROAKDSLABANALYZED01:session")],
                    temporaryCredentials: false)
                // No known resources: a known one's tags would be fixed. A request may come
                // without TLS, so a policy that conditions on aws:SecureTransport is judged for both.
                return RequestModel(accounts: [Self.account], regions: [AnalyzedResourceKind.region], principals: [principal],
                                    insecureTransport: true)
            case .resource:
                let arns = resources.compactMap { ARN(parsing: $0) }
                var accounts: [String] = []
                var regions: [String] = []
                for a in arns {
                    if let account = a.namedAccount, !accounts.contains(account) { accounts.append(account) }
                    if !a.region.isEmpty && !Glob.hasWildcard(a.region) && !regions.contains(a.region) { regions.append(a.region) }
                }
                return RequestModel(accounts: accounts.isEmpty ? [Self.account] : accounts,
                                    regions: regions.isEmpty ? [AnalyzedResourceKind.region] : regions,
                                    resources: resources.map { ModelResource(arn: $0, policy: p.attached) },
                                    insecureTransport: true)
            }
        }
    }

    /// Every request the check is about: the role's, or everyone's on the resources.
    func scope() -> AnalysisScope {
        switch attachment {
        case .identity: AnalysisScope(principals: .only([CustomPolicyChecks.analyzedRole]))
        case .resource: AnalysisScope(principals: .everyone, resources: resources)
        }
    }

    /// The Allow statements of model `m`'s policy under check that grant `sample`; `nil`
    /// when the model does not allow it, or allows it without that policy (an unknown
    /// caller's own identity policy, say).
    func grants(_ sample: AccessAnalyzer.Sample, model m: Int) -> [MatchedStatement]? {
        guard sample.decisions[m] == .allowed else { return nil }
        let id = policies[m].member
        let result = Authorizer().authorize(sample.request, against: sample.policySets[m])
        let mine = result.matchedStatements.filter { $0.policyId == id && $0.effect == .allow }
        return mine.isEmpty ? nil : mine
    }

    /// Keys that describe the principal an identity policy is attached to.
    static let principalAttributes: Set<String> = [
        "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
        "aws:principaltype", "aws:userid", "aws:username",
    ]

    /// Why the analysis would not be exact for these policies, or `nil`. The world knows the
    /// principal an identity policy is attached to, and the resource a resource policy is
    /// attached to, so it holds their attributes fixed (the role's ARN and account, the
    /// resource's tags); a policy that reads them would be judged for that one principal or
    /// resource only.
    func unsupported() -> String? {
        for p in policies {
            for key in Self.keysRead(by: p.policy) {
                let lower = key.lowercased()
                switch attachment {
                case .identity where Self.principalAttributes.contains(lower) || lower.hasPrefix("aws:principaltag/"):
                    return "\(p.member) reads \(key), an attribute of the principal the policy is attached to, which the check does not range over"
                case .resource where lower.hasPrefix("aws:resourcetag/"):
                    return "\(p.member) reads \(key), a tag of the resource the policy is attached to, which the check does not range over"
                default:
                    continue
                }
            }
        }
        return nil
    }

    /// The context keys a policy reads, as written: its condition keys and the keys its
    /// policy variables name (first spelling wins).
    static func keysRead(by policy: Policy) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func add(_ key: String) { if seen.insert(key.lowercased()).inserted { out.append(key) } }
        for s in policy.statements {
            for c in s.conditions {
                add(c.key)
                if policy.supportsVariables {
                    for v in c.values { for k in PolicyVariableTemplate(v.text)?.variableKeys ?? [] { add(k) } }
                }
            }
            if policy.supportsVariables {
                for r in s.resource?.patterns ?? [] { for k in PolicyVariableTemplate(r.text)?.variableKeys ?? [] { add(k) } }
            }
        }
        return out
    }
}
