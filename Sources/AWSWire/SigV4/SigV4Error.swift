/// Why a request's SigV4 authentication failed, as the service reports it.
///
/// JSON services (Kinesis) and query services (STS, IAM) name the same failures differently;
/// ``jsonCode``, ``queryCode`` and ``status(json:)`` give each protocol's spelling.
public struct SigV4Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failures.
    public enum Kind: Sendable, Equatable {
        /// No `Authorization` header.
        case missingAuthenticationToken
        /// An `Authorization` header without its parts, or no `X-Amz-Date`.
        case incompleteSignature
        /// An access key id (or session token) the service does not know.
        case unrecognizedClient
        /// The signature is not the one the service calculates.
        case signatureDoesNotMatch
        /// `X-Amz-Date` more than 15 minutes away from the service's clock.
        case signatureExpired
        /// Temporary credentials past their expiry.
        case expiredToken
        /// `X-Amz-Content-Sha256` is not the hex SHA-256 of the body received.
        case contentSHA256Mismatch
    }

    /// What failed.
    public var kind: Kind
    /// The message, in AWS's words.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The error code a JSON 1.1 service (Kinesis) returns in `__type`.
    public var jsonCode: String {
        switch kind {
        case .missingAuthenticationToken: "MissingAuthenticationTokenException"
        case .incompleteSignature: "IncompleteSignatureException"
        case .unrecognizedClient: "UnrecognizedClientException"
        case .signatureDoesNotMatch, .signatureExpired: "InvalidSignatureException"
        case .expiredToken: "ExpiredTokenException"
        case .contentSHA256Mismatch: "XAmzContentSHA256Mismatch"
        }
    }

    /// The error code a query service (STS, IAM) returns in `<Code>`.
    public var queryCode: String {
        switch kind {
        case .missingAuthenticationToken: "MissingAuthenticationToken"
        case .incompleteSignature: "IncompleteSignature"
        case .unrecognizedClient: "InvalidClientTokenId"
        case .signatureDoesNotMatch, .signatureExpired: "SignatureDoesNotMatch"
        case .expiredToken: "ExpiredToken"
        case .contentSHA256Mismatch: "XAmzContentSHA256Mismatch"
        }
    }

    /// The HTTP status: Kinesis answers 400 for every authentication failure; STS and IAM
    /// answer 403, except 400 for an incomplete signature or a payload hash that is not the body's.
    public func status(json: Bool) -> Int {
        if json || kind == .incompleteSignature || kind == .contentSHA256Mismatch { return 400 }
        return 403
    }

    /// `Code: message` (JSON spelling).
    public var description: String { "\(jsonCode): \(message)" }

    /// AWS's message for a signature that does not match.
    public static let mismatchMessage = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

    /// AWS's message (S3's wording) for an `X-Amz-Content-Sha256` that is not the body's hash.
    public static let contentSHA256MismatchMessage = "The provided 'x-amz-content-sha256' header does not match what was computed."

    /// AWS's message for an unknown access key id or session token.
    public static let invalidTokenMessage = "The security token included in the request is invalid."

    /// AWS's message for expired temporary credentials.
    public static let expiredTokenMessage = "The security token included in the request is expired"
}
