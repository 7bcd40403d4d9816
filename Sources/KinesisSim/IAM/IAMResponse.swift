/// What an IAM call answered, typed, for a wire codec to encode.
public enum IAMResponse: Sendable {
    /// `CreateUser`: the new user.
    case user(IAMUser)
    /// `CreateRole`: the new role.
    case role(IAMRole)
    /// `CreateAccessKey`: the new key, its secret included (the only time it is shown).
    case accessKey(AccessKey, userName: String)
    /// `CreatePolicy`, `GetPolicy`.
    case managedPolicy(ManagedPolicyDescription)
    /// `ListAttached…Policies`: one page, never truncated.
    case attachedPolicies([AttachedPolicyReference])
    /// `SimulateCustomPolicy`, `SimulatePrincipalPolicy`.
    case simulation(PolicySimulation)
    /// Calls that answer nothing but success (`PutUserPolicy`, `AttachRolePolicy`, …).
    case empty
}
