import IAMPolicy

extension LabDefinition {
    /// Whom `explain` asks about unless told: the principal the submission is attached to,
    /// else the first principal a check names.
    public var defaultPrincipal: PrincipalRef? {
        if case .identityPolicy(let p, _) = submission { return p }
        for check in checks {
            switch check.kind {
            case .access(let a): return a.request.principal
            case .exactAccess(let e): return e.principal
            case .workload(let w): if let step = w.steps.first { return step.principal }
            case .predict(let p): if let q = p.questions.first { return q.request.principal }
            case .findings, .choice: continue
            }
        }
        if case .trustPolicy(let role) = submission { return PrincipalRef(kind: .role, name: role) }
        return nil
    }

    /// The request `explain ACTION RESOURCE [as PRINCIPAL]` asks about. An action without a
    /// service prefix is a Kinesis action; resources may use the lab files' short forms.
    public func explainRequest(action: String, resource: String, principal: String?)
        -> Result<AccessRequestSpec, ExplainRequestError> {
        let fullAction = action.contains(":") ? action : "kinesis:\(action)"
        guard let known = ServiceCatalog.aws.action(fullAction) else { return .failure(.unknownAction(action)) }
        guard let arn = world.expandResource(resource) else { return .failure(.unknownResource(resource)) }
        let who: PrincipalRef
        if let principal {
            guard let ref = PrincipalRef(parsing: principal), world.principal(ref) != nil else {
                return .failure(.unknownPrincipal(principal))
            }
            who = ref
        } else {
            guard let ref = defaultPrincipal else { return .failure(.noPrincipal) }
            who = ref
        }
        return .success(AccessRequestSpec(principal: who, action: known.fullName, resource: arn))
    }
}

/// Why `explain` cannot ask its question.
public enum ExplainRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an action in the catalog.
    case unknownAction(String)
    /// Not an ARN, `*` or a short form naming something in the world.
    case unknownResource(String)
    /// Not a user or role of the lab's world.
    case unknownPrincipal(String)
    /// The lab names no principal to ask about.
    case noPrincipal

    /// One line for the learner.
    public var description: String {
        switch self {
        case .unknownAction(let a): "`\(a)` is not an action: write kinesis:PutRecord, PutRecord or kms:Decrypt"
        case .unknownResource(let r): "`\(r)` is not a resource here: write an ARN, `*`, stream/NAME, key/ID or alias/NAME"
        case .unknownPrincipal(let p): "`\(p)` is not a user or role of this lab: write role/NAME or user/NAME"
        case .noPrincipal: "this lab names no principal: add `as role/NAME`"
        }
    }
}
