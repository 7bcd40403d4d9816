/// The document must fit IAM's size quota, counted in characters without the whitespace
/// outside strings. Runs even when the document does not parse.
struct PolicySizeRule: Sendable {
    func check(_ source: _SourceText, type: PolicyType, options: PolicyValidator.Options) -> [Finding] {
        let counted = Self.countedCharacters(source.text)
        let quota: Int
        let code: IssueCode
        let kind: String
        switch type {
        case .identity:
            quota = options.identityPolicyQuota.characters
            code = .policySizeExceedsIdentityPolicyQuota
            kind = options.identityPolicyQuota.wording
        case .resource:
            quota = options.resourcePolicyQuota
            code = .policySizeExceedsResourcePolicyQuota
            kind = "a resource-based policy"
        case .trust:
            quota = options.trustPolicyQuota
            code = .policySizeExceedsResourcePolicyQuota
            kind = "a role trust policy"
        case .serviceControl:
            quota = options.serviceControlPolicyQuota
            code = .policySizeExceedsSCPQuota
            kind = "a service control policy"
        }
        guard counted > quota else { return [] }
        let total = source.text.unicodeScalars.count
        let span = SourceRange(start: .start, end: source.endPosition)
        return [Finding(
            code,
            "The policy is \(counted) characters without whitespace (\(total) as written); the quota for \(kind) is \(quota) characters. Remove statements or combine actions with care.",
            path: [], span: span)]
    }

    /// Characters IAM counts: every Unicode scalar except whitespace outside JSON strings.
    static func countedCharacters(_ text: String) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                count += 1
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
            } else {
                switch scalar {
                case " ", "\t", "\n", "\r": continue
                case "\"": inString = true; count += 1
                default: count += 1
                }
            }
        }
        return count
    }
}
