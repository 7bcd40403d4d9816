/// The IAM operations the world performs, by their API names.
public enum IAMOperation: String, Sendable, Equatable, CaseIterable {
    case createUser = "CreateUser"
    case createRole = "CreateRole"
    case createAccessKey = "CreateAccessKey"
    case putUserPolicy = "PutUserPolicy"
    case putRolePolicy = "PutRolePolicy"
    case createPolicy = "CreatePolicy"
    case getPolicy = "GetPolicy"
    case attachUserPolicy = "AttachUserPolicy"
    case attachRolePolicy = "AttachRolePolicy"
    case listAttachedUserPolicies = "ListAttachedUserPolicies"
    case listAttachedRolePolicies = "ListAttachedRolePolicies"
    case simulateCustomPolicy = "SimulateCustomPolicy"
    case simulatePrincipalPolicy = "SimulatePrincipalPolicy"
    case deleteUser = "DeleteUser"
    case deleteRole = "DeleteRole"
    case deleteUserPolicy = "DeleteUserPolicy"
    case deleteRolePolicy = "DeleteRolePolicy"
    case detachUserPolicy = "DetachUserPolicy"
    case detachRolePolicy = "DetachRolePolicy"
    case deleteAccessKey = "DeleteAccessKey"
    case deletePolicy = "DeletePolicy"

    /// The IAM action that authorizes it (`iam:CreateUser`).
    public var action: String { "iam:" + rawValue }

    /// Whether a successful call changes the world (and so is journaled).
    public var changesState: Bool {
        switch self {
        case .createUser, .createRole, .createAccessKey, .putUserPolicy, .putRolePolicy, .createPolicy,
             .attachUserPolicy, .attachRolePolicy, .deleteUser, .deleteRole, .deleteUserPolicy, .deleteRolePolicy,
             .detachUserPolicy, .detachRolePolicy, .deleteAccessKey, .deletePolicy:
            true
        case .getPolicy, .listAttachedUserPolicies, .listAttachedRolePolicies, .simulateCustomPolicy,
             .simulatePrincipalPolicy:
            false
        }
    }
}
