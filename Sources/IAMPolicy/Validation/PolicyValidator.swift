/// Checks a policy document the way IAM Access Analyzer's `ValidatePolicy` does: grammar
/// errors, actions and ARNs the catalog does not know, over-broad grants, condition values
/// of the wrong type, redundancy and size.
///
/// ```swift
/// let findings = PolicyValidator().validate(text, type: .identity)
/// ```
public struct PolicyValidator: Sendable {
    /// The catalog actions, resource types and condition keys are checked against.
    public var catalog: ServiceCatalog
    /// Quotas and other settings.
    public var options: Options

    /// Creates a validator.
    public init(catalog: ServiceCatalog = .aws, options: Options = .init()) {
        self.catalog = catalog
        self.options = options
    }

    /// The rules run on a document that parses, in no particular order (findings are sorted).
    static let rules: [any _ValidationRule] = [
        VersionRule(), ActionRule(), ResourceARNRule(), OverlyPermissiveRule(),
        WildcardResourceRule(), ResourcelessActionRule(), NotElementRule(),
        PermissionChangingWildcardRule(), RedundantElementRule(), RedundantStatementRule(),
        ConditionQualifierRule(), ConditionValueRule(), DenyVariableRule(), IAMRoleWildcardRule(),
        OperatorTypeRule(), PublicTrustRule(), AssumeRoleWildcardRule(),
    ]

    /// Validates `text` as a policy of kind `type`; findings are sorted by position, then
    /// most severe first.
    ///
    /// A document that does not parse gets one ERROR finding per parse error (and the size
    /// check); the other checks need a well-formed policy.
    public func validate(_ text: String, type: PolicyType) -> [Finding] {
        let source = _SourceText(text)
        var findings = PolicySizeRule().check(source, type: type, options: options)
        let (policy, errors) = PolicyParser(type: type).diagnose(text)
        findings += errors.map { _ParseErrorMapping.finding(for: $0, in: source, type: type) }
        if let policy, errors.isEmpty {
            let context = _ValidationContext(source: source, policy: policy, type: type, catalog: catalog, options: options)
            for rule in Self.rules {
                findings += rule.check(context)
            }
        }
        return Self.sorted(findings)
    }

    /// Sorts by the main span's start, then severity (most severe first), then code and text.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            if a.span.start.offset != b.span.start.offset { return a.span.start.offset < b.span.start.offset }
            if a.findingType != b.findingType { return a.findingType > b.findingType }
            if a.issueCode != b.issueCode { return a.issueCode.rawValue < b.issueCode.rawValue }
            return a.findingDetails < b.findingDetails
        }
    }
}
