import IAMPolicy

/// `CreateRole`'s input.
public struct CreateRoleInput: Sendable, Equatable {
    /// `RoleName` (required).
    public var roleName: String?
    /// `AssumeRolePolicyDocument` (required): the trust policy.
    public var assumeRolePolicyDocument: String?
    /// `Path` (default `/`).
    public var path: String?
    /// `MaxSessionDuration` in seconds (default 3600).
    public var maxSessionDuration: Int?

    /// Creates an input.
    public init(roleName: String?, assumeRolePolicyDocument: String?, path: String? = nil, maxSessionDuration: Int? = nil) {
        self.roleName = roleName
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.path = path
        self.maxSessionDuration = maxSessionDuration
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.required(roleName, at: "roleName")
        v.check(roleName, at: "roleName", length: IAMLimits.roleName, pattern: .name)
        v.required(assumeRolePolicyDocument, at: "assumeRolePolicyDocument")
        v.check(assumeRolePolicyDocument, at: "assumeRolePolicyDocument", length: IAMLimits.policyDocument)
        v.check(path, at: "path", length: IAMLimits.path, pattern: .path)
        v.check(maxSessionDuration, at: "maxSessionDuration", range: IAMLimits.maxSessionDuration)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:CreateRole`: a new role in the caller's account with its trust policy.
    public mutating func createRole(_ input: CreateRoleInput, as caller: Caller) throws(IAMError) -> IAMRole {
        try input.validate()
        let name = input.roleName ?? ""
        let account = caller.principal.account
        var role = IAMRole(name: name, account: account, path: input.path ?? "/",
                           maxSessionDurationSeconds: input.maxSessionDuration ?? 3600, createDate: now)
        try authorize(caller, .createRole, on: role.arn)
        guard accounts[account]?.roles[name] == nil else {
            throw IAMError(.entityAlreadyExists, "Role with name \(name) already exists.")
        }
        role.trustPolicy = try Self.policy(named: "trust-policy", input.assumeRolePolicyDocument ?? "", type: .trust)
        addRole(role, account: account)
        return role
    }
}
