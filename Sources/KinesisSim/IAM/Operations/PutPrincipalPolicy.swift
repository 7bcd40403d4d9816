import IAMPolicy

/// `PutUserPolicy`'s and `PutRolePolicy`'s input: an inline policy for a user or role.
public struct PutPrincipalPolicyInput: Sendable, Equatable {
    /// Whether `UserName` or `RoleName` names the principal.
    public var kind: IAMPrincipalKind
    /// `UserName` or `RoleName` (required).
    public var principalName: String?
    /// `PolicyName` (required).
    public var policyName: String?
    /// `PolicyDocument` (required).
    public var policyDocument: String?

    /// Creates an input.
    public init(_ kind: IAMPrincipalKind, _ principalName: String?, policyName: String?, policyDocument: String?) {
        self.kind = kind
        self.principalName = principalName
        self.policyName = policyName
        self.policyDocument = policyDocument
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.principalName(principalName, kind)
        v.required(policyName, at: "policyName")
        v.check(policyName, at: "policyName", length: IAMLimits.policyName, pattern: .name)
        v.required(policyDocument, at: "policyDocument")
        v.check(policyDocument, at: "policyDocument", length: IAMLimits.policyDocument)
        try v.throwIfAny()
    }
}

extension IAMValidation {
    /// The required `userName` (existing user) or `roleName` member.
    mutating func principalName(_ value: String?, _ kind: IAMPrincipalKind) {
        let member = kind == .user ? "userName" : "roleName"
        required(value, at: member)
        check(value, at: member, length: kind == .user ? IAMLimits.userName : IAMLimits.roleName, pattern: .name)
    }
}

extension KinesisWorld {
    /// `iam:PutUserPolicy` / `iam:PutRolePolicy`: adds an inline policy, or replaces the one
    /// of that name.
    public mutating func putPrincipalPolicy(_ input: PutPrincipalPolicyInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let (name, policyName) = (input.principalName ?? "", input.policyName ?? "")
        let account = caller.principal.account
        try authorize(caller, input.kind == .user ? .putUserPolicy : .putRolePolicy,
                      on: arn(of: input.kind, name, account: account))
        let policy = try Self.policy(named: policyName, input.policyDocument ?? "", type: .identity)
        try changePrincipal(input.kind, name, account: account) { policies, _ in
            if let i = policies.firstIndex(where: { $0.name == policyName }) { policies[i] = policy } else { policies.append(policy) }
        }
    }
}
