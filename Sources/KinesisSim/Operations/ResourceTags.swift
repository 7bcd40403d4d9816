/// `TagResource`'s input.
public struct TagResourceInput: Sendable, Equatable {
    /// `ResourceARN` (required): a stream or consumer ARN.
    public var resourceARN: String?
    /// `Tags` (required; at most 50 on the resource afterwards).
    public var tags: [String: String]?

    /// Creates an input.
    public init(resourceARN: String?, tags: [String: String]?) {
        self.resourceARN = resourceARN
        self.tags = tags
    }
}

/// `UntagResource`'s input.
public struct UntagResourceInput: Sendable, Equatable {
    /// `ResourceARN` (required): a stream or consumer ARN.
    public var resourceARN: String?
    /// `TagKeys` (required; 1–50 keys).
    public var tagKeys: [String]?

    /// Creates an input.
    public init(resourceARN: String?, tagKeys: [String]?) {
        self.resourceARN = resourceARN
        self.tagKeys = tagKeys
    }
}

/// The input of operations that take only a `ResourceARN`: `ListTagsForResource`,
/// `GetResourcePolicy`, `DeleteResourcePolicy`.
public struct ResourceARNInput: Sendable, Equatable {
    /// `ResourceARN` (required): a stream or consumer ARN.
    public var resourceARN: String?

    /// Creates an input.
    public init(resourceARN: String?) {
        self.resourceARN = resourceARN
    }

    /// Model constraints on `ResourceARN`.
    static func validate(_ arn: String?, into v: inout ValidationErrors) {
        v.required(arn, at: "resourceARN")
        v.check(arn, at: "resourceARN", length: 1...2048, pattern: .resourceARN)
    }
}

extension KinesisWorld {
    /// `TagResource`: tags a stream (as AddTagsToStream) or a consumer by ARN.
    public mutating func tagResource(_ input: TagResourceInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        ResourceARNInput.validate(input.resourceARN, into: &v)
        v.required(input.tags, at: "tags")
        TagRules.validate(input.tags, at: "tags", into: &v)
        try v.throwIfAny()
        guard let arn = input.resourceARN, let tags = input.tags else { return }
        let resource = try resolveResource(arn, for: caller)
        try authorize(caller, "kinesis:TagResource", resource: resource, requestTags: tags)
        switch resource {
        case .stream(let ref):
            try tagStream(ref, adding: tags)
        case .consumer(let ref, let name, let arn):
            try modifyConsumer(arn, name: name, on: ref) { (c: inout Consumer) throws(KinesisError) in
                c.tags = try TagRules.adding(tags, to: c.tags, resource: "consumer \(name)")
            }
        }
    }

    /// `UntagResource`: removes tag keys from a stream or a consumer; absent keys are ignored.
    public mutating func untagResource(_ input: UntagResourceInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        ResourceARNInput.validate(input.resourceARN, into: &v)
        TagRules.validate(keys: input.tagKeys, at: "tagKeys", into: &v)
        try v.throwIfAny()
        guard let arn = input.resourceARN, let keys = input.tagKeys else { return }
        let resource = try resolveResource(arn, for: caller)
        try authorize(caller, "kinesis:UntagResource", resource: resource, tagKeys: keys)
        switch resource {
        case .stream(let ref):
            try untagStream(ref, removing: keys)
        case .consumer(let ref, let name, let arn):
            try modifyConsumer(arn, name: name, on: ref) { (c: inout Consumer) throws(KinesisError) in
                for key in keys { c.tags[key] = nil }
            }
        }
    }

    /// `ListTagsForResource`: a stream's or consumer's tags, in ascending key order.
    public func listTagsForResource(_ input: ResourceARNInput, as caller: Caller) throws(KinesisError) -> [ResourceTag] {
        var v = ValidationErrors()
        ResourceARNInput.validate(input.resourceARN, into: &v)
        try v.throwIfAny()
        guard let arn = input.resourceARN else { return [] }
        let resource = try resolveResource(arn, for: caller)
        try authorize(caller, "kinesis:ListTagsForResource", resource: resource)
        return ResourceTag.sorted(try tags(of: resource))
    }

    /// The tags of an existing stream or consumer, or `ResourceNotFoundException`.
    func tags(of resource: KinesisResource) throws(KinesisError) -> [String: String] {
        let s = try existingStream(resource.stream)
        switch resource {
        case .stream: return s.tags
        case .consumer(let ref, let name, let arn):
            guard let c = s.consumers.first(where: { $0.arn == arn }) else { throw Self.consumerNotFound(name, stream: ref) }
            return c.tags
        }
    }
}
