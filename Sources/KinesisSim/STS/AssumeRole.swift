import IAMPolicy

/// `AssumeRole`'s input.
public struct AssumeRoleInput: Sendable, Equatable {
    /// `RoleArn` (required).
    public var roleArn: String?
    /// `RoleSessionName` (required).
    public var roleSessionName: String?
    /// `DurationSeconds` (default 3600; at most the role's `MaxSessionDuration`).
    public var durationSeconds: Int?
    /// `Policy`: a session policy, which can only narrow the role's permissions.
    public var policy: String?

    /// Creates an input.
    public init(roleArn: String?, roleSessionName: String?, durationSeconds: Int? = nil, policy: String? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.durationSeconds = durationSeconds
        self.policy = policy
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.required(roleArn, at: "roleArn")
        v.check(roleArn, at: "roleArn", length: IAMLimits.arn)
        v.required(roleSessionName, at: "roleSessionName")
        v.check(roleSessionName, at: "roleSessionName", length: IAMLimits.roleSessionName, pattern: .sessionName)
        v.check(durationSeconds, at: "durationSeconds", range: IAMLimits.durationSeconds)
        v.check(policy, at: "policy", length: IAMLimits.policyDocument)
        try v.throwIfAny()
    }
}

/// `AssumeRole`'s answer: the session's credentials and who it is.
public struct AssumeRoleOutput: Sendable {
    /// The temporary credentials (id, secret, token, expiry); the world now accepts them.
    public var credentials: AccessKey
    /// `AssumedRoleUser.Arn`: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    public var assumedRoleArn: String
    /// `AssumedRoleUser.AssumedRoleId`: `AROA…:SESSION`.
    public var assumedRoleId: String
    /// `PackedPolicySize`: present when a session policy was passed.
    public var packedPolicySize: Int?
}

extension KinesisWorld {
    /// `sts:AssumeRole`: a session of the role, if the caller's policies allow `sts:AssumeRole`
    /// on it and its trust policy trusts the caller (``assumeRole(_:account:sessionName:by:durationSeconds:sessionPolicy:)``);
    /// its credentials are drawn from `issuer` and kept in ``credentials``.
    public mutating func assumeRole<I: CredentialIssuer>(_ input: AssumeRoleInput, as caller: Caller,
                                                         issuer: inout I) throws(IAMError) -> AssumeRoleOutput {
        try input.validate()
        let roleArn = input.roleArn ?? ""
        let parts = roleArn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5].hasPrefix("role/"),
              let roleName = parts[5].split(separator: "/").last else {
            throw IAMError(.validationError, "\(roleArn) is invalid")
        }
        var sessionPolicy: NamedPolicy?
        if let text = input.policy {
            do { sessionPolicy = try NamedPolicy(name: "session-policy", text: text) } catch {
                throw IAMError(.malformedPolicyDocument, error.message)
            }
        }
        let session: Caller
        do {
            session = try assumeRole(String(roleName), account: String(parts[4]), sessionName: input.roleSessionName ?? "",
                                     by: caller, durationSeconds: input.durationSeconds ?? 3600, sessionPolicy: sessionPolicy)
        } catch {
            throw IAMError(error)
        }
        let drawn = IssuedCredentials.draw(temporary: true, from: &issuer)
        let key = AccessKey(accessKeyId: drawn.id, secretAccessKey: drawn.secret, sessionToken: drawn.token,
                            expiration: session.expiresAt, createDate: now, identity: .roleSession(session))
        credentials.add(key)
        return AssumeRoleOutput(credentials: key, assumedRoleArn: session.principal.arn,
                                assumedRoleId: IAMIdentifiers.userId(of: session),
                                packedPolicySize: sessionPolicy == nil ? nil : 6)
    }
}
