import IAMPolicy

/// Building the world's IAM side: users, roles, policies, keys; and making callers.
extension KinesisWorld {
    /// Adds (or replaces) a user; one without a creation date is created now.
    public mutating func addUser(_ user: IAMUser, account: String) {
        addAccount(account)
        var user = user
        if user.createDate == nil { user.createDate = now }
        accounts[account]!.users[user.name] = user
    }

    /// Adds (or replaces) a role; one without a creation date is created now.
    public mutating func addRole(_ role: IAMRole, account: String) {
        addAccount(account)
        var role = role
        if role.createDate == nil { role.createDate = now }
        accounts[account]!.roles[role.name] = role
    }

    /// Adds (or replaces) a KMS key.
    public mutating func addKey(_ key: KMSKey) {
        addAccount(key.account)
        accounts[key.account]!.keys[key.id] = key
    }

    /// Adds the AWS managed `alias/aws/kinesis` key of `account` in `region` (idempotent).
    @discardableResult
    public mutating func addAWSManagedKinesisKey(account: String, region: String) -> KMSKey {
        if let existing = key(named: "alias/aws/kinesis", account: account, region: region) { return existing }
        let id = uuid()
        let key = KMSKey(id: id, account: account, region: region, aliases: ["alias/aws/kinesis"], awsManaged: true)
        addKey(key)
        return key
    }

    /// A caller acting as IAM user `user` of `account` (which must exist).
    public func caller(user: String, account: String, connection: Connection = .publicHTTPS,
                       region: String = "us-east-1") -> Caller? {
        guard let u = accounts[account]?.users[user] else { return nil }
        return Caller(principal: Principal(kind: .user, arn: u.arn, account: account), connection: connection, region: region)
    }

    /// A session of role `role` in `account` without going through AssumeRole (a lab's own
    /// service running as the role).
    public func session(of role: String, account: String, sessionName: String = "lab-session",
                        connection: Connection = .publicHTTPS, region: String = "us-east-1") -> Caller? {
        guard let r = accounts[account]?.roles[role] else { return nil }
        let arn = "arn:aws:sts::\(account):assumed-role/\(r.name)/\(sessionName)"
        return Caller(principal: Principal(kind: .assumedRole, arn: arn, account: account, roleArn: r.arn),
                      connection: connection, region: region, tokenIssuedAt: now,
                      expiresAt: now.adding(milliseconds: Int64(r.maxSessionDurationSeconds) * 1000))
    }

    /// `sts:AssumeRole`: the caller assumes `role` of `account` if the caller's policies allow
    /// `sts:AssumeRole` on it and the role's trust policy trusts the caller. The session
    /// expires after `durationSeconds` (900 … the role's maximum).
    public func assumeRole(_ role: String, account: String, sessionName: String, by caller: Caller,
                           durationSeconds: Int = 3600, sessionPolicy: NamedPolicy? = nil) throws(KinesisError) -> Caller {
        guard let r = accounts[account]?.roles[role] else {
            throw KinesisError(.accessDenied, "User: \(caller.principal.arn) is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::\(account):role/\(role)")
        }
        guard durationSeconds >= 900, durationSeconds <= r.maxSessionDurationSeconds else {
            throw KinesisError(.validation, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        var policies = identityPolicies(of: caller)
        policies.resourcePolicy = r.trustPolicy?.attached(as: .resource)
        // A trust policy must name the caller (or its account) for the call to go through,
        // even within one account.
        policies.resourcePolicyRequired = true
        let request = AuthorizationRequest(principal: caller.principal, action: "sts:AssumeRole", resource: r.arn,
                                           resourceAccount: account, context: context(for: caller))
        let (result, explanation) = Authorizer().explain(request, against: policies)
        guard result.isAllowed else {
            throw KinesisError(.accessDenied, result.accessDeniedMessage ?? "Access denied", explanation: explanation)
        }
        let arn = "arn:aws:sts::\(account):assumed-role/\(r.name)/\(sessionName)"
        return Caller(principal: Principal(kind: .assumedRole, arn: arn, account: account, roleArn: r.arn),
                      connection: caller.connection, region: caller.region, sessionPolicy: sessionPolicy?.compiled,
                      tokenIssuedAt: now, expiresAt: now.adding(milliseconds: Int64(durationSeconds) * 1000),
                      multiFactorAuthenticated: caller.multiFactorAuthenticated)
    }

    /// The key named by `keyId`: a key id, a key ARN, an alias name (`alias/x`) or an alias ARN.
    public func key(named keyId: String, account: String, region: String) -> KMSKey? {
        var keyAccount = account
        var keyRegion = region
        var name = keyId
        if keyId.hasPrefix("arn:") {
            let parts = keyId.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "kms" else { return nil }
            keyRegion = String(parts[3])
            keyAccount = String(parts[4])
            name = String(parts[5])
        }
        guard let keys = accounts[keyAccount]?.keys.values else { return nil }
        if name.hasPrefix("alias/") {
            return keys.first { $0.region == keyRegion && $0.aliases.contains(name) }
        }
        let id = name.hasPrefix("key/") ? String(name.dropFirst(4)) : name
        return keys.first { $0.id == id && $0.region == keyRegion }
    }

    /// A random UUID from the world's seeded source.
    mutating func uuid() -> String {
        let hex = random.string(count: 32, from: "0123456789abcdef")
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }
}
