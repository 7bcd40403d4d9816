import IAMPolicy

/// The world as the access analysis sees it: every principal with the policies that govern
/// it, every resource with its own policy and tags.
extension KinesisWorld {
    /// The request model of this world: its accounts and regions; every user, every role
    /// (calling through a session, with `sessionPolicy` if given) and every account root;
    /// every stream, consumer, KMS key and role (whose trust policy is its resource policy).
    /// Requests are possible from now on.
    public func requestModel(sessionPolicies: [String: CompiledPolicy] = [:]) -> RequestModel {
        var principals: [ModelPrincipal] = []
        var resources: [ModelResource] = []
        var regions: Set<String> = []
        for account in accounts.values.sorted(by: { $0.id < $1.id }) {
            for u in account.users.values.sorted(by: { $0.name < $1.name }) {
                guard let caller = caller(user: u.name, account: account.id) else { continue }
                principals.append(modelPrincipal(caller))
            }
            for r in account.roles.values.sorted(by: { $0.name < $1.name }) {
                guard var caller = session(of: r.name, account: account.id) else { continue }
                caller.sessionPolicy = sessionPolicies[r.arn]
                principals.append(modelPrincipal(caller))
                resources.append(ModelResource(arn: r.arn, policy: r.trustPolicy?.attached(as: .resource), tags: r.tags))
            }
            let root = Caller(principal: Principal(kind: .root, arn: "arn:aws:iam::\(account.id):root", account: account.id))
            principals.append(modelPrincipal(root))
            for (region, streams) in account.streams.sorted(by: { $0.key < $1.key }) {
                regions.insert(region)
                for s in streams.values.sorted(by: { $0.name < $1.name }) {
                    resources.append(ModelResource(arn: s.arn, policy: s.resourcePolicy?.attached(as: .resource), tags: s.tags))
                    for c in s.consumers {
                        resources.append(ModelResource(arn: c.arn, policy: c.resourcePolicy?.attached(as: .resource), tags: c.tags))
                    }
                }
            }
            for k in account.keys.values.sorted(by: { $0.arn < $1.arn }) {
                regions.insert(k.region)
                resources.append(ModelResource(arn: k.arn, policy: k.keyPolicy?.attached(as: .resource)))
            }
        }
        return RequestModel(accounts: accounts.keys.sorted(), regions: regions.sorted(), principals: principals,
                            resources: resources, earliestTime: now.milliseconds)
    }

    /// A known principal: its policies and the context keys that follow from who it is.
    private func modelPrincipal(_ caller: Caller) -> ModelPrincipal {
        let full = context(for: caller)
        var keys: [String: ContextValue] = [:]
        for key in full.keys where key.hasPrefix("aws:principal") || key == "aws:userid" || key == "aws:username" {
            keys[key] = full[key]
        }
        return ModelPrincipal(principal: caller.principal, policies: identityPolicies(of: caller), context: keys,
                              temporaryCredentials: caller.tokenIssuedAt != nil)
    }
}
