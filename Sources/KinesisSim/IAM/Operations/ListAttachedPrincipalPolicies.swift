import IAMPolicy

/// `ListAttachedUserPolicies`'s and `ListAttachedRolePolicies`'s input.
public struct ListAttachedPrincipalPoliciesInput: Sendable, Equatable {
    /// Whether `UserName` or `RoleName` names the principal.
    public var kind: IAMPrincipalKind
    /// `UserName` or `RoleName` (required).
    public var principalName: String?

    /// Creates an input.
    public init(_ kind: IAMPrincipalKind, _ principalName: String?) {
        self.kind = kind
        self.principalName = principalName
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.principalName(principalName, kind)
        try v.throwIfAny()
    }
}

/// One `AttachedPolicies` member: a managed policy's name and ARN.
public struct AttachedPolicyReference: Sendable, Equatable {
    /// `PolicyName`.
    public var policyName: String
    /// `PolicyArn`.
    public var policyArn: String
}

extension KinesisWorld {
    /// `iam:ListAttachedUserPolicies` / `iam:ListAttachedRolePolicies`: the managed policies
    /// attached, in attachment order (one page: kdslab's principals have at most ten).
    public func listAttachedPrincipalPolicies(_ input: ListAttachedPrincipalPoliciesInput,
                                              as caller: Caller) throws(IAMError) -> [AttachedPolicyReference] {
        try input.validate()
        let name = input.principalName ?? ""
        let account = caller.principal.account
        try authorize(caller, input.kind == .user ? .listAttachedUserPolicies : .listAttachedRolePolicies,
                      on: arn(of: input.kind, name, account: account))
        let attached: [String]
        switch input.kind {
        case .user:
            guard let user = accounts[account]?.users[name] else { throw .noSuch(.user, name) }
            attached = user.attachedPolicies
        case .role:
            guard let role = accounts[account]?.roles[name] else { throw .noSuch(.role, name) }
            attached = role.attachedPolicies
        }
        return attached.compactMap { arn in managedPolicy(arn: arn).map { AttachedPolicyReference(policyName: $0.name, policyArn: arn) } }
    }
}
