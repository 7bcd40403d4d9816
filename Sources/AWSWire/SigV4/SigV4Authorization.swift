import KinesisSim

/// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
/// header, with the request's `X-Amz-Date`.
public struct SigV4Authorization: Sendable, Equatable {
    /// The only algorithm SigV4 (as opposed to SigV4a) names.
    public static let algorithm = "AWS4-HMAC-SHA256"

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
    /// Throws `MissingAuthenticationToken` without an `Authorization` header, and
    /// `IncompleteSignature` when it lacks a part or the request has no usable `X-Amz-Date`.
    public init(of request: HTTPRequest) throws(SigV4Error) {
        guard let header = request.header("Authorization") else {
            throw SigV4Error(.missingAuthenticationToken, "Missing Authentication Token")
        }
        let trimmed = CanonicalRequest.canonicalValue(header)
        guard trimmed.hasPrefix(Self.algorithm + " ") else {
            throw SigV4Error(.incompleteSignature, "Unsupported AWS 'algorithm': `\(trimmed.split(separator: " ").first ?? "")`. Only AWS4-HMAC-SHA256 is supported.")
        }
        // Byte-wise: this runs for every request.
        var parts: [String: String] = [:]
        for piece in trimmed.utf8.dropFirst(Self.algorithm.utf8.count + 1).split(separator: UInt8(ascii: ",")) {
            var item = piece[...]
            while item.first == 0x20 { item = item.dropFirst() }
            while item.last == 0x20 { item = item.dropLast() }
            guard let eq = item.firstIndex(of: UInt8(ascii: "=")) else { continue }
            parts[String(decoding: item[..<eq], as: UTF8.self)] = String(decoding: item[item.index(after: eq)...], as: UTF8.self)
        }
        var missing: [String] = []
        for name in ["Credential", "SignedHeaders", "Signature"] where (parts[name] ?? "").isEmpty {
            missing.append("Authorization header requires '\(name)' parameter.")
        }
        let dateText = request.header("X-Amz-Date")
        if dateText == nil {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard missing.isEmpty, let credential = parts["Credential"], let signedHeaders = parts["SignedHeaders"],
              let signature = parts["Signature"], let dateText else {
            throw SigV4Error(.incompleteSignature, missing.joined(separator: " ") + " Authorization=\(header)")
        }
        let scopeParts = credential.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard scopeParts.count == 5, scopeParts[4] == "aws4_request", !scopeParts[0].isEmpty else {
            throw SigV4Error(.incompleteSignature, "Credential should be scoped to a valid region, not ''. Credential=\(credential)")
        }
        guard let signedAt = AmzDate.parse(dateText) else {
            throw SigV4Error(.incompleteSignature, "Date must be in ISO-8601 'basic format'. Got '\(dateText)'. See http://en.wikipedia.org/wiki/ISO_8601")
        }
        accessKeyId = scopeParts[0]
        scope = CredentialScope(date: scopeParts[1], region: scopeParts[2], service: scopeParts[3])
        self.signedHeaders = signedHeaders.utf8.split(separator: UInt8(ascii: ";")).map { name in
            let text = String(decoding: name, as: UTF8.self)
            return name.contains { $0 >= 0x41 && $0 <= 0x5A } ? text.lowercased() : text
        }
        self.signature = signature
        amzDate = dateText
        self.signedAt = signedAt
    }

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
        let canonical = CanonicalRequest(request, signedHeaders: signedHeaders)
        let expected = canonical.signature(amzDate: amzDate, scope: scope, signingKey: signingKey)
        guard Self.constantTimeEqual(expected, signature.lowercased()) else {
            throw SigV4Error(.signatureDoesNotMatch, SigV4Error.mismatchMessage)
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
