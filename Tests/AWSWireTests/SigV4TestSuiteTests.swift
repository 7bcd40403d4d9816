import Digests
import Foundation
import KinesisSim
import Testing
@testable import AWSWire

/// AWS's published SigV4 test suite (Fixtures/sigv4, copied from aws-sig-v4-test-suite with
/// its LICENSE and NOTICE): for each case our canonical request, string to sign and
/// signature equal the published `.creq`, `.sts` and `.authz`, and the signed request
/// (`.sreq`) verifies.
///
/// Reading the `.req` files: a line starting with spaces continues the previous header and
/// is taken as another value of it, which is how the suite's `.creq` treats it
/// (`get-header-value-multiline`).
///
/// Not applicable, and why:
/// - `post-x-www-form-urlencoded` and `post-x-www-form-urlencoded-parameters` are checked
///   against their `.creq` only: their `.sts` hash and `.authz` signature were not computed
///   from that `.creq` (it signs `content-length`, the `.authz` of the first does not list it),
///   a known inconsistency of the published suite, so no implementation can match all three.
@Suite struct SigV4TestSuiteTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let scope = CredentialScope(date: "20150830", region: "us-east-1", service: "service")
    static let time = AmzDate.parse("20150830T123600Z")!

    static var cases: [String] {
        guard let root = Bundle.module.url(forResource: "sigv4", withExtension: nil, subdirectory: "Fixtures"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return names.filter { !$0.contains(".") && $0 != "LICENSE" && $0 != "NOTICE" }.sorted()
    }

    static func file(_ name: String, _ ext: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "\(name)/\(name)", withExtension: ext, subdirectory: "Fixtures/sigv4"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A `.req`/`.sreq` file as a request.
    static func request(_ text: String) -> HTTPRequest {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalized.components(separatedBy: "\n\n")
        var lines = parts[0].components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        var target = String(requestLine.dropFirst(method.count + 1))
        if target.hasSuffix(" HTTP/1.1") { target = String(target.dropLast(" HTTP/1.1".count)) }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            if line.hasPrefix(" "), let last = headers.last {
                headers.append((last.name, line.trimmingCharacters(in: .whitespaces)))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let body = parts.count > 1 ? parts.dropFirst().joined(separator: "\n\n") : ""
        return HTTPRequest(method: method, target: target, headers: headers, body: Array(body.utf8))
    }

    @Test func suiteIsPresent() {
        #expect(Self.cases.count >= 30)
    }

    @Test("canonical request, string to sign and signature match", arguments: cases)
    func matchesPublishedCase(_ name: String) throws {
        let req = Self.request(try Self.file(name, "req"))
        let creq = try Self.file(name, "creq")
        let signedHeaders = creq.components(separatedBy: "\n").dropLast().last.map { $0.split(separator: ";").map(String.init) } ?? []
        let canonical = CanonicalRequest(req, signedHeaders: signedHeaders)
        #expect(canonical.text == creq)
        guard !name.hasPrefix("post-x-www-form-urlencoded") else { return }
        #expect(canonical.stringToSign(amzDate: "20150830T123600Z", scope: Self.scope) == (try Self.file(name, "sts")))
        let authz = try Self.file(name, "authz")
        let signature = canonical.signature(amzDate: "20150830T123600Z", scope: Self.scope, secret: Self.secret)
        #expect(authz.hasSuffix("Signature=\(signature)"))
        let sreq = Self.request(try Self.file(name, "sreq"))
        let auth = try SigV4Authorization(of: sreq)
        #expect(auth.accessKeyId == "AKIDEXAMPLE")
        try auth.verify(sreq, secret: Self.secret, now: Self.time)
        #expect(throws: SigV4Error(.signatureDoesNotMatch, SigV4Error.mismatchMessage)) {
            try auth.verify(sreq, secret: "wrong", now: Self.time)
        }
    }

    @Test func signerProducesThePublishedAuthorization() throws {
        let req = Self.request(try Self.file("get-vanilla", "req"))
        let signed = SigV4Signer(accessKeyId: "AKIDEXAMPLE", secretAccessKey: Self.secret).sign(req, service: "service", at: Self.time)
        #expect(signed.header("Authorization") == (try Self.file("get-vanilla", "authz")))
    }

    @Test func signatureOutsideFifteenMinutesIsExpired() throws {
        let sreq = Self.request(try Self.file("get-vanilla", "sreq"))
        let auth = try SigV4Authorization(of: sreq)
        try auth.verify(sreq, secret: Self.secret, now: Self.time.adding(milliseconds: 15 * 60_000))
        let error = #expect(throws: SigV4Error.self) {
            try auth.verify(sreq, secret: Self.secret, now: Self.time.adding(milliseconds: 15 * 60_000 + 1000))
        }
        #expect(error?.kind == .signatureExpired)
        #expect(error?.jsonCode == "InvalidSignatureException")
        #expect(error?.message == "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)")
    }

    @Test func authorizationWithoutSignatureIsIncomplete() {
        let req = HTTPRequest(method: "POST", target: "/", headers: [
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, SignedHeaders=host"),
        ])
        #expect(throws: SigV4Error.self) { try SigV4Authorization(of: req) }
        #expect((try? SigV4Authorization(of: HTTPRequest(method: "POST", target: "/"))) == nil)
    }
}
