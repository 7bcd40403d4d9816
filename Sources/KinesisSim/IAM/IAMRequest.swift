/// An IAM call with its typed input, as a wire codec decodes it.
public enum IAMRequest: Sendable, Equatable {
    /// `CreateUser`.
    case createUser(CreateUserInput)
    /// `CreateRole`.
    case createRole(CreateRoleInput)
    /// `CreateAccessKey`.
    case createAccessKey(CreateAccessKeyInput)
    /// `PutUserPolicy` or `PutRolePolicy`, by the input's kind.
    case putPrincipalPolicy(PutPrincipalPolicyInput)
    /// `CreatePolicy`.
    case createPolicy(CreatePolicyInput)
    /// `GetPolicy`.
    case getPolicy(GetPolicyInput)
    /// `AttachUserPolicy` or `AttachRolePolicy`, by the input's kind.
    case attachPrincipalPolicy(AttachPrincipalPolicyInput)
    /// `ListAttachedUserPolicies` or `ListAttachedRolePolicies`, by the input's kind.
    case listAttachedPrincipalPolicies(ListAttachedPrincipalPoliciesInput)
    /// `SimulateCustomPolicy`.
    case simulateCustomPolicy(SimulateCustomPolicyInput)
    /// `SimulatePrincipalPolicy`.
    case simulatePrincipalPolicy(SimulatePrincipalPolicyInput)
    /// `DeleteUser` or `DeleteRole`, by the input's kind.
    case deletePrincipal(DeletePrincipalInput)
    /// `DeleteUserPolicy` or `DeleteRolePolicy`, by the input's kind.
    case deletePrincipalPolicy(DeletePrincipalPolicyInput)
    /// `DetachUserPolicy` or `DetachRolePolicy`, by the input's kind.
    case detachPrincipalPolicy(DetachPrincipalPolicyInput)
    /// `DeleteAccessKey`.
    case deleteAccessKey(DeleteAccessKeyInput)
    /// `DeletePolicy`.
    case deletePolicy(DeletePolicyInput)

    /// The operation it calls.
    public var operation: IAMOperation {
        switch self {
        case .createUser: .createUser
        case .createRole: .createRole
        case .createAccessKey: .createAccessKey
        case .putPrincipalPolicy(let i): i.kind == .user ? .putUserPolicy : .putRolePolicy
        case .createPolicy: .createPolicy
        case .getPolicy: .getPolicy
        case .attachPrincipalPolicy(let i): i.kind == .user ? .attachUserPolicy : .attachRolePolicy
        case .listAttachedPrincipalPolicies(let i): i.kind == .user ? .listAttachedUserPolicies : .listAttachedRolePolicies
        case .simulateCustomPolicy: .simulateCustomPolicy
        case .simulatePrincipalPolicy: .simulatePrincipalPolicy
        case .deletePrincipal(let i): i.kind == .user ? .deleteUser : .deleteRole
        case .deletePrincipalPolicy(let i): i.kind == .user ? .deleteUserPolicy : .deleteRolePolicy
        case .detachPrincipalPolicy(let i): i.kind == .user ? .detachUserPolicy : .detachRolePolicy
        case .deleteAccessKey: .deleteAccessKey
        case .deletePolicy: .deletePolicy
        }
    }
}
