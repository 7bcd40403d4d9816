import Digests
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// What a signature must cover and where it must be scoped: `host` (and `x-amz-target` for
/// Kinesis) among the signed headers, the scope's date equal to `X-Amz-Date`'s, the scope's
/// region and service this endpoint's, and no more signed headers than the cap.
@Suite struct SignedScopeTests {
    static let start = AWSServiceTests.start

    /// `request` signed by the admin over exactly `names` (plus `x-amz-date`), in `scope`
    /// (date, region, service), at `start`.
    static func sign(_ request: HTTPRequest, names: [String], date: String? = nil, region: String = "us-east-1",
                     service: String) -> HTTPRequest {
        var r = request
        let amzDate = AmzDate.format(start)
        r.headers.append((name: "X-Amz-Date", value: amzDate))
        let scope = CredentialScope(date: date ?? String(amzDate.prefix(8)), region: region, service: service)
        let canonical = CanonicalRequest(r, signedHeaders: names + ["x-amz-date"])
        let signature = canonical.signature(amzDate: amzDate, scope: scope, secret: "admin")
        r.headers.append((name: "Authorization", value:
            "AWS4-HMAC-SHA256 Credential=admin/\(scope.text), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"))
        return r
    }

    static func kinesis(_ operation: String, _ body: String = "{}") -> HTTPRequest {
        PayloadHashTests.kinesisRequest(operation, body)
    }

    static func json(_ response: HTTPResponse) -> (code: String?, message: String?) {
        let v = try? JSONReader(limits: .init(maxBytes: 1 << 20, maxDepth: 8)).read(String(decoding: response.body, as: UTF8.self))
        return (v?["__type"]?.stringValue, v?["message"]?.stringValue)
    }

    static func xml(_ response: HTTPResponse) -> (code: String?, message: String?) {
        let text = String(decoding: response.body, as: UTF8.self)
        return (xmlValue("Code", in: text), xmlValue("Message", in: text))
    }

    @Test func hostMustBeASignedHeader() throws {
        let service = try AWSServiceTests.service()
        let response = service.handle(Self.sign(Self.kinesis("ListStreams"), names: ["x-amz-target", "content-type"],
                                                service: "kinesis"), now: Self.start)
        #expect(response.status == 400)
        #expect(Self.json(response).code == "IncompleteSignatureException")
        #expect(Self.json(response).message?.hasPrefix("'Host' must be a 'SignedHeader' in the AWS Authorization.") == true)
        let iam = service.handle(Self.sign(PayloadHashTests.iamRequest("Action=ListAttachedUserPolicies&UserName=admin&Version=2010-05-08"),
                                           names: ["content-type"], service: "iam"), now: Self.start)
        #expect(iam.status == 400)
        #expect(Self.xml(iam).code == "IncompleteSignature")
    }

    @Test func anUnsignedTargetCannotBeSwapped() throws {
        let service = try AWSServiceTests.service()
        _ = WireClient(service, now: Self.start).kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#)
        var request = Self.sign(Self.kinesis("DescribeStreamSummary", #"{"StreamName": "orders"}"#),
                                names: ["host", "content-type"], service: "kinesis")
        request.headers.removeAll { $0.name == "X-Amz-Target" }
        request.headers.append((name: "X-Amz-Target", value: "Kinesis_20131202.DeleteStream"))
        let response = service.handle(request, now: Self.start)
        #expect(response.status == 400)
        #expect(Self.json(response).code == "IncompleteSignatureException")
        #expect(Self.json(response).message?.hasPrefix("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.") == true)
        #expect(service.withWorld { $0.accounts[AWSService.defaultAccount]?.streams["us-east-1"]?["orders"] != nil })
    }

    @Test func theScopesDateMustBeTheRequestsDate() throws {
        let service = try AWSServiceTests.service()
        let response = service.handle(Self.sign(Self.kinesis("ListStreams"), names: ["host", "x-amz-target"], date: "20251231",
                                                service: "kinesis"), now: Self.start)
        #expect(response.status == 400)
        #expect(Self.json(response).code == "InvalidSignatureException")
        #expect(Self.json(response).message == "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != '20260101', from 'X-Amz-Date'.")
    }

    @Test("a scope outside this endpoint's regions is refused", arguments: ["eu-west-1", "", "us-east-1x"])
    func kinesisScopedToAnotherRegion(_ region: String) throws {
        let service = try AWSServiceTests.service()
        let response = service.handle(Self.sign(Self.kinesis("ListStreams"), names: ["host", "x-amz-target"], region: region,
                                                service: "kinesis"), now: Self.start)
        #expect(response.status == 400)
        #expect(Self.json(response).code == "InvalidSignatureException")
        #expect(Self.json(response).message?.hasPrefix("Credential should be scoped to a valid region") == true)
    }

    @Test func iamIsScopedToUSEast1Only() throws {
        let service = AWSService.withDefaultAdmin(regions: ["eu-west-1"])
        let body = PayloadHashTests.iamRequest("Action=ListAttachedUserPolicies&UserName=admin&Version=2010-05-08")
        let wrong = service.handle(Self.sign(body, names: ["host"], region: "eu-west-1", service: "iam"), now: Self.start)
        #expect(wrong.status == 403)
        #expect(Self.xml(wrong).code == "SignatureDoesNotMatch")
        #expect(Self.xml(wrong).message?.hasPrefix("Credential should be scoped to a valid region") == true)
        #expect(service.handle(Self.sign(body, names: ["host"], region: "us-east-1", service: "iam"), now: Self.start).status == 200)
        let sts = PayloadHashTests.iamRequest("Action=GetCallerIdentity&Version=2011-06-15")
        #expect(service.handle(Self.sign(sts, names: ["host"], region: "eu-west-1", service: "sts"), now: Self.start).status == 200)
        let otherSTS = service.handle(Self.sign(sts, names: ["host"], region: "ap-south-1", service: "sts"), now: Self.start)
        #expect(Self.xml(otherSTS).code == "SignatureDoesNotMatch")
    }

    @Test func kinesisScopedToAnotherService() throws {
        let service = try AWSServiceTests.service()
        let response = service.handle(Self.sign(Self.kinesis("ListStreams"), names: ["host", "x-amz-target"], service: "sts"),
                                      now: Self.start)
        #expect(Self.json(response).code == "InvalidSignatureException")
        #expect(Self.json(response).message?.hasPrefix("Credential should be scoped to correct service: 'kinesis'.") == true)
    }

    @Test func tooManySignedHeadersAreRefusedBeforeAnyHashing() throws {
        let service = try AWSServiceTests.service()
        var request = Self.kinesis("ListStreams")
        let names = (0..<3500).map { "x-h\($0)" }
        request.headers.append((name: "X-Amz-Date", value: AmzDate.format(Self.start)))
        request.headers.append((name: "Authorization", value:
            "AWS4-HMAC-SHA256 Credential=admin/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target;\(names.joined(separator: ";")), Signature=\(String(repeating: "0", count: 64))"))
        let response = service.handle(request, now: Self.start)
        #expect(Self.json(response).code == "IncompleteSignatureException")
        #expect(Self.json(response).message?.contains("at most \(SigV4Authorization.maxSignedHeaders)") == true)
    }

    @Test("a StreamARN outside the aws partition is refused", arguments: [
        "arn:aws-cn:kinesis:us-east-1:111122223333:stream/orders",
        "arn:aws-us-gov:kinesis:us-east-1:111122223333:stream/orders",
    ])
    func streamARNOfAnotherPartition(_ arn: String) throws {
        let service = try AWSServiceTests.service()
        let admin = WireClient(service, now: Self.start)
        _ = admin.kinesis("CreateStream", #"{"StreamName": "orders", "ShardCount": 1}"#)
        let described = admin.kinesis("DescribeStreamSummary", #"{"StreamARN": "\#(arn)"}"#)
        #expect(described.json?["__type"]?.stringValue == "InvalidArgumentException")
        let consumer = admin.kinesis("DescribeStreamConsumer", #"{"ConsumerARN": "\#(arn)/consumer/c:1767225600"}"#)
        #expect(consumer.json?["__type"]?.stringValue == "InvalidArgumentException")
        let tags = admin.kinesis("ListTagsForResource", #"{"ResourceARN": "\#(arn)"}"#)
        #expect(tags.json?["__type"]?.stringValue == "InvalidArgumentException")
    }
}
