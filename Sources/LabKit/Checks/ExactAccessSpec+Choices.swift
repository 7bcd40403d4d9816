/// The one-of groups of an `exact-access` check, as the rest of the grader sees them.
extension ExactAccessSpec {
    /// What the principal may hold: the required grants, the optional ones, and every action of
    /// every one-of group. Anything beyond is an extra.
    public var allowedGrants: [Grant] { required + optional + requiredOneOf.flatMap(\.grants) }
}
