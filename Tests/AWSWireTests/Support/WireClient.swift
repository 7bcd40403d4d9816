import IAMPolicy
import KinesisSim
@testable import AWSWire

/// Sends botocore-shaped requests to an ``AWSService``, signed with ``SigV4Signer``.
struct WireClient {
    var service: AWSService
    var signer: SigV4Signer
    var now: Timestamp

    init(_ service: AWSService, key: String = "admin", secret: String = "admin", token: String? = nil, now: Timestamp) {
        self.service = service
        signer = SigV4Signer(accessKeyId: key, secretAccessKey: secret, sessionToken: token)
        self.now = now
    }

    /// A Kinesis JSON 1.1 call; returns the status, the parsed body (nil when empty) and the response.
    func kinesis(_ operation: String, _ body: String) -> (status: Int, json: JSONValue?, response: HTTPResponse) {
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.\(operation)"), ("User-Agent", "Boto3/1.43"),
        ], body: Array(body.utf8))
        let response = service.handle(signer.sign(request, service: "kinesis", at: now), now: now)
        let text = String(decoding: response.body, as: UTF8.self)
        return (response.status, text.isEmpty ? nil : try? JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 32)).read(text), response)
    }

    /// A query-protocol call (form body, as botocore sends it); returns the status and the XML text.
    func query(_ service: String, _ parameters: [(String, String)]) -> (status: Int, xml: String) {
        let version = service == "sts" ? "2011-06-15" : "2010-05-08"
        let body = (parameters + [("Version", version)])
            .map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ], body: Array(body.utf8))
        let response = self.service.handle(signer.sign(request, service: service, at: now), now: now)
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }
}

/// The text of the first `<name>…</name>` in `xml`.
func xmlValue(_ name: String, in xml: String) -> String? {
    guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else { return nil }
    return String(xml[open.upperBound..<close.lowerBound])
}
