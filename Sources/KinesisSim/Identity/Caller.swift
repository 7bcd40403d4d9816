import IAMPolicy

/// Who makes a call and how: an IAM user or a role session, over a connection.
///
/// Build one with ``KinesisWorld/caller(user:account:connection:)`` or
/// ``KinesisWorld/assumeRole(_:account:sessionName:by:sessionPolicy:)`` so it names a principal the world knows.
public struct Caller: Sendable {
    /// The principal as the evaluator sees it.
    public var principal: Principal
    /// For a role session: the session policy passed to AssumeRole, if any.
    public var sessionPolicy: CompiledPolicy?
    /// When the session's credentials were issued (temporary credentials only).
    public var tokenIssuedAt: Timestamp?
    /// When the session's credentials expire (temporary credentials only).
    public var expiresAt: Timestamp?
    /// Whether MFA was used to get the credentials (temporary credentials only).
    public var multiFactorAuthenticated: Bool
    /// How the request arrived.
    public var connection: Connection
    /// The region the request was sent to.
    public var region: String

    /// Creates a caller.
    public init(principal: Principal, connection: Connection = .publicHTTPS, region: String = "us-east-1",
                sessionPolicy: CompiledPolicy? = nil, tokenIssuedAt: Timestamp? = nil, expiresAt: Timestamp? = nil,
                multiFactorAuthenticated: Bool = false) {
        self.principal = principal
        self.connection = connection
        self.region = region
        self.sessionPolicy = sessionPolicy
        self.tokenIssuedAt = tokenIssuedAt
        self.expiresAt = expiresAt
        self.multiFactorAuthenticated = multiFactorAuthenticated
    }

    /// The same caller over another connection.
    public func over(_ connection: Connection) -> Caller {
        var c = self
        c.connection = connection
        return c
    }

    /// The same caller sending to another region.
    public func inRegion(_ region: String) -> Caller {
        var c = self
        c.region = region
        return c
    }
}
