import IAMPolicy

/// `DeleteUser`'s and `DeleteRole`'s input.
public struct DeletePrincipalInput: Sendable, Equatable {
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

extension KinesisWorld {
    /// `iam:DeleteUser` / `iam:DeleteRole`: only once nothing hangs on the principal any more
    /// (`DeleteConflict`): a user's access keys deleted, inline policies deleted, managed
    /// policies detached. Sessions of a deleted role keep their credentials but no permission.
    public mutating func deletePrincipal(_ input: DeletePrincipalInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let name = input.principalName ?? ""
        let account = caller.principal.account
        try authorize(caller, input.kind == .user ? .deleteUser : .deleteRole, on: arn(of: input.kind, name, account: account))
        let (inline, attached): (Int, Int)
        switch input.kind {
        case .user:
            guard let user = accounts[account]?.users[name] else { throw .noSuch(.user, name) }
            if !credentials.keys(ofUser: name, account: account).isEmpty {
                throw IAMError(.deleteConflict, "Cannot delete entity, must delete access keys first.")
            }
            (inline, attached) = (user.policies.count, user.attachedPolicies.count)
        case .role:
            guard let role = accounts[account]?.roles[name] else { throw .noSuch(.role, name) }
            (inline, attached) = (role.policies.count, role.attachedPolicies.count)
        }
        if inline > 0 { throw IAMError(.deleteConflict, "Cannot delete entity, must delete policies first.") }
        if attached > 0 { throw IAMError(.deleteConflict, "Cannot delete entity, must detach all policies first.") }
        switch input.kind {
        case .user: accounts[account]!.users[name] = nil
        case .role: accounts[account]!.roles[name] = nil
        }
    }
}
