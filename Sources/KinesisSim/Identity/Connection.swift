/// How a request reached Kinesis: the endpoint, and the address it came from.
///
/// The connection sets the request context that transport and network rules read:
/// `aws:SecureTransport`, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`, `aws:VpcSourceIp`.
public struct Connection: Sendable, Hashable {
    /// The endpoint kinds a client can use.
    public enum Endpoint: Sendable, Hashable {
        /// `https://kinesis.REGION.amazonaws.com` over TLS.
        case publicHTTPS
        /// The same endpoint without TLS (AWS refuses it; labs use it to teach `aws:SecureTransport`).
        case plainHTTP
        /// `https://kinesis-fips.REGION.amazonaws.com`: TLS with FIPS 140 validated cryptography.
        case fips
        /// An interface VPC endpoint (`vpce-…`) in a VPC (`vpc-…`); traffic stays off the internet.
        case vpcEndpoint(id: String, vpc: String)
    }

    /// The endpoint used.
    public var endpoint: Endpoint
    /// The caller's address: public for internet endpoints, private (in the VPC) through an endpoint.
    public var sourceIP: String

    /// Creates a connection.
    public init(endpoint: Endpoint = .publicHTTPS, sourceIP: String = "203.0.113.10") {
        self.endpoint = endpoint
        self.sourceIP = sourceIP
    }

    /// The usual connection: the public HTTPS endpoint from a documentation address.
    public static let publicHTTPS = Connection()

    /// Whether the request used TLS.
    public var isSecure: Bool { endpoint != .plainHTTP }
}
