import IAMPolicy

/// `DeleteUserPolicy`'s and `DeleteRolePolicy`'s input: an inline policy to delete.
public struct DeletePrincipalPolicyInput: Sendable, Equatable {
    /// Whether `UserName` or `RoleName` names the principal.
    public var kind: IAMPrincipalKind
    /// `UserName` or `RoleName` (required).
    public var principalName: String?
    /// `PolicyName` (required).
    public var policyName: String?

    /// Creates an input.
    public init(_ kind: IAMPrincipalKind, _ principalName: String?, policyName: String?) {
        self.kind = kind
        self.principalName = principalName
        self.policyName = policyName
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.principalName(principalName, kind)
        v.required(policyName, at: "policyName")
        v.check(policyName, at: "policyName", length: IAMLimits.policyName, pattern: .name)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:DeleteUserPolicy` / `iam:DeleteRolePolicy`: deletes an inline policy.
    public mutating func deletePrincipalPolicy(_ input: DeletePrincipalPolicyInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let (name, policyName) = (input.principalName ?? "", input.policyName ?? "")
        let account = caller.principal.account
        try authorize(caller, input.kind == .user ? .deleteUserPolicy : .deleteRolePolicy,
                      on: arn(of: input.kind, name, account: account))
        try changePrincipal(input.kind, name, account: account) { policies, _ throws(IAMError) in
            guard let i = policies.firstIndex(where: { $0.name == policyName }) else {
                throw IAMError(.noSuchEntity, "The \(input.kind.rawValue) policy with name \(policyName) cannot be found.")
            }
            policies.remove(at: i)
        }
    }
}
