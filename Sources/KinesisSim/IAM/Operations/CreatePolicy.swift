import IAMPolicy

/// `CreatePolicy`'s input.
public struct CreatePolicyInput: Sendable, Equatable {
    /// `PolicyName` (required): unique in the account, whatever the path.
    public var policyName: String?
    /// `PolicyDocument` (required).
    public var policyDocument: String?
    /// `Path` (default `/`).
    public var path: String?
    /// `Description`.
    public var description: String?

    /// Creates an input.
    public init(policyName: String?, policyDocument: String?, path: String? = nil, description: String? = nil) {
        self.policyName = policyName
        self.policyDocument = policyDocument
        self.path = path
        self.description = description
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.required(policyName, at: "policyName")
        v.check(policyName, at: "policyName", length: IAMLimits.policyName, pattern: .name)
        v.required(policyDocument, at: "policyDocument")
        v.check(policyDocument, at: "policyDocument", length: IAMLimits.policyDocument)
        v.check(path, at: "path", length: IAMLimits.path, pattern: .path)
        v.check(description, at: "description", length: IAMLimits.description)
        try v.throwIfAny()
    }
}

/// A managed policy as `CreatePolicy` and `GetPolicy` describe it: the policy and how many
/// users and roles have it attached.
public struct ManagedPolicyDescription: Sendable {
    /// The policy.
    public var policy: ManagedPolicy
    /// `AttachmentCount`.
    public var attachmentCount: Int
}

extension KinesisWorld {
    /// `iam:CreatePolicy`: a customer managed policy of the caller's account, at version `v1`.
    public mutating func createPolicy(_ input: CreatePolicyInput, as caller: Caller) throws(IAMError) -> ManagedPolicyDescription {
        try input.validate()
        let name = input.policyName ?? ""
        let account = caller.principal.account
        let path = input.path ?? "/"
        try authorize(caller, .createPolicy, on: "arn:aws:iam::\(account):policy\(path)\(name)")
        guard accounts[account]?.policies[name] == nil else {
            throw IAMError(.entityAlreadyExists, "A policy called \(name) already exists. Duplicate names are not allowed.")
        }
        let document = try Self.policy(named: name, input.policyDocument ?? "", type: .identity)
        let policy = ManagedPolicy(name: name, owner: account, path: path, description: input.description,
                                   document: document, createDate: now)
        addManagedPolicy(policy)
        return ManagedPolicyDescription(policy: policy, attachmentCount: 0)
    }
}
