import IAMPolicy

/// `DetachUserPolicy`'s and `DetachRolePolicy`'s input.
public struct DetachPrincipalPolicyInput: Sendable, Equatable {
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
    /// `iam:DetachUserPolicy` / `iam:DetachRolePolicy`: detaches a managed policy;
    /// `NoSuchEntity` when it is not attached.
    public mutating func detachPrincipalPolicy(_ input: DetachPrincipalPolicyInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let (name, policyArn) = (input.principalName ?? "", input.policyArn ?? "")
        let account = caller.principal.account
        try authorize(caller, input.kind == .user ? .detachUserPolicy : .detachRolePolicy,
                      on: arn(of: input.kind, name, account: account))
        try changePrincipal(input.kind, name, account: account) { _, attached throws(IAMError) in
            guard let i = attached.firstIndex(of: policyArn) else {
                throw IAMError(.noSuchEntity, "Policy \(policyArn) was not found.")
            }
            attached.remove(at: i)
        }
    }
}
