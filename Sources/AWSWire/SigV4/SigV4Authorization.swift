import Digests
import IAMPolicy

/// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
/// header, with the request's `X-Amz-Date`.
public struct SigV4Authorization: Sendable, Equatable {
    /// The only algorithm SigV4 (as opposed to SigV4a) names.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The algorithm and the space after it, as the header starts.
    static let algorithmPrefix = algorithm + " "
    /// The most header names `SignedHeaders` may list. AWS publishes no such limit; SDKs sign
    /// about ten. Without one, a request listing thousands of names (the 64 KiB head allows
    /// 3,500 and more) costs a canonical-request pass over every header for each name.
    public static let maxSignedHeaders = 64

    /// The access key id (`AKIA…`, `ASIA…`, or the lab's `admin`).
    public var accessKeyId: String
    /// The credential scope.
    public var scope: CredentialScope
    /// The signed header names, lower-case, as listed.
    public var signedHeaders: [String]
    /// The signature, 64 hex digits.
    public var signature: String
    /// `X-Amz-Date` (or `Date`) as sent.
    public var amzDate: String
    /// When the request says it was signed.
    public var signedAt: Timestamp

    /// Reads the authorization of `request`.
    ///
    /// Throws `MissingAuthenticationToken` without an `Authorization` header;
    /// `IncompleteSignature` when it lacks a part, the request has no usable `X-Amz-Date`,
    /// `host` is not signed or more than ``maxSignedHeaders`` names are listed; and
    /// `SignatureDoesNotMatch` when the scope's date is not `X-Amz-Date`'s day.
    public init(of request: HTTPRequest) throws(SigV4Error) {
        guard let header = request.header("Authorization") else {
            throw SigV4Error(.missingAuthenticationToken, "Missing Authentication Token")
        }
        let trimmed = CanonicalRequest.canonicalValue(header)
        guard trimmed.hasPrefix(Self.algorithmPrefix) else {
            throw SigV4Error(.incompleteSignature, "Unsupported AWS 'algorithm': `\(trimmed.split(separator: " ").first ?? "")`. Only AWS4-HMAC-SHA256 is supported.")
        }
        // Byte-wise, into plain variables: this runs for every request. A part named twice
        // keeps its last value; unknown parts and pieces without `=` are ignored.
        var credentialPart: String?, signedHeadersPart: String?, signaturePart: String?
        var text = trimmed
        text.withUTF8 { bytes in
            var i = Self.algorithmPrefix.utf8.count
            let end = bytes.count
            while i < end {
                var pieceEnd = i
                while pieceEnd < end && bytes[pieceEnd] != UInt8(ascii: ",") { pieceEnd += 1 }
                var start = i, stop = pieceEnd
                while start < stop && bytes[start] == 0x20 { start += 1 }
                while stop > start && bytes[stop - 1] == 0x20 { stop -= 1 }
                var eq = start
                while eq < stop && bytes[eq] != UInt8(ascii: "=") { eq += 1 }
                if eq < stop {
                    let name = UnsafeBufferPointer(rebasing: bytes[start..<eq])
                    let value = { String(decoding: UnsafeBufferPointer(rebasing: bytes[(eq + 1)..<stop]), as: UTF8.self) }
                    if name.elementsEqual("Credential".utf8) {
                        credentialPart = value()
                    } else if name.elementsEqual("SignedHeaders".utf8) {
                        signedHeadersPart = value()
                    } else if name.elementsEqual("Signature".utf8) {
                        signaturePart = value()
                    }
                }
                i = pieceEnd + 1
            }
        }
        var missing: [String] = []
        for (name, part) in [("Credential", credentialPart), ("SignedHeaders", signedHeadersPart), ("Signature", signaturePart)]
        where (part ?? "").isEmpty {
            missing.append("Authorization header requires '\(name)' parameter.")
        }
        let dateText = request.header("X-Amz-Date")
        if dateText == nil {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard missing.isEmpty, let credential = credentialPart, let signedHeaders = signedHeadersPart,
              let signature = signaturePart, let dateText else {
            throw SigV4Error(.incompleteSignature, missing.joined(separator: " ") + " Authorization=\(header)")
        }
        // ACCESSKEY/DATE/REGION/SERVICE/aws4_request: exactly five parts.
        var scopeParts: [String] = []
        scopeParts.reserveCapacity(5)
        var credentialText = credential
        credentialText.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                scopeParts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
        }
        guard scopeParts.count == 5, scopeParts[4] == "aws4_request", !scopeParts[0].isEmpty else {
            throw SigV4Error(.incompleteSignature, "Credential should be scoped to a valid region, not ''. Credential=\(credential)")
        }
        guard let signedAt = AmzDate.parse(dateText) else {
            throw SigV4Error(.incompleteSignature, "Date must be in ISO-8601 'basic format'. Got '\(dateText)'. See http://en.wikipedia.org/wiki/ISO_8601")
        }
        accessKeyId = scopeParts[0]
        scope = CredentialScope(date: scopeParts[1], region: scopeParts[2], service: scopeParts[3])
        let listed = signedHeaders.utf8.reduce(1) { $1 == UInt8(ascii: ";") ? $0 + 1 : $0 }
        guard listed <= Self.maxSignedHeaders else {
            throw SigV4Error(.incompleteSignature,
                "SignedHeaders lists \(listed) headers; this service accepts at most \(Self.maxSignedHeaders).")
        }
        var names: [String] = []
        var headersText = signedHeaders
        headersText.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ";") {
                if i > start {
                    let name = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    let text = String(decoding: name, as: UTF8.self)
                    names.append(name.contains { $0 >= 0x41 && $0 <= 0x5A } ? text.lowercased() : text)
                }
                start = i + 1
            }
        }
        guard names.contains("host") else {
            throw SigV4Error(.incompleteSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization. Authorization=\(header)")
        }
        let dateDay = String(dateText.prefix(8))
        guard scope.date == dateDay else {
            throw SigV4Error(.signatureDoesNotMatch,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(scope.date)' != '\(dateDay)', from 'X-Amz-Date'.")
        }
        self.signedHeaders = names
        self.signature = signature
        amzDate = dateText
        self.signedAt = signedAt
    }

    /// Whether the signature covers header `name` (lower-case).
    public func signs(_ name: String) -> Bool { signedHeaders.contains(name) }

    /// Checks the signature against `secret`, and the signing time against `now` (AWS
    /// accepts 15 minutes either way).
    public func verify(_ request: HTTPRequest, secret: String, now: Timestamp) throws(SigV4Error) {
        try verify(request, signingKey: scope.signingKey(secret: secret), now: now)
    }

    /// Checks the signature with the signing key of this authorization's scope, derived
    /// already from the secret (servers cache it per secret and scope), and the signing time.
    public func verify(_ request: HTTPRequest, signingKey: [UInt8], now: Timestamp) throws(SigV4Error) {
        let skew: Int64 = 15 * 60 * 1000
        if signedAt.milliseconds < now.milliseconds - skew {
            throw SigV4Error(.signatureExpired,
                "Signature expired: \(amzDate) is now earlier than \(AmzDate.format(now.adding(milliseconds: -skew))) (\(AmzDate.format(now)) - 15 min.)")
        }
        if signedAt.milliseconds > now.milliseconds + skew {
            throw SigV4Error(.signatureExpired,
                "Signature not yet current: \(amzDate) is still later than \(AmzDate.format(now.adding(milliseconds: skew))) (\(AmzDate.format(now)) + 15 min.)")
        }
        let payloadHash = try Self.checkedPayloadHash(of: request)
        let canonical = CanonicalRequest(request, signedHeaders: signedHeaders, payloadHash: payloadHash)
        let expected = canonical.signature(amzDate: amzDate, scope: scope, signingKey: signingKey)
        guard Self.constantTimeEqual(expected, signature) else {
            throw SigV4Error(.signatureDoesNotMatch, SigV4Error.mismatchMessage)
        }
    }

    /// The hex SHA-256 of `request`'s body, after checking `X-Amz-Content-Sha256` against it.
    ///
    /// The JSON and query protocols sign their payload: `UNSIGNED-PAYLOAD` and the
    /// `STREAMING-…` forms (S3's) are refused as an incomplete signature, and any other value
    /// must be the body's hash (lower-case hex, as SDKs send it), else `XAmzContentSHA256Mismatch`.
    static func checkedPayloadHash(of request: HTTPRequest) throws(SigV4Error) -> String {
        let computed = CanonicalRequest.payloadHash(of: request)
        guard let sent = request.header("X-Amz-Content-Sha256") else { return computed }
        if sent == "UNSIGNED-PAYLOAD" || sent.hasPrefix("STREAMING-") {
            throw SigV4Error(.incompleteSignature,
                "X-Amz-Content-Sha256 `\(sent)` is not supported by this service: sign the payload (the hex SHA-256 of the body).")
        }
        guard sent == computed else {
            throw SigV4Error(.contentSHA256Mismatch, SigV4Error.contentSHA256MismatchMessage)
        }
        return computed
    }

    /// Whether `signature` (hex, any case) is `expected` (lower-case hex), comparing every
    /// byte whatever differs.
    static func constantTimeEqual(_ expected: String, _ signature: String) -> Bool {
        var a = expected, b = signature
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                var diff: UInt8 = 0
                for i in 0..<x.count {
                    let c = y[i]
                    diff |= x[i] ^ (c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                }
                return diff == 0
            }
        }
    }
}
