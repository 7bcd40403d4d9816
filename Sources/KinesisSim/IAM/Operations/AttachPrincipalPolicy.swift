import IAMPolicy

/// `AttachUserPolicy`'s and `AttachRolePolicy`'s input: a managed policy for a user or role.
public struct AttachPrincipalPolicyInput: Sendable, Equatable {
    /// Whether `UserName` or `RoleName` names the principal.
    public var kind: IAMPrincipalKind
    /// `UserName` or `RoleName` (required).
    public var principalName: String?
    /// `PolicyArn` (required).
    public var policyArn: String?

    /// Creates an input.
    public init(_ kind: IAMPrincipalKind, _ principalName: String?, policyArn: String?) {
        self.kind = kind
        self.principalName = principalName
        self.policyArn = policyArn
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.principalName(principalName, kind)
        v.required(policyArn, at: "policyArn")
        v.check(policyArn, at: "policyArn", length: IAMLimits.arn)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:AttachUserPolicy` / `iam:AttachRolePolicy`: attaches a managed policy (once; again
    /// changes nothing), up to ``IAMLimits/managedPoliciesPerUser`` per principal.
    public mutating func attachPrincipalPolicy(_ input: AttachPrincipalPolicyInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let (name, policyArn) = (input.principalName ?? "", input.policyArn ?? "")
        let account = caller.principal.account
        try authorize(caller, input.kind == .user ? .attachUserPolicy : .attachRolePolicy,
                      on: arn(of: input.kind, name, account: account))
        guard managedPolicy(arn: policyArn) != nil else { throw .noSuchPolicy(policyArn) }
        let quota = IAMLimits.attachedPoliciesQuota(input.kind)
        try changePrincipal(input.kind, name, account: account) { _, attached throws(IAMError) in
            guard !attached.contains(policyArn) else { return }
            guard attached.count < quota.limit else { throw .quota(quota.name, quota.limit) }
            attached.append(policyArn)
        }
    }
}
