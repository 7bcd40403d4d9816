import IAMPolicy

/// Signs requests as botocore does: every header present is signed except `User-Agent`,
/// `Expect` and `X-Amzn-Trace-Id`; `X-Amz-Date` (and `X-Amz-Security-Token` for temporary
/// credentials) are added first and signed too.
///
/// The server never signs; tests, benchmarks and `kdslab serve` checks use this to talk to it.
public struct SigV4Signer: Sendable {
    /// The access key id.
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?
    /// The region to scope signatures to.
    public var region: String

    /// Headers botocore leaves unsigned.
    public static let unsignedHeaders: Set<String> = ["user-agent", "expect", "x-amzn-trace-id"]

    /// Creates a signer.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, region: String = "us-east-1") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
    }

    /// `request` with `X-Amz-Date`, the session token and `Authorization` added, signed for
    /// `service` at `time`.
    public func sign(_ request: HTTPRequest, service: String, at time: Timestamp) -> HTTPRequest {
        var r = request
        r.headers.removeAll { ["authorization", "x-amz-date", "x-amz-security-token"].contains($0.name.lowercased()) }
        let amzDate = AmzDate.format(time)
        r.headers.append((name: "X-Amz-Date", value: amzDate))
        if let sessionToken { r.headers.append((name: "X-Amz-Security-Token", value: sessionToken)) }
        let names = r.headers.map { $0.name.lowercased() }.filter { !Self.unsignedHeaders.contains($0) }
        let scope = CredentialScope(date: String(amzDate.prefix(8)), region: region, service: service)
        let canonical = CanonicalRequest(r, signedHeaders: names)
        let signature = canonical.signature(amzDate: amzDate, scope: scope, secret: secretAccessKey)
        r.headers.append((name: "Authorization", value:
            "\(SigV4Authorization.algorithm) Credential=\(accessKeyId)/\(scope.text), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"))
        return r
    }
}
