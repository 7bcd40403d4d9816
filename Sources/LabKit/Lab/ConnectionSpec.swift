import KinesisSim

/// How a lab's request reaches Kinesis, as a lab file writes it:
/// `{"endpoint": "https"}` (the default), `"http"`, `"fips"`, or
/// `{"endpoint": "vpce", "vpce": "vpce-0a1b2c3d", "vpc": "vpc-11aa22bb"}`, with an optional
/// `"sourceIp"`.
public struct ConnectionSpec: Sendable, Equatable {
    /// The endpoint kind.
    public enum Endpoint: String, Sendable, Equatable, CaseIterable {
        case https, http, fips, vpce
    }

    /// The endpoint kind.
    public var endpoint: Endpoint
    /// The VPC endpoint id, for `vpce`.
    public var vpce: String?
    /// The VPC, for `vpce`.
    public var vpc: String?
    /// The caller's address; a public documentation address by default, a private one through
    /// a VPC endpoint.
    public var sourceIp: String?

    /// Creates a connection spec.
    public init(endpoint: Endpoint = .https, vpce: String? = nil, vpc: String? = nil, sourceIp: String? = nil) {
        self.endpoint = endpoint
        self.vpce = vpce
        self.vpc = vpc
        self.sourceIp = sourceIp
    }

    /// The public HTTPS endpoint.
    public static let https = ConnectionSpec()

    /// The VPC endpoint a `vpce` connection goes through unless it names one.
    public static let defaultEndpointID = "vpce-0a1b2c3d4e5f67890"

    /// The simulator's connection.
    public var connection: Connection {
        switch endpoint {
        case .https: Connection(endpoint: .publicHTTPS, sourceIP: sourceIp ?? "203.0.113.10")
        case .http: Connection(endpoint: .plainHTTP, sourceIP: sourceIp ?? "203.0.113.10")
        case .fips: Connection(endpoint: .fips, sourceIP: sourceIp ?? "203.0.113.10")
        case .vpce: Connection(endpoint: .vpcEndpoint(id: vpce ?? Self.defaultEndpointID, vpc: vpc ?? "vpc-0123456789abcdef0"),
                               sourceIP: sourceIp ?? "10.0.1.25")
        }
    }

    /// A few words for explanations: "over HTTPS", "through vpce-0a1b…".
    public var summary: String {
        switch endpoint {
        case .https: "over the public HTTPS endpoint"
        case .http: "over plain HTTP (no TLS)"
        case .fips: "over the FIPS endpoint"
        case .vpce: "through VPC endpoint \(vpce ?? Self.defaultEndpointID)"
        }
    }
}
