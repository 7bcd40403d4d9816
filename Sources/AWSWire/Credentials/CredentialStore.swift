import IAMPolicy
import KinesisSim

/// The credentials the service accepts, by access key id.
public struct CredentialStore: Sendable {
    private var keys: [String: AccessKey] = [:]

    /// An empty store.
    public init() {}

    /// Adds (or replaces) a key.
    public mutating func add(_ key: AccessKey) {
        keys[key.accessKeyId] = key
    }

    /// Removes a key.
    public mutating func remove(accessKeyId: String) {
        keys[accessKeyId] = nil
    }

    /// The key with this id, if any.
    public func key(_ accessKeyId: String) -> AccessKey? {
        keys[accessKeyId]
    }

    /// Every key, sorted by id.
    public var all: [AccessKey] { keys.values.sorted { $0.accessKeyId < $1.accessKeyId } }

    /// The long-term keys of IAM user `name` in `account`, sorted by id.
    public func keys(ofUser name: String, account: String) -> [AccessKey] {
        all.filter {
            if case .user(let n, let a) = $0.identity { return n == name && a == account }
            return false
        }
    }

    /// Checks the request's credentials: the key must be known, a session token must match
    /// (`UnrecognizedClient` otherwise), and temporary credentials must not have expired at
    /// `now` (`ExpiredToken`). Returns the key; the caller then verifies the signature with
    /// its secret.
    public func authenticate(accessKeyId: String, sessionToken: String?, now: Timestamp) throws(SigV4Error) -> AccessKey {
        guard let key = keys[accessKeyId], key.sessionToken == sessionToken else {
            throw SigV4Error(.unrecognizedClient, SigV4Error.invalidTokenMessage)
        }
        if let expiry = key.expiration, expiry <= now {
            throw SigV4Error(.expiredToken, SigV4Error.expiredTokenMessage)
        }
        return key
    }
}
