extension IssueCode {
    /// A code's fixed facts.
    struct Metadata {
        /// The title, as Access Analyzer's check reference heads it (or ours).
        let title: String
        /// The severity every finding with this code has.
        let findingType: FindingType
        /// Whether Access Analyzer has this code (else it is ours).
        let isAccessAnalyzerCode: Bool
        /// For our own codes: the IAM User Guide page (under `.../IAM/latest/UserGuide/`) that explains it.
        let page: String?
    }

    // The one place each code's title, severity and origin are stated; the compiler
    // checks that every code has an entry.
    var metadata: Metadata {
        func aa(_ title: String, _ type: FindingType) -> Metadata {
            Metadata(title: title, findingType: type, isAccessAnalyzerCode: true, page: nil)
        }
        func ours(_ title: String, _ type: FindingType, _ page: String) -> Metadata {
            Metadata(title: title, findingType: type, isAccessAnalyzerCode: false, page: page)
        }
        switch self {
        case .jsonSyntaxError: return aa("JSON syntax error", .error)
        case .dataTypeMismatch: return aa("Data type mismatch", .error)
        case .invalidPolicyElement: return aa("Invalid policy element", .error)
        case .duplicateElement: return ours("Duplicate element", .error, "reference_policies_grammar.html")
        case .invalidVersion: return aa("Invalid version", .error)
        case .missingVersion: return aa("Missing version", .warning)
        case .missingStatement: return aa("Missing statement", .error)
        case .emptyArrayStatement: return ours("Empty array statement", .error, "reference_policies_elements_statement.html")
        case .emptyArrayAction: return aa("Empty array action", .error)
        case .emptyArrayResource: return aa("Empty array resource", .error)
        case .emptyArrayPrincipal: return aa("Empty array principal", .error)
        case .emptyArrayCondition: return aa("Empty array condition", .error)
        case .missingEffect: return aa("Missing effect", .error)
        case .invalidEffect: return aa("Invalid effect", .error)
        case .missingAction: return aa("Missing action", .error)
        case .missingResource: return aa("Missing resource", .error)
        case .missingPrincipal: return aa("Missing principal", .error)
        case .unsupportedElementCombination: return aa("Unsupported element combination", .error)
        case .unsupportedPrincipal: return aa("Unsupported principal", .error)
        case .invalidPrincipalFormat: return aa("Invalid principal format", .error)
        case .unsupportedSid: return aa("Unsupported Sid", .error)
        case .uniqueSidsRequired: return aa("Unique Sids required", .error)
        case .invalidConditionOperator: return aa("Invalid condition operator", .error)
        case .nullWithIfExists: return aa("Null with if exists", .error)
        case .invalidConditionKeyFormat: return aa("Invalid condition key format", .error)
        case .policySizeExceedsIdentityPolicyQuota: return aa("Policy size exceeds identity policy quota", .error)
        case .policySizeExceedsResourcePolicyQuota: return aa("Policy size exceeds resource policy quota", .error)
        case .policySizeExceedsSCPQuota: return aa("Policy size exceeds SCP quota", .error)
        case .invalidAction: return aa("Invalid action", .error)
        case .invalidServiceInAction: return aa("Invalid service in action", .error)
        case .invalidARNPrefix: return aa("Invalid ARN prefix", .error)
        case .missingARNField: return aa("Missing ARN field", .error)
        case .invalidPartition: return aa("Invalid partition", .error)
        case .invalidService: return aa("Invalid service", .error)
        case .invalidARNServiceCase: return aa("Invalid ARN service case", .error)
        case .wildcardInARNService: return ours("Wildcard in ARN service", .error, "reference_policies_elements_resource.html")
        case .missingARNRegion: return aa("Missing ARN Region", .error)
        case .invalidARNResource: return aa("Invalid ARN resource", .error)
        case .unsupportedResourceARNInPolicy: return aa("Unsupported resource ARN in policy", .error)
        case .overlyPermissive: return ours("Overly permissive", .securityWarning, "best-practices.html")
        case .wildcardResourceWithResourceLevelActions:
            return ours("Wildcard resource with resource-level actions", .securityWarning, "best-practices.html")
        case .allowWithNotAction: return aa("Allow with NotAction", .securityWarning)
        case .allowWithNotResource: return aa("Allow with NotResource", .securityWarning)
        case .allowWithNotPrincipal: return aa("Allow with NotPrincipal", .securityWarning)
        case .permissionChangingActionsViaWildcard:
            return ours("Permission-changing actions via wildcard", .securityWarning, "reference_policies_elements_action.html")
        case .actionRequiresWildcardResource:
            return ours("Action requires wildcard resource", .warning, "reference_policies_elements_resource.html")
        case .passRoleWithStarInResource: return aa("Pass role with star in resource", .securityWarning)
        case .passRoleWithStarInActionAndResource: return aa("Pass role with star in action and resource", .securityWarning)
        case .createSLRWithStarInResource: return aa("Create SLR with star in resource", .warning)
        case .createSLRWithStarInActionAndResource: return aa("Create SLR with star in action and resource", .warning)
        case .publicTrustPolicy: return ours("Public trust policy", .error, "reference_policies_elements_principal.html")
        case .assumeRoleActionsViaWildcard:
            return ours("Assume-role actions via wildcard", .securityWarning, "id_roles_providers.html")
        case .variableUnsupportedInVersion: return aa("Variable unsupported in version", .warning)
        case .invalidVariableForOperator: return aa("Invalid variable for operator", .error)
        case .denyWithPossiblyAbsentVariable:
            return ours("Deny with possibly absent variable", .warning, "reference_policies_variables.html")
        case .forAllValuesWithSingleValuedKey: return aa("ForAllValues with single valued key", .securityWarning)
        case .forAnyValueWithSingleValuedKey: return aa("ForAnyValue with single valued key", .warning)
        case .forAllValuesWithoutNullCheck:
            return ours("ForAllValues without Null check", .warning, "reference_policies_condition-single-vs-multi-valued-context-keys.html")
        case .missingQualifier: return aa("Missing qualifier", .warning)
        // A general warning in Access Analyzer's check reference (findingType WARNING).
        case .typeMismatch: return aa("Type mismatch", .warning)
        case .typeMismatchDate: return aa("Type mismatch date", .error)
        case .typeMismatchNumber: return aa("Type mismatch number", .error)
        case .typeMismatchBoolean: return aa("Type mismatch Boolean", .error)
        case .typeMismatchIPRange: return aa("Type mismatch IP range", .error)
        case .typeMismatchBinary: return ours("Type mismatch binary", .error, "reference_policies_elements_condition_operators.html")
        case .nonLowercaseBoolean: return ours("Non-lowercase Boolean", .warning, "reference_policies_elements_condition_operators.html")
        case .dateWithoutTimeZone: return ours("Date without time zone", .warning, "reference_policies_elements_condition_operators.html")
        case .ipv6WithoutPrefix: return ours("IPv6 without prefix", .suggestion, "reference_policies_elements_condition_operators.html")
        case .cidrHostBitsSet: return ours("CIDR host bits set", .warning, "reference_policies_elements_condition_operators.html")
        case .redundantAction: return aa("Redundant action", .suggestion)
        case .redundantResource: return aa("Redundant resource", .suggestion)
        case .redundantStatement: return aa("Redundant statement", .suggestion)
        }
    }

    /// A short title (`Invalid action`).
    public var title: String { metadata.title }

    /// The severity every finding with this code has.
    public var findingType: FindingType { metadata.findingType }

    /// Whether IAM Access Analyzer reports a check with this code (else the code is ours).
    public var isAccessAnalyzerCode: Bool { metadata.isAccessAnalyzerCode }

    /// Documentation: Access Analyzer's check reference entry, or the IAM page for our own codes.
    public var learnMoreLink: String {
        let guide = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
        let m = metadata
        if let page = m.page { return guide + page }
        // Access Analyzer's anchors read `...-checks-<kind>-<title in kebab case>`.
        let kind: String
        switch m.findingType {
        case .error: kind = "error"
        case .securityWarning: kind = "security-warning"
        case .warning: kind = "general-warning"
        case .suggestion: kind = "suggestion"
        }
        let slug = m.title.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return guide + "access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-\(kind)-\(slug)"
    }
}
