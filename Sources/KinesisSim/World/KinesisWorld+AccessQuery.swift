import IAMPolicy

/// A question about access rather than a call: may this caller do this action on this
/// resource, as the world's policies stand? Labs grade with it (access checks, the exact
/// set of grants) and the CLI explains with it; nothing in the world changes.
public struct AccessQuery: Sendable {
    /// Who asks, and over which connection.
    public var caller: Caller
    /// The action, `service:Name` (any service: `kinesis:PutRecord`, `kms:Decrypt`, `s3:GetObject`).
    public var action: String
    /// The resource ARN, or `*` for actions without a resource type.
    public var resource: String
    /// Context keys to set or override on top of what the connection and caller give.
    public var context: [String: ContextValue]
    /// Judge the request as if the resource belonged to this account. Grading uses it to ask
    /// what a policy grants on resources outside the world (another account's `orders`)
    /// without the other account's consent getting in the way.
    public var resourceAccount: String?

    /// Creates a query.
    public init(caller: Caller, action: String, resource: String, context: [String: ContextValue] = [:],
                resourceAccount: String? = nil) {
        self.caller = caller
        self.action = action
        self.resource = resource
        self.context = context
        self.resourceAccount = resourceAccount
    }
}

extension KinesisWorld {
    /// IAM's decision on `query`, with the policies the world holds for it: the caller's
    /// identity policies, boundary and session policy, and the resource's own policy (a
    /// stream's or consumer's resource policy, a KMS key policy, a role's trust policy).
    public func decision(_ query: AccessQuery) -> Decision {
        let (request, policies) = authorizationInput(query)
        return Authorizer().decision(for: request, against: policies)
    }

    /// The full result and its plain-language explanation for `query`.
    public func explain(_ query: AccessQuery) -> (AuthorizationResult, Explanation) {
        let (request, policies) = authorizationInput(query)
        return Authorizer().explain(request, against: policies)
    }

    /// The request and policy set the evaluator judges for `query`.
    public func authorizationInput(_ query: AccessQuery) -> (AuthorizationRequest, PolicySet) {
        var policies = identityPolicies(of: query.caller)
        var tags: [String: String] = [:]
        let arn = ARN(parsing: query.resource)
        if let arn {
            switch arn.service {
            case "kinesis":
                let path = arn.resource.split(separator: "/", omittingEmptySubsequences: false)
                if path.count >= 2, path[0] == "stream",
                   let s = stream(StreamRef(account: arn.account, region: arn.region, name: String(path[1]))) {
                    if path.count == 4, path[2] == "consumer" {
                        if let c = s.consumers.first(where: { $0.arn == query.resource }) {
                            policies.resourcePolicy = c.resourcePolicy?.attached(as: .resource)
                            tags = c.tags
                        }
                    } else if path.count == 2 {
                        policies.resourcePolicy = s.resourcePolicy?.attached(as: .resource)
                        tags = s.tags
                    }
                }
            case "kms" where query.action.lowercased().hasPrefix("kms:"):
                // A key policy is the root of all access to a key: identity policies count only
                // when it delegates to the account. (Kinesis's own actions that name a key, such
                // as kinesis:StartStreamEncryption, are judged by the caller's policies alone.)
                policies.resourcePolicyRequired = true
                if arn.resource.hasPrefix("key/"),
                   let key = accounts[arn.account]?.keys[String(arn.resource.dropFirst(4))], key.region == arn.region {
                    policies.resourcePolicy = key.keyPolicy?.attached(as: .resource)
                }
            case "iam" where query.action.lowercased().hasPrefix("sts:"):
                // A trust policy governs every STS action on its role (AssumeRole, TagSession,
                // SetSourceIdentity, …) and must name the caller, even within one account.
                policies.resourcePolicyRequired = true
                if arn.resource.hasPrefix("role/"),
                   let role = accounts[arn.account]?.roles.values.first(where: { $0.arn == query.resource }) {
                    policies.resourcePolicy = role.trustPolicy?.attached(as: .resource)
                }
            default:
                break
            }
        }
        // aws:RequestedRegion is the region of the resource asked about (a us-west-2 stream is
        // called at us-west-2's endpoint), whatever region the caller usually sends to.
        var context = self.context(for: query.caller, region: requestedRegion(for: query.resource, caller: query.caller),
                                   resourceTags: tags)
        if query.action.lowercased().hasPrefix("kms:"), !query.caller.principal.account.isEmpty {
            // KMS names the calling account on every request to it.
            context["kms:CallerAccount"] = .string(query.caller.principal.account)
        }
        for (key, value) in query.context { context[key] = value }
        let owner = query.resourceAccount ?? arn?.namedAccount ?? query.caller.principal.account
        let request = AuthorizationRequest(principal: query.caller.principal, action: query.action,
                                           resource: query.resource, resourceAccount: owner, context: context)
        return (request, policies)
    }
}
