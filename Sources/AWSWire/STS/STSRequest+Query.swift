import KinesisSim

/// STS's query protocol, decoding: an `Action` and its form parameters to a typed request.
extension STSRequest {
    /// Decodes `action`'s parameters: `InvalidAction` for an action not served,
    /// `ValidationError` for an integer member that is not a number.
    init(action: String, _ q: QueryRequest) throws(QueryError) {
        switch STSOperation(rawValue: action) {
        case .getCallerIdentity:
            self = .getCallerIdentity
        case .assumeRole:
            self = .assumeRole(AssumeRoleInput(roleArn: q["RoleArn"], roleSessionName: q["RoleSessionName"],
                                               durationSeconds: try q.integer("DurationSeconds"), policy: q["Policy"]))
        case nil:
            throw QueryError("InvalidAction", "Could not find operation \(action) for version 2011-06-15")
        }
    }
}

/// STS's query protocol, encoding.
extension STSResponse {
    /// The children of the `<ActionResult>` element.
    var resultNodes: [XMLNode] {
        switch self {
        case .callerIdentity(let who):
            return [.text("Arn", who.arn), .text("UserId", who.userId), .text("Account", who.account)]
        case .assumedRole(let session):
            let key = session.credentials
            var out: [XMLNode] = [
                .element("Credentials", [
                    .text("AccessKeyId", key.accessKeyId),
                    .text("SecretAccessKey", key.secretAccessKey),
                    .text("SessionToken", key.sessionToken ?? ""),
                    .text("Expiration", (key.expiration ?? key.createDate).iso8601),
                ]),
                .element("AssumedRoleUser", [
                    .text("AssumedRoleId", session.assumedRoleId),
                    .text("Arn", session.assumedRoleArn),
                ]),
            ]
            if let size = session.packedPolicySize { out.append(.text("PackedPolicySize", String(size))) }
            return out
        }
    }
}
