import IAMPolicy

/// The world's managed policies: AWS's (``AWSManagedPolicies``) and each account's own, and
/// the users and roles they are attached to.
extension KinesisWorld {
    /// Adds (or replaces) a customer managed policy of the account its ARN names.
    public mutating func addManagedPolicy(_ policy: ManagedPolicy) {
        guard let account = ARN(parsing: policy.arn)?.account, !policy.isAWSManaged else { return }
        addAccount(account)
        accounts[account]!.policies[policy.name] = policy
    }

    /// The managed policy with this ARN: one of AWS's, or an account's own (its path included).
    public func managedPolicy(arn: String) -> ManagedPolicy? {
        if let aws = AWSManagedPolicies.all[arn] { return aws }
        guard let parsed = ARN(parsing: arn), parsed.service == "iam",
              let slash = arn.lastIndex(of: "/") else { return nil }
        let name = String(arn[arn.index(after: slash)...])
        guard let policy = accounts[parsed.account]?.policies[name], policy.arn == arn else { return nil }
        return policy
    }

    /// How many users and roles have the policy with this ARN attached.
    public func attachmentCount(of arn: String) -> Int {
        var count = 0
        for account in accounts.values {
            count += account.users.values.count { $0.attachedPolicies.contains(arn) }
            count += account.roles.values.count { $0.attachedPolicies.contains(arn) }
        }
        return count
    }

    /// The documents of the managed policies `arns` names, as the evaluator takes them
    /// (named by ARN, typed AWS or customer managed); ARNs of policies gone are skipped.
    func attachedManagedPolicies(_ arns: [String]) -> [AttachedPolicy] {
        arns.compactMap { arn in
            managedPolicy(arn: arn).map { $0.document.attached(as: $0.isAWSManaged ? .awsManaged : .userManaged) }
        }
    }
}
