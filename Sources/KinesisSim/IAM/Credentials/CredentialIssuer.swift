/// Where the secrets of new credentials come from: access key ids, secret keys and session
/// tokens are drawn from it, so the world itself stays deterministic. A server draws them
/// from the system's random source; a replay hands back the ones a journal recorded.
public protocol CredentialIssuer {
    /// `count` characters of `alphabet`.
    mutating func issue(_ count: Int, from alphabet: String) -> String
}

/// The alphabets and lengths of issued credentials.
public enum IssuedCredentials {
    /// Access key ids after their `AKIA`/`ASIA` prefix: base-32 capitals and digits.
    public static let keyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    /// Secret keys and session tokens: base-64 characters.
    public static let secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    /// Characters of an access key id after its prefix.
    public static let keyIdLength = 16
    /// Characters of a secret access key.
    public static let secretLength = 40
    /// Characters of a session token after its prefix.
    public static let sessionTokenLength = 300
    /// What every session token starts with.
    public static let sessionTokenPrefix = "IQoJb3JpZ2luX2VjE"

    /// A new long-term (`AKIA…`) or temporary (`ASIA…`) key id and secret, in that order
    /// (the order replay depends on), then for temporary keys a session token.
    static func draw<I: CredentialIssuer>(temporary: Bool, from issuer: inout I) -> (id: String, secret: String, token: String?) {
        let id = (temporary ? "ASIA" : "AKIA") + issuer.issue(keyIdLength, from: keyIdAlphabet)
        let secret = issuer.issue(secretLength, from: secretAlphabet)
        let token = temporary ? sessionTokenPrefix + issuer.issue(sessionTokenLength, from: secretAlphabet) : nil
        return (id, secret, token)
    }
}
