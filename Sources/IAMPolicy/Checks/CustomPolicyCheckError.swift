/// Why a check could not run (AWS answers such a request with HTTP 400, not a result).
public struct CustomPolicyCheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the error would come from on AWS.
    public enum Kind: String, Sendable, Equatable {
        /// The AWS CLI's own parameter validation (before any request is sent).
        case parameterValidation = "ParamValidation"
        /// Access Analyzer's `ValidationException`: a malformed policy, a value out of range.
        case validation = "ValidationException"
    }

    /// The kind of error.
    public var kind: Kind
    /// The operation that was called.
    public var check: CustomPolicyCheck
    /// The message, one line.
    public var message: String
    /// For a malformed policy: which input member (`newPolicyDocument`) and the parse error.
    public var policyError: (member: String, error: PolicyParseError)?

    /// Creates an error.
    public init(_ kind: Kind, _ check: CustomPolicyCheck, _ message: String,
                policyError: (member: String, error: PolicyParseError)? = nil) {
        self.kind = kind
        self.check = check
        self.message = message
        self.policyError = policyError
    }

    /// Equal when kind, operation and message are.
    public static func == (a: CustomPolicyCheckError, b: CustomPolicyCheckError) -> Bool {
        a.kind == b.kind && a.check == b.check && a.message == b.message
    }

    /// How the AWS CLI prints it.
    public var description: String {
        switch kind {
        case .parameterValidation:
            "Parameter validation failed: \(message)"
        case .validation:
            "An error occurred (ValidationException) when calling the \(check.rawValue) operation: \(message)"
        }
    }

    /// AWS's wording for a value outside an enumeration.
    static func notInEnum(_ check: CustomPolicyCheck, value: String, member: String, valid: [String]) -> CustomPolicyCheckError {
        CustomPolicyCheckError(.validation, check,
            "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: Member must satisfy enum value set: [\(valid.joined(separator: ", "))]")
    }

    /// AWS's wording for a list of the wrong length.
    static func length(_ check: CustomPolicyCheck, member: String, _ constraint: String) -> CustomPolicyCheckError {
        CustomPolicyCheckError(.validation, check,
            "1 validation error detected: Value at '\(member)' failed to satisfy constraint: Member must have length \(constraint)")
    }
}
