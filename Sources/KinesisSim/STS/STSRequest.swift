/// An STS call with its typed input, as a wire codec decodes it.
public enum STSRequest: Sendable, Equatable {
    /// `GetCallerIdentity` (no members).
    case getCallerIdentity
    /// `AssumeRole`.
    case assumeRole(AssumeRoleInput)

    /// The operation it calls.
    public var operation: STSOperation {
        switch self {
        case .getCallerIdentity: .getCallerIdentity
        case .assumeRole: .assumeRole
        }
    }
}

/// What an STS call answered, typed, for a wire codec to encode.
public enum STSResponse: Sendable {
    /// `GetCallerIdentity`: who the credentials belong to.
    case callerIdentity(CallerIdentity)
    /// `AssumeRole`: the session's credentials.
    case assumedRole(AssumeRoleOutput)
}
