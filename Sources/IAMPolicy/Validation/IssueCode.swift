/// The kinds of finding the validator reports.
///
/// Where IAM Access Analyzer has a check for the same problem, the raw value is its issue
/// code; codes Access Analyzer does not have are our own and marked so in
/// ``isAccessAnalyzerCode``. Titles, severities and links live in one `switch`
/// (`IssueCode+Metadata.swift`).
public enum IssueCode: String, Sendable, Equatable, Hashable, CaseIterable {
    // MARK: Document structure (from the parser)
    /// The text is not strict JSON.
    case jsonSyntaxError = "JSON_SYNTAX_ERROR"
    /// An element has the wrong JSON type (a number for `Effect`, a policy that is not an object).
    case dataTypeMismatch = "DATA_TYPE_MISMATCH"
    /// A member IAM does not know (`Statment`, `Condtion`).
    case invalidPolicyElement = "INVALID_POLICY_ELEMENT"
    /// The same member twice in one object. Our code.
    case duplicateElement = "DUPLICATE_ELEMENT"
    /// `Version` is not `2012-10-17` or `2008-10-17`.
    case invalidVersion = "INVALID_VERSION"
    /// No `Version`: variables are then plain text.
    case missingVersion = "MISSING_VERSION"
    /// No `Statement`.
    case missingStatement = "MISSING_STATEMENT"
    /// `Statement: []`. Our code.
    case emptyArrayStatement = "EMPTY_ARRAY_STATEMENT"
    /// `Action: []` or `NotAction: []`.
    case emptyArrayAction = "EMPTY_ARRAY_ACTION"
    /// `Resource: []` or `NotResource: []`.
    case emptyArrayResource = "EMPTY_ARRAY_RESOURCE"
    /// An empty array of principals.
    case emptyArrayPrincipal = "EMPTY_ARRAY_PRINCIPAL"
    /// An empty array of condition values.
    case emptyArrayCondition = "EMPTY_ARRAY_CONDITION"
    /// No `Effect`.
    case missingEffect = "MISSING_EFFECT"
    /// `Effect` other than `Allow`/`Deny`.
    case invalidEffect = "INVALID_EFFECT"
    /// No `Action`/`NotAction`.
    case missingAction = "MISSING_ACTION"
    /// No `Resource`/`NotResource`.
    case missingResource = "MISSING_RESOURCE"
    /// No `Principal` in a resource-based policy.
    case missingPrincipal = "MISSING_PRINCIPAL"
    /// Both an element and its `Not` form.
    case unsupportedElementCombination = "UNSUPPORTED_ELEMENT_COMBINATION"
    /// `Principal` in an identity policy.
    case unsupportedPrincipal = "UNSUPPORTED_PRINCIPAL"
    /// A malformed principal.
    case invalidPrincipalFormat = "INVALID_PRINCIPAL_FORMAT"
    /// A `Sid` with characters IAM does not accept.
    case unsupportedSid = "UNSUPPORTED_SID"
    /// Two statements with one `Sid`.
    case uniqueSidsRequired = "UNIQUE_SIDS_REQUIRED"
    /// A condition operator IAM does not know.
    case invalidConditionOperator = "INVALID_CONDITION_OPERATOR"
    /// `NullIfExists`.
    case nullWithIfExists = "NULL_WITH_IF_EXISTS"
    /// An empty or malformed condition key.
    case invalidConditionKeyFormat = "INVALID_CONDITION_KEY_FORMAT"
    /// The document is over the identity-policy size quota.
    case policySizeExceedsIdentityPolicyQuota = "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"
    /// The document is over the resource-policy size quota.
    case policySizeExceedsResourcePolicyQuota = "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"
    /// The document is over the service control policy size quota.
    case policySizeExceedsSCPQuota = "POLICY_SIZE_EXCEEDS_SCP_QUOTA"

    // MARK: Actions
    /// An action the service does not have, or a wildcard that matches none of its actions.
    case invalidAction = "INVALID_ACTION"
    /// An action whose service prefix is not an AWS service.
    case invalidServiceInAction = "INVALID_SERVICE_IN_ACTION"

    // MARK: Resources
    /// A resource that does not start with `arn:` and is not `*`.
    case invalidARNPrefix = "INVALID_ARN_PREFIX"
    /// An ARN with fewer than six fields.
    case missingARNField = "MISSING_ARN_FIELD"
    /// An ARN partition that is not an AWS partition.
    case invalidPartition = "INVALID_PARTITION"
    /// An ARN whose service is not an AWS service.
    case invalidService = "INVALID_SERVICE"
    /// An ARN whose service is not written in lower case.
    case invalidARNServiceCase = "INVALID_ARN_SERVICE_CASE"
    /// A wildcard in an ARN's service field. Our code.
    case wildcardInARNService = "WILDCARD_IN_ARN_SERVICE"
    /// A regional service's ARN without a region.
    case missingARNRegion = "MISSING_ARN_REGION"
    /// An ARN whose resource part fits none of the service's resource types.
    case invalidARNResource = "INVALID_ARN_RESOURCE"
    /// An ARN none of the statement's actions can act on.
    case unsupportedResourceARNInPolicy = "UNSUPPORTED_RESOURCE_ARN_IN_POLICY"

    // MARK: Over-granting
    /// `kinesis:*`, `kms:*` or `*` on `Resource: "*"` in an Allow. Our code.
    case overlyPermissive = "OVERLY_PERMISSIVE"
    /// `Resource: "*"` in an Allow with actions that could be scoped to resources. Our code.
    case wildcardResourceWithResourceLevelActions = "WILDCARD_RESOURCE_WITH_RESOURCE_LEVEL_ACTIONS"
    /// `Allow` with `NotAction`.
    case allowWithNotAction = "ALLOW_WITH_NOT_ACTION"
    /// `Allow` with `NotResource`.
    case allowWithNotResource = "ALLOW_WITH_NOT_RESOURCE"
    /// `Allow` with `NotPrincipal`.
    case allowWithNotPrincipal = "ALLOW_WITH_NOT_PRINCIPAL"
    /// A wildcard action in an Allow that reaches permission-changing actions. Our code.
    case permissionChangingActionsViaWildcard = "PERMISSION_CHANGING_ACTIONS_VIA_WILDCARD"
    /// An action with no resource type, in an Allow whose resources never match `*`. Our code.
    case actionRequiresWildcardResource = "ACTION_REQUIRES_WILDCARD_RESOURCE"
    /// `iam:PassRole` on `*` (or every role) in an Allow without an `iam:PassedToService` condition.
    case passRoleWithStarInResource = "PASS_ROLE_WITH_STAR_IN_RESOURCE"
    /// A wildcard action that includes `iam:PassRole` (`iam:*`, `*`) on `*` in an Allow.
    case passRoleWithStarInActionAndResource = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"
    /// `iam:CreateServiceLinkedRole` on `*` (or every role) in an Allow.
    case createSLRWithStarInResource = "CREATE_SLR_WITH_STAR_IN_RESOURCE"
    /// A wildcard action that includes `iam:CreateServiceLinkedRole` on `*` in an Allow.
    case createSLRWithStarInActionAndResource = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE"

    // MARK: Trust policies
    /// A trust policy that lets any principal assume the role (`Principal: "*"` without a
    /// condition that pins the caller). Our code.
    case publicTrustPolicy = "PUBLIC_TRUST_POLICY"
    /// A wildcard STS action in a trust policy that reaches several ways to assume the role. Our code.
    case assumeRoleActionsViaWildcard = "ASSUME_ROLE_ACTIONS_VIA_WILDCARD"

    // MARK: Versions and variables
    /// A policy variable under Version 2008-10-17 (or no Version), where it is plain text.
    case variableUnsupportedInVersion = "VARIABLE_UNSUPPORTED_IN_VERSION"
    /// A policy variable in a Numeric, Date, Bool, Binary or IP condition value.
    case invalidVariableForOperator = "INVALID_VARIABLE_FOR_OPERATOR"
    /// A Deny whose effect depends on a variable that may be absent from the request. Our code.
    case denyWithPossiblyAbsentVariable = "DENY_WITH_POSSIBLY_ABSENT_VARIABLE"

    // MARK: Conditions
    /// `ForAllValues:` with a single-valued key: true when the key is absent.
    case forAllValuesWithSingleValuedKey = "FORALLVALUES_WITH_SINGLE_VALUED_KEY"
    /// `ForAnyValue:` with a single-valued key.
    case forAnyValueWithSingleValuedKey = "FORANYVALUE_WITH_SINGLE_VALUED_KEY"
    /// `ForAllValues:` in an Allow without a `Null` check on the key. Our code.
    case forAllValuesWithoutNullCheck = "FORALLVALUES_WITHOUT_NULL_CHECK"
    /// A multivalued key without `ForAllValues:`/`ForAnyValue:`.
    case missingQualifier = "MISSING_QUALIFIER"
    /// An operator of another type than the key's (`StringEquals` on `aws:SecureTransport`).
    case typeMismatch = "TYPE_MISMATCH"
    /// A Date operator with a value that is not a date.
    case typeMismatchDate = "TYPE_MISMATCH_DATE"
    /// A Numeric operator with a value that is not a number.
    case typeMismatchNumber = "TYPE_MISMATCH_NUMBER"
    /// A Bool or Null operator with a value that is not `true`/`false`.
    case typeMismatchBoolean = "TYPE_MISMATCH_BOOLEAN"
    /// An IP operator with a value that is not an address or CIDR block.
    case typeMismatchIPRange = "TYPE_MISMATCH_IP_RANGE"
    /// `BinaryEquals` with a value that is not base64. Our code.
    case typeMismatchBinary = "TYPE_MISMATCH_BINARY"
    /// `True`/`FALSE` instead of lower case. Our code.
    case nonLowercaseBoolean = "NON_LOWERCASE_BOOLEAN"
    /// A date without a time zone. Our code.
    case dateWithoutTimeZone = "DATE_WITHOUT_TIME_ZONE"
    /// An IPv6 address without a prefix length. Our code.
    case ipv6WithoutPrefix = "IPV6_WITHOUT_PREFIX"
    /// A CIDR block with bits set after the prefix (`10.0.0.1/8`). Our code.
    case cidrHostBitsSet = "CIDR_HOST_BITS_SET"

    // MARK: Redundancy
    /// An action another action of the same statement already covers.
    case redundantAction = "REDUNDANT_ACTION"
    /// A resource another resource of the same statement already covers.
    case redundantResource = "REDUNDANT_RESOURCE"
    /// A statement another unconditional statement already covers.
    case redundantStatement = "REDUNDANT_STATEMENT"
}
