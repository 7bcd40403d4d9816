import IAMPolicy

/// IAM as operations of the world: each call validated, authorized by the evaluator (as
/// Kinesis calls are), then performed on the accounts' users, roles and policies.
extension KinesisWorld {
    /// Performs an IAM call as `caller`; new credentials (CreateAccessKey) are drawn from `issuer`.
    public mutating func perform<I: CredentialIssuer>(_ request: IAMRequest, as caller: Caller,
                                                      issuer: inout I) throws(IAMError) -> IAMResponse {
        switch request {
        case .createUser(let input): return .user(try createUser(input, as: caller))
        case .createRole(let input): return .role(try createRole(input, as: caller))
        case .createAccessKey(let input):
            let key = try createAccessKey(input, as: caller, issuer: &issuer)
            guard case .user(let name, _) = key.identity else { return .empty }
            return .accessKey(key, userName: name)
        case .putPrincipalPolicy(let input): try putPrincipalPolicy(input, as: caller)
        case .createPolicy(let input): return .managedPolicy(try createPolicy(input, as: caller))
        case .getPolicy(let input): return .managedPolicy(try getPolicy(input, as: caller))
        case .attachPrincipalPolicy(let input): try attachPrincipalPolicy(input, as: caller)
        case .listAttachedPrincipalPolicies(let input):
            return .attachedPolicies(try listAttachedPrincipalPolicies(input, as: caller))
        case .simulateCustomPolicy(let input): return .simulation(try simulateCustomPolicy(input, as: caller))
        case .simulatePrincipalPolicy(let input): return .simulation(try simulatePrincipalPolicy(input, as: caller))
        case .deletePrincipal(let input): try deletePrincipal(input, as: caller)
        case .deletePrincipalPolicy(let input): try deletePrincipalPolicy(input, as: caller)
        case .detachPrincipalPolicy(let input): try detachPrincipalPolicy(input, as: caller)
        case .deleteAccessKey(let input): try deleteAccessKey(input, as: caller)
        case .deletePolicy(let input): try deletePolicy(input, as: caller)
        }
        // The calls that answer nothing but success.
        return .empty
    }

    /// Authorizes an IAM operation on `resource` in the caller's account, as AWS does before
    /// every call: `ExpiredToken` for expired session credentials, `AccessDenied` (with our
    /// explanation) when the policies deny it.
    func authorize(_ caller: Caller, _ operation: IAMOperation, on resource: String) throws(IAMError) {
        do {
            try authorizeCall(caller, action: operation.action, resource: resource)
        } catch {
            throw IAMError(error)
        }
    }

    /// The ARN of user or role `name` of `account`: the existing one's (with its path), else
    /// the ARN it would have at `/`.
    func arn(of kind: IAMPrincipalKind, _ name: String, account: String) -> String {
        switch kind {
        case .user: accounts[account]?.users[name]?.arn ?? "arn:aws:iam::\(account):user/\(name)"
        case .role: accounts[account]?.roles[name]?.arn ?? "arn:aws:iam::\(account):role/\(name)"
        }
    }

    /// Changes the inline policies and attached policy ARNs of user or role `name` in place;
    /// `NoSuchEntity` when there is none.
    mutating func changePrincipal(_ kind: IAMPrincipalKind, _ name: String, account: String,
                                  _ change: (inout [NamedPolicy], inout [String]) throws(IAMError) -> Void) throws(IAMError) {
        switch kind {
        case .user:
            guard var user = accounts[account]?.users[name] else { throw .noSuch(.user, name) }
            try change(&user.policies, &user.attachedPolicies)
            accounts[account]!.users[name] = user
        case .role:
            guard var role = accounts[account]?.roles[name] else { throw .noSuch(.role, name) }
            try change(&role.policies, &role.attachedPolicies)
            accounts[account]!.roles[name] = role
        }
    }

    /// Parses a policy document as IAM does: `MalformedPolicyDocument` with the parser's message.
    static func policy(named name: String, _ text: String, type: PolicyType) throws(IAMError) -> NamedPolicy {
        do {
            return try NamedPolicy(name: name, text: text, type: type)
        } catch {
            throw IAMError(.malformedPolicyDocument, error.message)
        }
    }
}
