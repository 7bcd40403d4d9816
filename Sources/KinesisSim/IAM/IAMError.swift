import IAMPolicy

/// An IAM or STS error as the service returns it: AWS's error code, its message, and, for
/// a denial, our explanation of the decision. (STS answers with the same codes.)
public struct IAMError: Error, Sendable, CustomStringConvertible {
    /// The error code, spelled as AWS spells it.
    public var code: Code
    /// The message, in AWS's wording where AWS has one.
    public var message: String
    /// For `AccessDenied`: why, from the evaluator's trace.
    public var explanation: Explanation?

    /// Creates an error.
    public init(_ code: Code, _ message: String, explanation: Explanation? = nil) {
        self.code = code
        self.message = message
        self.explanation = explanation
    }

    /// `Code: message`.
    public var description: String { "\(code.rawValue): \(message)" }

    /// The HTTP status the service answers with.
    public var httpStatus: Int { code.httpStatus }

    /// IAM's and STS's error codes.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case accessDenied = "AccessDenied"
        case deleteConflict = "DeleteConflict"
        case entityAlreadyExists = "EntityAlreadyExists"
        case expiredToken = "ExpiredToken"
        case invalidInput = "InvalidInput"
        case limitExceeded = "LimitExceeded"
        case malformedPolicyDocument = "MalformedPolicyDocument"
        case noSuchEntity = "NoSuchEntity"
        case validationError = "ValidationError"

        /// The HTTP status of each code.
        public var httpStatus: Int {
            switch self {
            case .accessDenied, .expiredToken: 403
            case .noSuchEntity: 404
            case .deleteConflict, .entityAlreadyExists, .limitExceeded: 409
            case .invalidInput, .malformedPolicyDocument, .validationError: 400
            }
        }
    }
}

extension IAMError {
    /// `The user with name NAME cannot be found.` (and alike for roles).
    static func noSuch(_ kind: IAMPrincipalKind, _ name: String) -> IAMError {
        IAMError(.noSuchEntity, "The \(kind.rawValue) with name \(name) cannot be found.")
    }

    /// `Policy ARN does not exist or is not attachable.`
    static func noSuchPolicy(_ arn: String) -> IAMError {
        IAMError(.noSuchEntity, "Policy \(arn) does not exist or is not attachable.")
    }

    /// `Cannot exceed quota for QUOTA: N`.
    static func quota(_ name: String, _ limit: Int) -> IAMError {
        IAMError(.limitExceeded, "Cannot exceed quota for \(name): \(limit)")
    }

    /// A world error (from authorization or STS) in IAM's vocabulary.
    init(_ error: KinesisError) {
        switch error.code {
        case .accessDenied: self.init(.accessDenied, error.message, explanation: error.explanation)
        case .expiredToken: self.init(.expiredToken, error.message)
        case .limitExceeded: self.init(.limitExceeded, error.message)
        default: self.init(.validationError, error.message)
        }
    }
}
