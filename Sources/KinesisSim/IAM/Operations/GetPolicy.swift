import IAMPolicy

/// `GetPolicy`'s input.
public struct GetPolicyInput: Sendable, Equatable {
    /// `PolicyArn` (required).
    public var policyArn: String?

    /// Creates an input.
    public init(policyArn: String?) {
        self.policyArn = policyArn
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.required(policyArn, at: "policyArn")
        v.check(policyArn, at: "policyArn", length: IAMLimits.arn)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:GetPolicy`: a managed policy (the caller's account's or AWS's) and its attachment count.
    public func getPolicy(_ input: GetPolicyInput, as caller: Caller) throws(IAMError) -> ManagedPolicyDescription {
        try input.validate()
        let arn = input.policyArn ?? ""
        try authorize(caller, .getPolicy, on: arn)
        guard let policy = managedPolicy(arn: arn) else { throw .noSuchPolicy(arn) }
        return ManagedPolicyDescription(policy: policy, attachmentCount: attachmentCount(of: arn))
    }
}
