import IAMPolicy

/// One set of credentials the world accepts: an access key id, its secret, and for
/// temporary credentials the session token and expiry.
public struct AccessKey: Sendable {
    /// `AKIA…` (long-term) or `ASIA…` (temporary); the default world's is `admin`.
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token that must accompany temporary credentials (`X-Amz-Security-Token`).
    public var sessionToken: String?
    /// When temporary credentials expire.
    public var expiration: Timestamp?
    /// When the key was created.
    public var createDate: Timestamp
    /// Whose key it is.
    public var identity: CredentialIdentity

    /// Creates an access key.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Timestamp? = nil,
                createDate: Timestamp, identity: CredentialIdentity) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.createDate = createDate
        self.identity = identity
    }
}
