/// Why a simulation could not run, in the words the AWS CLI and IAM use.
public struct SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the error would come from on AWS.
    public enum Kind: String, Sendable, Equatable {
        /// The AWS CLI's own parameter validation (before any request is sent).
        case parameterValidation = "ParamValidation"
        /// IAM's `InvalidInput`.
        case invalidInput = "InvalidInput"
        /// IAM's `MalformedPolicyDocument` for one of the input policies.
        case malformedPolicyDocument = "MalformedPolicyDocument"
    }

    /// The kind of error.
    public var kind: Kind
    /// The message, one line.
    public var message: String
    /// For a malformed policy: which input (`PolicyInputList.2`) and the parse error.
    public var policyError: (id: String, error: PolicyParseError)?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, policyError: (id: String, error: PolicyParseError)? = nil) {
        self.kind = kind
        self.message = message
        self.policyError = policyError
    }

    /// Equal when kind and message are.
    public static func == (a: SimulationError, b: SimulationError) -> Bool {
        a.kind == b.kind && a.message == b.message
    }

    /// How the AWS CLI prints it.
    public var description: String {
        switch kind {
        case .parameterValidation:
            "Parameter validation failed: \(message)"
        default:
            "An error occurred (\(kind.rawValue)) when calling the SimulateCustomPolicy operation: \(message)"
        }
    }
}
