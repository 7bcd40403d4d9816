import IAMPolicy
import KinesisSim

/// STS (query protocol, version 2011-06-15): GetCallerIdentity and AssumeRole.
extension ServiceState {
    static let stsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    mutating func performSTS(_ action: String, _ q: QueryRequest, as caller: Caller, key: AccessKey) throws(QueryError) -> QueryOutcome {
        switch action {
        case "GetCallerIdentity":
            // Needs no permission: AWS answers it even when every action is denied.
            return QueryOutcome(result: [
                .text("Arn", caller.principal.arn),
                .text("UserId", Self.userId(of: caller)),
                .text("Account", caller.principal.account),
            ], changesState: false)
        case "AssumeRole":
            return try assumeRole(q, as: caller)
        default:
            throw QueryError("InvalidAction", "Could not find operation \(action) for version 2011-06-15")
        }
    }

    /// `AIDA…` for a user, `AROA…:SESSION` for a role session.
    static func userId(of caller: Caller) -> String {
        let p = caller.principal
        if p.kind == .assumedRole, let role = p.roleArn {
            return uniqueId("AROA", for: role) + ":" + (p.arn.split(separator: "/").last.map(String.init) ?? "")
        }
        return uniqueId("AIDA", for: p.arn)
    }

    private mutating func assumeRole(_ q: QueryRequest, as caller: Caller) throws(QueryError) -> QueryOutcome {
        guard let roleArn = q["RoleArn"] else { throw .missing("RoleArn") }
        guard let sessionName = q["RoleSessionName"] else { throw .missing("RoleSessionName") }
        guard sessionName.unicodeScalars.count >= 2, sessionName.unicodeScalars.count <= 64,
              sessionName.unicodeScalars.allSatisfy(IAMNames.isNameCharacter) else {
            throw QueryError("ValidationError", "1 validation error detected: Value '\(sessionName)' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")
        }
        let parts = roleArn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5].hasPrefix("role/"),
              let roleName = parts[5].split(separator: "/").last else {
            throw QueryError("ValidationError", "\(roleArn) is invalid")
        }
        var duration = 3600
        if let text = q["DurationSeconds"] {
            guard let d = Int(text) else {
                throw QueryError("ValidationError", "1 validation error detected: Value '\(text)' at 'durationSeconds' failed to satisfy constraint: Member must be a number")
            }
            duration = d
        }
        var sessionPolicy: NamedPolicy?
        if let text = q["Policy"] {
            do { sessionPolicy = try NamedPolicy(name: "session-policy", text: text) } catch {
                throw QueryError("MalformedPolicyDocument", error.message)
            }
        }
        let session: Caller
        do {
            session = try world.assumeRole(String(roleName), account: String(parts[4]), sessionName: sessionName, by: caller,
                                           durationSeconds: duration, sessionPolicy: sessionPolicy)
        } catch {
            throw QueryError(kinesis: error)
        }
        let key = AccessKey(accessKeyId: "ASIA" + generate(16, from: Self.upperAlphanumerics),
                            secretAccessKey: generate(40, from: Self.secretAlphabet),
                            sessionToken: "IQoJb3JpZ2luX2VjE" + generate(300, from: Self.secretAlphabet),
                            expiration: session.expiresAt, createDate: world.now, identity: .roleSession(session))
        credentials.add(key)
        return QueryOutcome(result: [
            .element("Credentials", [
                .text("AccessKeyId", key.accessKeyId),
                .text("SecretAccessKey", key.secretAccessKey),
                .text("SessionToken", key.sessionToken ?? ""),
                .text("Expiration", (session.expiresAt ?? world.now).iso8601),
            ]),
            .element("AssumedRoleUser", [
                .text("AssumedRoleId", Self.userId(of: session)),
                .text("Arn", session.principal.arn),
            ]),
        ] + (sessionPolicy == nil ? [] : [.text("PackedPolicySize", "6")]), changesState: true)
    }
}
