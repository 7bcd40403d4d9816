/// `Principal` or `NotPrincipal` of a resource-based or trust policy.
public enum PrincipalClause: Sendable, Equatable {
    case principal(PrincipalSet)
    case notPrincipal(PrincipalSet)

    /// The principals, whichever form.
    public var set: PrincipalSet {
        switch self {
        case .principal(let s), .notPrincipal(let s): s
        }
    }

    /// Whether this is the `NotPrincipal` form.
    public var isNegated: Bool {
        if case .notPrincipal = self { return true }
        return false
    }
}

/// The principals a statement names.
public struct PrincipalSet: Sendable, Equatable {
    /// The entries: `"*"` alone becomes one `.aws` entry with value `*` and `isBareWildcard` set.
    public var entries: [PrincipalEntry]
    /// Whether the element was the bare string `"*"` (everyone, anonymous included).
    public var isBareWildcard: Bool
    /// The element's span.
    public var range: SourceRange

    /// Creates a set.
    public init(entries: [PrincipalEntry], isBareWildcard: Bool = false, range: SourceRange) {
        self.entries = entries
        self.isBareWildcard = isBareWildcard
        self.range = range
    }
}

/// One principal named in a policy.
public struct PrincipalEntry: Sendable, Equatable {
    /// The kind of principal (`AWS`, `Service`, ...).
    public var type: PrincipalType
    /// The value as written: `*`, an account id, an ARN, a service name.
    public var value: String
    /// Where the value sits.
    public var range: SourceRange

    /// Creates an entry.
    public init(type: PrincipalType, value: String, range: SourceRange) {
        self.type = type
        self.value = value
        self.range = range
    }
}

/// The keys of a `Principal` object.
public enum PrincipalType: String, Sendable, Equatable, CaseIterable {
    case aws = "AWS"
    case service = "Service"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
}
