import Digests

/// The scope a SigV4 signature is bound to: `DATE/REGION/SERVICE/aws4_request`.
public struct CredentialScope: Sendable, Equatable {
    /// `YYYYMMDD`.
    public var date: String
    /// `us-east-1`.
    public var region: String
    /// `kinesis`, `sts`, `iam`.
    public var service: String

    /// Creates a scope.
    public init(date: String, region: String, service: String) {
        self.date = date
        self.region = region
        self.service = service
    }

    /// `20150830/us-east-1/service/aws4_request`.
    public var text: String { "\(date)/\(region)/\(service)/aws4_request" }

    /// The signing key: HMAC("AWS4"+secret, date) → region → service → "aws4_request".
    public func signingKey(secret: String) -> [UInt8] {
        let kDate = HMAC.sha256(key: Array("AWS4\(secret)".utf8), message: date)
        let kRegion = HMAC.sha256(key: kDate, message: region)
        let kService = HMAC.sha256(key: kRegion, message: service)
        return HMAC.sha256(key: kService, message: "aws4_request")
    }
}
