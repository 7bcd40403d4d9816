/// `AddTagsToStream`'s input.
public struct AddTagsToStreamInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `Tags` (required; 1–200 entries per call, at most 50 on the stream afterwards).
    public var tags: [String: String]?

    /// Creates an input.
    public init(_ target: StreamTarget, tags: [String: String]?) {
        self.target = target
        self.tags = tags
    }
}

/// `RemoveTagsFromStream`'s input.
public struct RemoveTagsFromStreamInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `TagKeys` (required; 1–50 keys).
    public var tagKeys: [String]?

    /// Creates an input.
    public init(_ target: StreamTarget, tagKeys: [String]?) {
        self.target = target
        self.tagKeys = tagKeys
    }
}

/// `ListTagsForStream`'s input.
public struct ListTagsForStreamInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `ExclusiveStartTagKey`: list the keys after this one.
    public var exclusiveStartTagKey: String?
    /// `Limit` (1–50; default 50).
    public var limit: Int?

    /// Creates an input.
    public init(_ target: StreamTarget, exclusiveStartTagKey: String? = nil, limit: Int? = nil) {
        self.target = target
        self.exclusiveStartTagKey = exclusiveStartTagKey
        self.limit = limit
    }
}

/// `ListTagsForStream`'s output.
public struct ListTagsForStreamOutput: Sendable, Equatable {
    /// `Tags`, in ascending key order.
    public var tags: [ResourceTag]
    /// `HasMoreTags`: whether keys remain after the last one listed.
    public var hasMoreTags: Bool
}

extension KinesisWorld {
    /// `AddTagsToStream`: adds tags, overwriting the values of keys the stream already has.
    /// Policies see the new tags as `aws:RequestTag/KEY` and `aws:TagKeys`.
    public mutating func addTagsToStream(_ input: AddTagsToStreamInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        input.target.validate(into: &v)
        v.required(input.tags, at: "tags")
        TagRules.validate(input.tags, at: "tags", into: &v)
        try v.throwIfAny()
        guard let tags = input.tags else { return }
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:AddTagsToStream", stream: ref, requestTags: tags)
        try tagStream(ref, adding: tags)
    }

    /// `RemoveTagsFromStream`: removes the keys; a key the stream does not have is ignored.
    /// Policies see the keys as `aws:TagKeys`.
    public mutating func removeTagsFromStream(_ input: RemoveTagsFromStreamInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        input.target.validate(into: &v)
        TagRules.validate(keys: input.tagKeys, at: "tagKeys", into: &v)
        try v.throwIfAny()
        guard let keys = input.tagKeys else { return }
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:RemoveTagsFromStream", stream: ref, tagKeys: keys)
        try untagStream(ref, removing: keys)
    }

    /// `ListTagsForStream`: tags in ascending key order, `Limit` at a time after
    /// `ExclusiveStartTagKey`, with `HasMoreTags`.
    public func listTagsForStream(_ input: ListTagsForStreamInput, as caller: Caller) throws(KinesisError) -> ListTagsForStreamOutput {
        var v = ValidationErrors()
        input.target.validate(into: &v)
        v.check(input.exclusiveStartTagKey, at: "exclusiveStartTagKey", length: 1...128)
        v.check(input.limit, at: "limit", range: 1...TagRules.maxTags)
        try v.throwIfAny()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:ListTagsForStream", stream: ref)
        let s = try existingStream(ref)
        var all = ResourceTag.sorted(s.tags)
        if let start = input.exclusiveStartTagKey { all.removeAll { $0.key <= start } }
        let limit = input.limit ?? TagRules.maxTags
        return ListTagsForStreamOutput(tags: Array(all.prefix(limit)), hasMoreTags: all.count > limit)
    }

    /// Adds tags to an ACTIVE stream (shared by AddTagsToStream and TagResource).
    mutating func tagStream(_ ref: StreamRef, adding tags: [String: String]) throws(KinesisError) {
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            try Self.requireActive(s)
            s.tags = try TagRules.adding(tags, to: s.tags, resource: "stream \(s.name) under account \(s.account)")
        }
    }

    /// Removes tag keys from an ACTIVE stream (shared by RemoveTagsFromStream and UntagResource).
    mutating func untagStream(_ ref: StreamRef, removing keys: [String]) throws(KinesisError) {
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            try Self.requireActive(s)
            for key in keys { s.tags[key] = nil }
        }
    }
}
