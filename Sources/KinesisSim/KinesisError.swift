import IAMPolicy

/// A Kinesis error as the service returns it: AWS's error code, its message, and, for a
/// denial, our explanation of the decision.
public struct KinesisError: Error, Sendable, CustomStringConvertible {
    /// The error code, spelled as AWS spells it.
    public var code: Code
    /// The message, in AWS's wording where AWS has one.
    public var message: String
    /// For `AccessDeniedException` and KMS denials: why, from the evaluator's trace.
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

    /// Kinesis's error codes.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case resourceNotFound = "ResourceNotFoundException"
        case resourceInUse = "ResourceInUseException"
        case invalidArgument = "InvalidArgumentException"
        case limitExceeded = "LimitExceededException"
        case expiredIterator = "ExpiredIteratorException"
        case expiredNextToken = "ExpiredNextTokenException"
        case provisionedThroughputExceeded = "ProvisionedThroughputExceededException"
        case accessDenied = "AccessDeniedException"
        case kmsDisabled = "KMSDisabledException"
        case kmsInvalidState = "KMSInvalidStateException"
        case kmsAccessDenied = "KMSAccessDeniedException"
        case kmsNotFound = "KMSNotFoundException"
        case kmsOptInRequired = "KMSOptInRequired"
        case kmsThrottling = "KMSThrottlingException"
        case validation = "ValidationException"
        case serialization = "SerializationException"
        case unknownOperation = "UnknownOperationException"
        case missingAuthenticationToken = "MissingAuthenticationTokenException"
        case incompleteSignature = "IncompleteSignatureException"
        case invalidSignature = "InvalidSignatureException"
        case unrecognizedClient = "UnrecognizedClientException"
        case expiredToken = "ExpiredTokenException"
        case internalFailure = "InternalFailure"

        /// The HTTP status: 500 for an internal failure, else 400.
        public var httpStatus: Int { self == .internalFailure ? 500 : 400 }
    }
}

extension KinesisError {
    /// `Stream NAME under account ACCOUNT not found.`
    static func streamNotFound(_ name: String, account: String) -> KinesisError {
        KinesisError(.resourceNotFound, "Stream \(name) under account \(account) not found.")
    }

    /// `Stream NAME under account ACCOUNT not ACTIVE, instead in state STATE`
    static func streamNotActive(_ name: String, account: String, status: StreamStatus) -> KinesisError {
        KinesisError(.resourceInUse, "Stream \(name) under account \(account) not ACTIVE, instead in state \(status.rawValue)")
    }

    /// Coral's one-constraint validation message.
    static func validation(_ value: String?, at field: String, _ constraint: String) -> KinesisError {
        let shown = value.map { "'\($0)'" } ?? "null"
        return KinesisError(.validation,
            "1 validation error detected: Value \(shown) at '\(field)' failed to satisfy constraint: \(constraint)")
    }
}
