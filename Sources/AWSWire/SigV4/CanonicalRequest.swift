import Digests

/// SigV4's canonical request: the parts of an HTTP request a signature covers, in the one
/// form signer and verifier both build.
///
/// Rules (non-S3 services): the path is normalized (`.` and `..` segments resolved, repeated
/// slashes collapsed) and each segment URI-encoded as sent, so an already-encoded path is
/// encoded twice, as AWS does; query parameters are decoded, re-encoded and sorted; header
/// names are lower-cased, values trimmed with inner runs of spaces collapsed, repeated
/// headers joined with `,`; the payload hash is the hex SHA-256 of the body (never the
/// `X-Amz-Content-Sha256` header: the verifier checks that header against the body and then
/// signs what it computed, so a replaced body cannot borrow the original's hash).
public struct CanonicalRequest: Sendable, Equatable {
    /// `GET`, `POST`.
    public var method: String
    /// The canonical URI (`/`).
    public var uri: String
    /// The canonical query string (empty when there is none).
    public var query: String
    /// `name:value` lines, one per signed header, sorted.
    public var headerLines: [String]
    /// `content-type;host;x-amz-date`.
    public var signedHeaders: String
    /// Hex SHA-256 of the payload.
    public var payloadHash: String

    /// The canonical request of `request` over the headers named in `signedHeaders`
    /// (any case; sorted here). `payloadHash` is the body's hex SHA-256, computed here when
    /// not given (the verifier passes the one it computed already).
    public init(_ request: HTTPRequest, signedHeaders: [String], payloadHash: String? = nil) {
        method = request.method
        uri = Self.canonicalURI(request.path)
        query = Self.canonicalQuery(request.query)
        // Lower-cased, sorted, each name once (what a Set would give, without hashing).
        var names = signedHeaders.map { Self.lowercased($0) }
        names.sort()
        var unique: [String] = []
        unique.reserveCapacity(names.count)
        for name in names where unique.last != name { unique.append(name) }
        names = unique
        let lowered = request.headers.map { header in (name: Self.lowercasedName(header.name), value: header.value) }
        headerLines = names.map { name in
            var line = name + ":"
            var first = true
            for header in lowered where header.name == name {
                if !first { line += "," }
                line += Self.canonicalValue(header.value)
                first = false
            }
            return line
        }
        self.signedHeaders = names.joined(separator: ";")
        self.payloadHash = payloadHash ?? Self.payloadHash(of: request)
    }

    /// The hex SHA-256 of `request`'s body.
    public static func payloadHash(of request: HTTPRequest) -> String {
        Hex.encode(SHA256.hash(request.body))
    }

    /// The text that is hashed into the string to sign.
    public var text: String {
        String(decoding: textBytes(), as: UTF8.self)
    }

    /// `text`'s UTF-8 bytes, written in one buffer (this runs for every request).
    func textBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(headerLines.reduce(160 + method.utf8.count + uri.utf8.count + query.utf8.count) {
            $0 + $1.utf8.count + 1
        })
        out.append(contentsOf: method.utf8)
        out.append(0x0A)
        out.append(contentsOf: uri.utf8)
        out.append(0x0A)
        out.append(contentsOf: query.utf8)
        out.append(0x0A)
        for line in headerLines {
            out.append(contentsOf: line.utf8)
            out.append(0x0A)
        }
        out.append(0x0A)
        out.append(contentsOf: signedHeaders.utf8)
        out.append(0x0A)
        out.append(contentsOf: payloadHash.utf8)
        return out
    }

    /// `AWS4-HMAC-SHA256\nAMZDATE\nSCOPE\nHEX(SHA256(canonical request))`.
    public func stringToSign(amzDate: String, scope: CredentialScope) -> String {
        String(decoding: stringToSignBytes(amzDate: amzDate, scope: scope), as: UTF8.self)
    }

    /// `stringToSign`'s UTF-8 bytes.
    func stringToSignBytes(amzDate: String, scope: CredentialScope) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        out.append(contentsOf: SigV4Authorization.algorithm.utf8)
        out.append(0x0A)
        out.append(contentsOf: amzDate.utf8)
        out.append(0x0A)
        out.append(contentsOf: scope.text.utf8)
        out.append(0x0A)
        out.append(contentsOf: Hex.encode(SHA256.hash(textBytes())).utf8)
        return out
    }

    /// The hex signature of this request under `secret`.
    public func signature(amzDate: String, scope: CredentialScope, secret: String) -> String {
        signature(amzDate: amzDate, scope: scope, signingKey: scope.signingKey(secret: secret))
    }

    /// The hex signature of this request under a signing key derived already
    /// (``CredentialScope/signingKey(secret:)``).
    public func signature(amzDate: String, scope: CredentialScope, signingKey: [UInt8]) -> String {
        Hex.encode(HMAC.sha256(key: signingKey, message: stringToSignBytes(amzDate: amzDate, scope: scope)))
    }

    /// `name.lowercased()` for a header name: ASCII names (all real ones) are lowered byte
    /// by byte, without the Unicode machinery; others go through `lowercased()`.
    static func lowercasedName(_ name: String) -> String {
        var upper = false
        for b in name.utf8 {
            if b >= 0x80 { return name.lowercased() }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        guard upper else { return name }
        var text = name
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return bytes.count
            }
        }
    }

    /// `name.lowercased()`, without a copy when there is nothing to lower.
    static func lowercased(_ name: String) -> String {
        name.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? name.lowercased() : name
    }

    static func canonicalURI(_ path: String) -> String {
        if path == "/" { return path }  // what almost every JSON and query request uses
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        if segments.isEmpty { return "/" }
        let trailing = path.hasSuffix("/") ? "/" : ""
        return "/" + segments.map { URIEncoding.encode(String($0)) }.joined(separator: "/") + trailing
    }

    static func canonicalQuery(_ query: String) -> String {
        if query.isEmpty { return query }
        return URIEncoding.parameters(query, plusAsSpace: false)
            .map { (URIEncoding.encode($0.name), URIEncoding.encode($0.value)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Trimmed, with each run of spaces and tabs inside collapsed to one space.
    static func canonicalValue(_ value: String) -> String {
        // Most values have no whitespace to trim or collapse: return them as they are.
        var text = value
        let clean = text.withUTF8 { bytes -> Bool in
            var previousSpace = true  // a leading space needs trimming
            for b in bytes {
                let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
                if space && (previousSpace || b != 0x20) { return false }
                previousSpace = space
            }
            return !previousSpace
        }
        if clean { return value }
        if value.isEmpty { return value }
        var out = ""
        var pendingSpace = false
        for ch in value {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }
}
