/// The IAM identities policies attach to.
public enum IAMPrincipalKind: String, Sendable, Equatable, CaseIterable {
    /// An IAM user.
    case user
    /// An IAM role.
    case role
}
