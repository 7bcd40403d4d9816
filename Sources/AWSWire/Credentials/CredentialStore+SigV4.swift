import IAMPolicy
import KinesisSim

extension CredentialStore {
    /// Checks the request's credentials: the key must be known, a session token must match
    /// (`UnrecognizedClient` otherwise), and temporary credentials must not have expired at
    /// `now` (`ExpiredToken`). Returns the key; the caller then verifies the signature with
    /// its secret.
    public func authenticate(accessKeyId: String, sessionToken: String?, now: Timestamp) throws(SigV4Error) -> AccessKey {
        guard let key = key(accessKeyId), key.sessionToken == sessionToken else {
            throw SigV4Error(.unrecognizedClient, SigV4Error.invalidTokenMessage)
        }
        if let expiry = key.expiration, expiry <= now {
            throw SigV4Error(.expiredToken, SigV4Error.expiredTokenMessage)
        }
        return key
    }
}
