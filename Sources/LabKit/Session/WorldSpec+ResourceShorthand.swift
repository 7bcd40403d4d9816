import IAMPolicy

extension WorldSpec {
    /// Expands the short resource forms lab files use, as the lab loader does:
    /// `stream/NAME` (and `stream/NAME/consumer/…`), `key/ID`, `alias/NAME`, `role/NAME`,
    /// `user/NAME`; a bare name of one of the world's streams means that stream. A full ARN
    /// or `*` stays as it is. `nil` when `text` is none of these.
    public func expandResource(_ text: String) -> String? {
        if text == "*" { return text }
        if text.hasPrefix("arn:") { return ARN(parsing: text) == nil ? nil : text }
        if text.hasPrefix("stream/") {
            let name = String(text.dropFirst(7).prefix { $0 != "/" })
            guard !name.isEmpty else { return nil }
            return "arn:aws:kinesis:\(stream(name)?.region ?? region):\(stream(name)?.account ?? account):\(text)"
        }
        if text.hasPrefix("key/") || text.hasPrefix("alias/") { return key(text)?.arn }
        if text.hasPrefix("role/") || text.hasPrefix("user/") { return "arn:aws:iam::\(account):\(text)" }
        if let s = stream(text), !text.contains("/") { return s.arn }
        return nil
    }
}

extension WorldSpec {
    /// The text of every policy written in the world, by the name the evaluator gives it:
    /// identity policies, managed policies (by ARN), boundaries, trust policies, stream and
    /// key policies.
    public var policyTexts: [String: String] {
        var out: [String: String] = [:]
        for p in users + roles {
            for policy in p.policies { out[policy.name] = policy.text }
            for policy in [p.permissionsBoundary, p.trustPolicy].compactMap({ $0 }) { out[policy.name] = policy.text }
        }
        for m in managedPolicies { out[m.arn] = m.policy.text }
        for s in streams { if let policy = s.resourcePolicy { out[policy.name] = policy.text } }
        for k in keys { if let policy = k.policy { out[policy.name] = policy.text } }
        return out
    }
}
