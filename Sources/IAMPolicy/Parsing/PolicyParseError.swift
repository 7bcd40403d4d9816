/// Why IAM would reject a policy document (`MalformedPolicyDocument`), and where.
///
/// `message` uses IAM's own words where IAM has them ("Missing required field Effect");
/// `detail` adds what a learner needs to fix it. Every error has a stable ``Code``.
public struct PolicyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable code of the problem.
    public var code: Code
    /// IAM's wording (or the closest IAM has: "Syntax errors in policy.").
    public var message: String
    /// Our plain-language explanation, quoting the learner's input.
    public var detail: String
    /// Where the problem is.
    public var range: SourceRange
    /// The element's path, e.g. `Statement[2].Effect`.
    public var path: String

    /// Creates an error.
    public init(_ code: Code, message: String, detail: String, range: SourceRange, path: String) {
        self.code = code
        self.message = message
        self.detail = detail
        self.range = range
        self.path = path
    }

    /// `line:column: MalformedPolicyDocument: message (detail)`.
    public var description: String {
        "\(range.start): \(code.awsErrorCode): \(message) \(detail)"
    }

    /// The kinds of malformed document.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case jsonSyntax = "JSON_SYNTAX"
        case tooLarge = "POLICY_TOO_LARGE"
        case tooDeep = "POLICY_TOO_DEEP"
        case notAnObject = "NOT_AN_OBJECT"
        case unknownField = "UNKNOWN_FIELD"
        case duplicateField = "DUPLICATE_FIELD"
        case wrongType = "WRONG_TYPE"
        case invalidVersion = "INVALID_VERSION"
        case missingStatement = "MISSING_STATEMENT"
        case emptyList = "EMPTY_LIST"
        case missingEffect = "MISSING_EFFECT"
        case invalidEffect = "INVALID_EFFECT"
        case missingAction = "MISSING_ACTION"
        case bothActionAndNotAction = "ACTION_AND_NOT_ACTION"
        case invalidActionFormat = "INVALID_ACTION_FORMAT"
        case missingResource = "MISSING_RESOURCE"
        case bothResourceAndNotResource = "RESOURCE_AND_NOT_RESOURCE"
        case invalidResourceFormat = "INVALID_RESOURCE_FORMAT"
        case prohibitedPrincipal = "PROHIBITED_PRINCIPAL"
        case missingPrincipal = "MISSING_PRINCIPAL"
        case bothPrincipalAndNotPrincipal = "PRINCIPAL_AND_NOT_PRINCIPAL"
        case invalidPrincipal = "INVALID_PRINCIPAL"
        case invalidConditionOperator = "INVALID_CONDITION_OPERATOR"
        case invalidConditionKey = "INVALID_CONDITION_KEY"
        case invalidSid = "INVALID_SID"
        case duplicateSid = "DUPLICATE_SID"

        /// The AWS error code IAM returns for this problem.
        public var awsErrorCode: String {
            self == .tooLarge ? "LimitExceeded" : "MalformedPolicyDocument"
        }
    }
}
