import IAMPolicy

/// Authorization: every call is judged by the IAM evaluator before it touches state.
extension KinesisWorld {
    /// The caller's identity-based policies (inline, then attached managed ones), permissions
    /// boundary and session policy.
    func identityPolicies(of caller: Caller) -> PolicySet {
        var set = PolicySet()
        let p = caller.principal
        switch p.kind {
        case .user:
            if let u = accounts[p.account]?.users.values.first(where: { $0.arn == p.arn }) {
                set.identityPolicies = u.policies.map { $0.attached(as: .user) } + attachedManagedPolicies(u.attachedPolicies)
                set.permissionsBoundary = u.permissionsBoundary?.attached(as: nil)
            }
        case .assumedRole, .role:
            if let r = accounts[p.account]?.roles.values.first(where: { $0.arn == (p.roleArn ?? p.arn) }) {
                set.identityPolicies = r.policies.map { $0.attached(as: .role) } + attachedManagedPolicies(r.attachedPolicies)
                set.permissionsBoundary = r.permissionsBoundary?.attached(as: nil)
            }
            if let session = caller.sessionPolicy {
                set.sessionPolicies = [AttachedPolicy(id: "session-policy", policy: session)]
            }
        case .root, .service, .anonymous:
            break
        }
        return set
    }

    /// The request context AWS would build for this caller's request: transport, network,
    /// principal, time and region keys.
    ///
    /// `region` is `aws:RequestedRegion`: the region of the endpoint called, which for a call
    /// on a stream, consumer or key is that resource's region. Calls without a resource
    /// (`ListStreams`, `*`) leave it `nil` and get the region the caller sent to.
    func context(for caller: Caller, region: String? = nil, resourceTags: [String: String] = [:],
                 requestTags: [String: String]? = nil, tagKeys: [String]? = nil) -> RequestContext {
        var c = RequestContext()
        let p = caller.principal
        c.set(normalizedKey: "aws:securetransport", .boolean(caller.connection.isSecure))
        // Always present: false on a direct call (a service's call on the caller's behalf sets it true).
        c.set(normalizedKey: "aws:viaawsservice", .boolean(false))
        switch caller.connection.endpoint {
        case .vpcEndpoint(let id, let vpc):
            c.set(normalizedKey: "aws:sourcevpce", .string(id))
            c.set(normalizedKey: "aws:sourcevpc", .string(vpc))
            c.set(normalizedKey: "aws:vpcsourceip", ContextValue(type: .ip, values: [caller.connection.sourceIP]))
        case .publicHTTPS, .plainHTTP, .fips:
            c.set(normalizedKey: "aws:sourceip", ContextValue(type: .ip, values: [caller.connection.sourceIP]))
        }
        c.set(normalizedKey: "aws:currenttime", ContextValue(type: .date, values: [currentTimeISO8601]))
        c.set(normalizedKey: "aws:epochtime", ContextValue(type: .numeric, values: [String(now.milliseconds / 1000)]))
        c.set(normalizedKey: "aws:requestedregion", .string(region ?? caller.region))
        // aws:PrincipalArn is the role's ARN for a role session, not the session's.
        c.set(normalizedKey: "aws:principalarn", ContextValue(type: .string, values: [p.roleArn ?? p.arn]))
        if !p.account.isEmpty { c.set(normalizedKey: "aws:principalaccount", .string(p.account)) }
        if let name = p.userName { c.set(normalizedKey: "aws:username", .string(name)) }
        c.set(normalizedKey: "aws:userid", .string(userId(of: p)))
        for (k, v) in principalTags(of: p) { c["aws:PrincipalTag/\(k)"] = .string(v) }
        if let issued = caller.tokenIssuedAt {
            c.set(normalizedKey: "aws:tokenissuetime", ContextValue(type: .date, values: [issued.iso8601]))
            c.set(normalizedKey: "aws:multifactorauthpresent", .boolean(caller.multiFactorAuthenticated))
        }
        for (k, v) in resourceTags { c["aws:ResourceTag/\(k)"] = .string(v) }
        if let requestTags {
            for (k, v) in requestTags { c["aws:RequestTag/\(k)"] = .string(v) }
            c.set(normalizedKey: "aws:tagkeys", .stringList(requestTags.keys.sorted()))
        } else if let tagKeys {
            // Untagging names keys only: aws:TagKeys without aws:RequestTag.
            c.set(normalizedKey: "aws:tagkeys", .stringList(tagKeys))
        }
        return c
    }

    /// The request context of a call an AWS service makes to another with the caller's
    /// credentials (a forward access session), such as Kinesis asking KMS for a data key:
    /// the caller's principal keys, `aws:ViaAWSService` true and `aws:CalledVia` naming the
    /// service, and `region` (the called resource's) as `aws:RequestedRegion`.
    ///
    /// The caller's network keys are not carried over: the spec (iam-policy-evaluation §3.7)
    /// says the downstream service sees the calling service's address, not the caller's, so a
    /// condition on the caller's `aws:SourceIp` or VPC endpoint does not hold for these calls.
    /// We leave them absent rather than invent a service address: under the plain operators
    /// (`IpAddress`, `NotIpAddress`, `StringEquals`, `StringNotEquals`) an absent key and an
    /// AWS-owned address give the same answer; `...IfExists` and `Null` would tell them apart.
    func forwardedContext(for caller: Caller, via service: String, region: String) -> RequestContext {
        var c = context(for: caller, region: region)
        for key in Self.networkKeys { c[key] = nil }
        let principal = "\(service).amazonaws.com"
        c["aws:ViaAWSService"] = .boolean(true)
        c["aws:CalledVia"] = .stringList([principal])
        c["aws:CalledViaFirst"] = .string(principal)
        c["aws:CalledViaLast"] = .string(principal)
        return c
    }

    /// The keys that describe the caller's network path.
    static let networkKeys = ["aws:SourceIp", "aws:SourceVpce", "aws:SourceVpc", "aws:VpcSourceIp"]

    /// `aws:RequestedRegion` for a call on `resource`: the ARN's region, or the caller's for
    /// `*` and for ARNs without one (IAM's) or with a wildcard in it.
    func requestedRegion(for resource: String, caller: Caller) -> String {
        guard let region = ARN(parsing: resource)?.region, !region.isEmpty, !Glob.hasWildcard(region) else {
            return caller.region
        }
        return region
    }

    private func principalTags(of p: Principal) -> [String: String] {
        switch p.kind {
        case .user: accounts[p.account]?.users.values.first { $0.arn == p.arn }?.tags ?? [:]
        case .assumedRole, .role: accounts[p.account]?.roles.values.first { $0.arn == (p.roleArn ?? p.arn) }?.tags ?? [:]
        default: [:]
        }
    }

    /// `aws:userid`: a stable id for the user, or `ROLEID:session` for a role session.
    /// (On every request's path: no splitting, and an ASCII-only upper-casing.)
    private func userId(of p: Principal) -> String {
        let name = p.arn.lastIndex(of: "/").map { p.arn[p.arn.index(after: $0)...] } ?? p.arn[...]
        switch p.kind {
        case .assumedRole: return "AROA\(p.account):\(name)"
        default:
            let upper = String(decoding: name.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
            return "AIDA\(p.account)\(upper)"
        }
    }

    /// Authorizes a Kinesis action, throwing `AccessDeniedException` (with our explanation)
    /// when IAM would deny it.
    ///
    /// `resourcePolicy` is the stream's (or consumer's) policy; `resourceTags` feed
    /// `aws:ResourceTag/KEY`; `requestTags` feed `aws:RequestTag/KEY` and `aws:TagKeys`;
    /// `tagKeys` (untagging) feeds `aws:TagKeys` alone. `region` is the region of the stream
    /// the call is on (`aws:RequestedRegion`); when `nil`, the resource ARN's region, or the
    /// caller's for `*`.
    func authorize(_ caller: Caller, _ action: String, on resource: String, owner: String, region: String? = nil,
                   resourcePolicy: NamedPolicy? = nil, resourceTags: [String: String] = [:],
                   requestTags: [String: String]? = nil, tagKeys: [String]? = nil) throws(KinesisError) {
        try expiryCheck(caller)
        guard authorizesCalls else { return }
        var policies = identityPolicies(of: caller)
        policies.resourcePolicy = resourcePolicy?.attached(as: .resource)
        let region = region ?? requestedRegion(for: resource, caller: caller)
        let request = AuthorizationRequest(
            principal: caller.principal, action: action, resource: resource, resourceAccount: owner,
            context: context(for: caller, region: region, resourceTags: resourceTags, requestTags: requestTags,
                             tagKeys: tagKeys))
        let authorizer = Authorizer()
        // The fast path decides; the full result and explanation are built only for denials.
        guard authorizer.decision(for: request, against: policies) != .allowed else { return }
        let (result, explanation) = authorizer.explain(request, against: policies)
        throw KinesisError(.accessDenied, result.accessDeniedMessage ?? "Access denied", explanation: explanation)
    }

    /// Checks a KMS action that Kinesis performs for the caller on a stream's key
    /// (`kms:GenerateDataKey` for writes, `kms:Decrypt` for reads): the key must exist and be
    /// usable, and both the key policy and the caller's policies must allow the action. The AWS
    /// managed `alias/aws/kinesis` key needs no grant.
    func authorizeKMS(_ caller: Caller, _ action: String, keyId: String, stream: Stream) throws(KinesisError) {
        guard let key = key(named: keyId, account: stream.account, region: stream.region) else {
            throw KinesisError(.kmsNotFound, "Key '\(keyId)' does not exist (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException)")
        }
        switch key.state {
        case .disabled:
            throw KinesisError(.kmsDisabled, "\(key.arn) is disabled. (Service: AWSKMS; Status Code: 400; Error Code: DisabledException)")
        case .pendingDeletion:
            throw KinesisError(.kmsInvalidState, "\(key.arn) is pending deletion. (Service: AWSKMS; Status Code: 400; Error Code: KMSInvalidStateException)")
        case .enabled:
            break
        }
        if key.awsManaged || !authorizesCalls { return }
        var policies = identityPolicies(of: caller)
        policies.resourcePolicy = key.keyPolicy?.attached(as: .resource)
        policies.resourcePolicyRequired = true
        // Kinesis calls KMS (in the key's region) on the caller's behalf, naming the stream in
        // the encryption context.
        var context = forwardedContext(for: caller, via: "kinesis", region: key.region)
        context["kms:ViaService"] = .string("kinesis.\(stream.region).amazonaws.com")
        if !caller.principal.account.isEmpty { context["kms:CallerAccount"] = .string(caller.principal.account) }
        context["kms:EncryptionContext:aws:kinesis:arn"] = .string(stream.arn)
        context["kms:EncryptionContextKeys"] = .stringList(["aws:kinesis:arn"])
        let request = AuthorizationRequest(principal: caller.principal, action: action, resource: key.arn,
                                           resourceAccount: key.account, context: context)
        let authorizer = Authorizer()
        guard authorizer.decision(for: request, against: policies) != .allowed else { return }
        let (result, explanation) = authorizer.explain(request, against: policies)
        let denial = result.accessDeniedMessage ?? "Access denied"
        throw KinesisError(.kmsAccessDenied,
            "\(denial) (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)", explanation: explanation)
    }

    /// Expired temporary credentials fail before anything else.
    func expiryCheck(_ caller: Caller) throws(KinesisError) {
        if let expiry = caller.expiresAt, expiry <= now {
            throw KinesisError(.expiredToken, "The security token included in the request is expired")
        }
    }
}
