/// One tag as Kinesis lists it (AWS's `Tag` shape): a key and its value.
public struct ResourceTag: Sendable, Equatable, Hashable {
    /// `Key`.
    public var key: String
    /// `Value` (possibly empty).
    public var value: String

    /// Creates a tag.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// A tag map as a list in ascending key order, as the List… operations answer.
    static func sorted(_ tags: [String: String]) -> [ResourceTag] {
        tags.sorted { $0.key < $1.key }.map { ResourceTag(key: $0.key, value: $0.value) }
    }
}

extension TagRules {
    /// `tags` merged into `existing` (existing keys overwritten), after Kinesis's checks: the
    /// character and length rules, and at most 50 tags on the resource afterwards.
    ///
    /// Too many tags is `InvalidArgumentException`, as kinesalite captured it from AWS (not
    /// `LimitExceededException`, which boto3 would silently retry).
    static func adding(_ tags: [String: String], to existing: [String: String], resource: String) throws(KinesisError) -> [String: String] {
        try check(tags)
        let merged = existing.merging(tags) { _, new in new }
        if merged.count > maxTags {
            throw KinesisError(.invalidArgument,
                "Failed to add tags to \(resource) because a given resource cannot have more than \(maxTags) tags associated with it.")
        }
        return merged
    }

    /// Model constraints on a `TagKeys` list: 1–50 keys of 1–128 characters.
    static func validate(keys: [String]?, at member: String, into v: inout ValidationErrors) {
        v.required(keys, at: member)
        guard let keys else { return }
        if keys.isEmpty { v.fail("[]", at: member, "Member must have length greater than or equal to 1") }
        if keys.count > maxTags { v.fail("[\(keys.count) keys]", at: member, "Member must have length less than or equal to 50") }
        for (i, key) in keys.enumerated() {
            v.check(key, at: "\(member).\(i + 1).member", length: 1...128)
        }
    }
}
