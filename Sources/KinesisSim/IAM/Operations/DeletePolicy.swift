import IAMPolicy

/// `DeletePolicy`'s input.
public struct DeletePolicyInput: Sendable, Equatable {
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
    /// `iam:DeletePolicy`: deletes a customer managed policy of the caller's account once it
    /// is detached from every user and role (`DeleteConflict` before).
    public mutating func deletePolicy(_ input: DeletePolicyInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let arn = input.policyArn ?? ""
        let account = caller.principal.account
        try authorize(caller, .deletePolicy, on: arn)
        guard let policy = managedPolicy(arn: arn), !policy.isAWSManaged, ARN(parsing: arn)?.account == account else {
            throw IAMError(.noSuchEntity, "Policy \(arn) was not found.")
        }
        guard attachmentCount(of: arn) == 0 else {
            throw IAMError(.deleteConflict, "Cannot delete a policy attached to entities.")
        }
        accounts[account]!.policies[policy.name] = nil
    }
}
