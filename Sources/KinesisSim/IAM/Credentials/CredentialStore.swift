/// The credentials the world accepts, by access key id: IAM users' access keys and the
/// sessions STS has issued.
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
}
