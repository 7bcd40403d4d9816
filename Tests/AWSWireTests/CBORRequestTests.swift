import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// A Java SDK that still sends CBOR is told how to switch to JSON, not answered with noise.
@Suite struct CBORRequestTests {
    @Test func cborBodyGetsAnErrorNamingTheFix() throws {
        let start = Timestamp(milliseconds: 1_767_225_600_000)
        let service = AWSService.withDefaultAdmin()
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-amz-cbor-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.ListStreams"),
        ], body: [0xBF, 0xFF])
        let signed = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin").sign(request, service: "kinesis", at: start)
        let response = service.handle(signed, now: start)
        #expect(response.status == 400)
        #expect(response.header("x-amzn-ErrorType") == "SerializationException")
        let json = try JSONReader().read(String(decoding: response.body, as: UTF8.self))
        #expect(json["message"]?.stringValue?.contains("AWS_CBOR_DISABLE=true") == true)
    }
}
