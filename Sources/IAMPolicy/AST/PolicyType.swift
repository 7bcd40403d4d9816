/// What kind of policy a document is; it fixes which elements are required or forbidden.
///
/// Raw values are Access Analyzer's `policyType` names; `trust` is our own name for a
/// role trust policy (Access Analyzer files it under `RESOURCE_POLICY`).
public enum PolicyType: String, Sendable, Equatable, CaseIterable {
    /// Attached to a user, group or role (also a permissions boundary or session policy).
    case identity = "IDENTITY_POLICY"
    /// Attached to a resource (a stream, a consumer, a KMS key): names principals.
    case resource = "RESOURCE_POLICY"
    /// A role's trust policy: names principals, has no `Resource`.
    case trust = "TRUST_POLICY"
    /// An AWS Organizations service control policy.
    case serviceControl = "SERVICE_CONTROL_POLICY"

    /// Parses a name as the CLI accepts it (Access Analyzer's spelling, any case).
    public init?(name: String) {
        let upper = name.uppercased()
        guard let t = PolicyType.allCases.first(where: { $0.rawValue == upper }) else { return nil }
        self = t
    }

    /// Whether statements must name a `Principal`/`NotPrincipal`.
    public var requiresPrincipal: Bool { self == .resource || self == .trust }

    /// Whether statements must name a `Resource`/`NotResource`.
    public var requiresResource: Bool { self != .trust }
}
