import IAMPolicy

/// `PutResourcePolicy`'s input.
public struct PutResourcePolicyInput: Sendable, Equatable {
    /// `ResourceARN` (required): a stream or consumer ARN.
    public var resourceARN: String?
    /// `Policy` (required): the policy document, as JSON text.
    public var policy: String?

    /// Creates an input.
    public init(resourceARN: String?, policy: String?) {
        self.resourceARN = resourceARN
        self.policy = policy
    }
}

extension KinesisWorld {
    /// The largest resource policy accepted, in UTF-8 bytes (Kinesis documents 20 KB).
    static let maxResourcePolicyBytes = 20_480

    /// `PutResourcePolicy`: attaches a resource-based policy to a stream or consumer,
    /// replacing any it had. Only callers in the owning account may; the document must parse
    /// as a resource policy (a malformed one is `InvalidArgumentException` naming where).
    /// Every later authorization on the resource honours it.
    public mutating func putResourcePolicy(_ input: PutResourcePolicyInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        ResourceARNInput.validate(input.resourceARN, into: &v)
        v.required(input.policy, at: "policy")
        try v.throwIfAny()
        guard let arn = input.resourceARN, let text = input.policy else { return }
        let resource = try resolveResource(arn, for: caller)
        try authorize(caller, "kinesis:PutResourcePolicy", resource: resource)
        try requireOwner(caller, "kinesis:PutResourcePolicy", of: resource)
        let size = text.utf8.count
        if size > Self.maxResourcePolicyBytes {
            throw KinesisError(.invalidArgument,
                "Policy size \(size) bytes exceeds the maximum of \(Self.maxResourcePolicyBytes) bytes for a resource policy.")
        }
        let policy: NamedPolicy
        do {
            policy = try NamedPolicy(name: "resource-policy", text: text, type: .resource)
        } catch {
            throw KinesisError(.invalidArgument,
                "Invalid resource policy at line \(error.range.start.line), column \(error.range.start.column): \(error.message) \(error.detail)")
        }
        try setResourcePolicy(policy, on: resource)
    }

    /// `GetResourcePolicy`: the policy text as it was put, or `{}` when there is none.
    public func getResourcePolicy(_ input: ResourceARNInput, as caller: Caller) throws(KinesisError) -> String {
        var v = ValidationErrors()
        ResourceARNInput.validate(input.resourceARN, into: &v)
        try v.throwIfAny()
        guard let arn = input.resourceARN else { return "{}" }
        let resource = try resolveResource(arn, for: caller)
        try authorize(caller, "kinesis:GetResourcePolicy", resource: resource)
        return try resourcePolicy(of: resource)?.text ?? "{}"
    }

    /// `DeleteResourcePolicy`: removes the policy; a resource without one is
    /// `ResourceNotFoundException`. Only callers in the owning account may.
    public mutating func deleteResourcePolicy(_ input: ResourceARNInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        ResourceARNInput.validate(input.resourceARN, into: &v)
        try v.throwIfAny()
        guard let arn = input.resourceARN else { return }
        let resource = try resolveResource(arn, for: caller)
        try authorize(caller, "kinesis:DeleteResourcePolicy", resource: resource)
        try requireOwner(caller, "kinesis:DeleteResourcePolicy", of: resource)
        guard try resourcePolicy(of: resource) != nil else {
            throw KinesisError(.resourceNotFound, "No resource policy found for resource \(arn).")
        }
        try setResourcePolicy(nil, on: resource)
    }

    /// Resource policies are managed from the owning account only, whatever a policy grants.
    private func requireOwner(_ caller: Caller, _ action: String, of resource: KinesisResource) throws(KinesisError) {
        let owner = resource.stream.account
        guard caller.principal.account == owner else {
            throw KinesisError(.accessDenied,
                "User: \(caller.principal.arn) is not authorized to perform: \(action) on resource: \(resource.arn) because only principals in the owning account \(owner) can manage its resource policy")
        }
    }

    /// The resource's policy, or `ResourceNotFoundException` when the resource does not exist.
    private func resourcePolicy(of resource: KinesisResource) throws(KinesisError) -> NamedPolicy? {
        let s = try existingStream(resource.stream)
        switch resource {
        case .stream: return s.resourcePolicy
        case .consumer(let ref, let name, let arn):
            guard let c = s.consumers.first(where: { $0.arn == arn }) else { throw Self.consumerNotFound(name, stream: ref) }
            return c.resourcePolicy
        }
    }

    private mutating func setResourcePolicy(_ policy: NamedPolicy?, on resource: KinesisResource) throws(KinesisError) {
        switch resource {
        case .stream(let ref):
            try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in s.resourcePolicy = policy }
        case .consumer(let ref, let name, let arn):
            try modifyConsumer(arn, name: name, on: ref) { (c: inout Consumer) throws(KinesisError) in c.resourcePolicy = policy }
        }
    }
}

extension KinesisWorld {
    /// World setup (not an API call): makes `policy` the resource policy of the stream `arn`
    /// names, keeping the policy's own name so explanations can point into it. Labs use it to
    /// put a learner's stream policy in place; callers use `putResourcePolicy`.
    public mutating func attachStreamPolicy(_ policy: NamedPolicy, toStream arn: String) throws(KinesisError) {
        guard let ref = StreamRef(arn: arn) else { throw KinesisError(.invalidArgument, "Invalid StreamARN: \(arn)") }
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in s.resourcePolicy = policy }
    }
}
