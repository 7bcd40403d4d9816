import Digests
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// The signature covers the body actually received: `X-Amz-Content-Sha256` must equal its
/// hash, and the unsigned and streaming payload forms are refused by these protocols.
@Suite struct PayloadHashTests {
    static let start = AWSServiceTests.start

    /// `request` with `X-Amz-Content-Sha256: hash` added and signed by the admin.
    static func signed(_ request: HTTPRequest, service: String, contentHash hash: String) -> HTTPRequest {
        var r = request
        r.headers.append((name: "X-Amz-Content-Sha256", value: hash))
        return SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin").sign(r, service: service, at: start)
    }

    static func iamRequest(_ body: String) -> HTTPRequest {
        HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ], body: Array(body.utf8))
    }

    static func kinesisRequest(_ operation: String, _ body: String) -> HTTPRequest {
        HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.\(operation)"),
        ], body: Array(body.utf8))
    }

    static func hash(_ text: String) -> String { Hex.encode(SHA256.hash(Array(text.utf8))) }

    @Test func xAmzContentSHA256MismatchWhenAnIAMBodyIsSwapped() throws {
        let service = try AWSServiceTests.service()
        let original = "Action=GetPolicy&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAdministratorAccess&Version=2010-05-08"
        var captured = Self.signed(Self.iamRequest(original), service: "iam", contentHash: Self.hash(original))
        #expect(service.handle(captured, now: Self.start).status == 200)
        captured.body = Array("Action=CreateAccessKey&UserName=admin&Version=2010-05-08".utf8)
        let response = service.handle(captured, now: Self.start)
        let xml = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 400)
        #expect(xmlValue("Code", in: xml) == "XAmzContentSHA256Mismatch")
        #expect(xmlValue("Message", in: xml)?.contains("does not match what was computed") == true)
        #expect(service.credentials.keys(ofUser: "admin", account: AWSService.defaultAccount).count == 1)
    }

    @Test func xAmzContentSHA256MismatchWhenAKinesisBodyIsSwapped() throws {
        let service = try AWSServiceTests.service()
        _ = WireClient(service, now: Self.start).kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#)
        let original = #"{"StreamName": "elsewhere"}"#
        var captured = Self.signed(Self.kinesisRequest("DeleteStream", original), service: "kinesis", contentHash: Self.hash(original))
        captured.body = Array(#"{"StreamName": "orders"}"#.utf8)
        let response = service.handle(captured, now: Self.start)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 400)
        #expect(response.header("x-amzn-ErrorType") == "XAmzContentSHA256Mismatch")
        #expect(text.contains(#""__type":"XAmzContentSHA256Mismatch""#))
        #expect(service.withWorld { $0.accounts[AWSService.defaultAccount]?.streams["us-east-1"]?["orders"] != nil })
    }

    @Test("a payload hash that is not the body's hex SHA-256 is refused", arguments: [
        "UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    ])
    func unsignedOrStreamingPayloadIsRefused(_ value: String) throws {
        let service = try AWSServiceTests.service()
        let kinesis = service.handle(Self.signed(Self.kinesisRequest("ListStreams", "{}"), service: "kinesis", contentHash: value),
                                     now: Self.start)
        #expect(kinesis.status == 400)
        #expect(kinesis.header("x-amzn-ErrorType") == "IncompleteSignatureException")
        #expect(String(decoding: kinesis.body, as: UTF8.self).contains(value))
        let sts = service.handle(Self.signed(Self.iamRequest("Action=GetCallerIdentity&Version=2011-06-15"), service: "sts",
                                             contentHash: value), now: Self.start)
        #expect(sts.status == 400)
        #expect(xmlValue("Code", in: String(decoding: sts.body, as: UTF8.self)) == "IncompleteSignature")
    }

    @Test func theBodysOwnHashIsAccepted() throws {
        let service = try AWSServiceTests.service()
        let body = "{}"
        let response = service.handle(Self.signed(Self.kinesisRequest("ListStreams", body), service: "kinesis",
                                                  contentHash: Self.hash(body)), now: Self.start)
        #expect(response.status == 200)
    }

    @Test func theSignatureCoversTheBodyWhenNoHashHeaderIsSent() throws {
        let service = try AWSServiceTests.service()
        var request = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
            .sign(Self.kinesisRequest("ListStreams", "{}"), service: "kinesis", at: Self.start)
        request.body = Array(#"{"Limit": 1}"#.utf8)
        let response = service.handle(request, now: Self.start)
        #expect(response.header("x-amzn-ErrorType") == "InvalidSignatureException")
    }
}
