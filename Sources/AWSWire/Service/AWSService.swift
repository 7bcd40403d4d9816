import IAMPolicy
import KinesisSim
import Synchronization

/// The AWS endpoint `kdslab serve` answers: one function from an ``HTTPRequest`` to an
/// ``HTTPResponse`` over a simulated world.
///
/// Routes Kinesis JSON 1.1 (by `X-Amz-Target`), STS and IAM (query protocol, by the
/// signature's service and `Action`) to the world's typed operations; authenticates every
/// request with SigV4 against the world's ``CredentialStore``; once asked
/// (``startJournal()``), journals successful state-changing requests for the caller to keep.
///
/// Thread-safe: the socket layer calls ``handle(_:now:)`` from several threads. Parsing and
/// signature checks run outside the lock; only the world's operation runs inside it.
public final class AWSService: Sendable {
    /// The account of the default world's administrator.
    public static let defaultAccount = "111122223333"

    /// How requests are seen to arrive (the request context's `aws:SecureTransport`, `aws:SourceIp`).
    public let connection: Connection
    /// The regions this endpoint answers for, as if it were each region's Kinesis and STS
    /// endpoint: a signature scoped to any other region is refused. IAM, a global service,
    /// answers only signatures scoped to `us-east-1`, whatever this list says.
    public let regions: [String]
    let state: ServiceLock<ServiceState>
    private let requestCount = Atomic<UInt64>(0)
    /// Derived SigV4 signing keys by secret and scope: the derivation is four HMACs, the
    /// same for every request of a key on one day.
    private let signingKeys = ServiceLock<[String: [UInt8]]>([:])
    /// The most signing keys kept; the cache starts over past it.
    private static let signingKeyLimit = 4096

    /// A service over `world`, accepting `credentials` signed for one of `regions`.
    public init(world: KinesisWorld, credentials: CredentialStore, connection: Connection = .publicHTTPS,
                regions: [String] = ["us-east-1"]) {
        self.connection = connection
        self.regions = regions
        state = ServiceLock(ServiceState(world: world, credentials: credentials))
    }

    /// A service over `world` with the default administrator added: IAM user `admin` of
    /// account 111122223333 with `AdministratorAccess` attached, access key `admin`, secret `admin`.
    public static func withDefaultAdmin(world: KinesisWorld = KinesisWorld(settings: .instant),
                                        connection: Connection = .publicHTTPS,
                                        regions: [String] = ["us-east-1"]) -> AWSService {
        let service = AWSService(world: world, credentials: CredentialStore(), connection: connection, regions: regions)
        service.state.withLock { s in
            let account = defaultAccount
            s.world.addUser(IAMUser(name: "admin", account: account, attachedPolicies: [AWSManagedPolicies.administratorAccessArn]),
                            account: account)
            s.world.credentials.add(AccessKey(accessKeyId: "admin", secretAccessKey: "admin", createDate: s.world.now,
                                              identity: .user(name: "admin", account: account)))
        }
        return service
    }

    /// Answers one request received at `now` (the world's clock is moved forward to it).
    public func handle(_ request: HTTPRequest, now: Timestamp) -> HTTPResponse {
        answer(request, now: now).response
    }

    /// Answers one request received at `now`, with the journal position of the change it
    /// made (see ``ServiceAnswer``).
    public func answer(_ request: HTTPRequest, now: Timestamp) -> ServiceAnswer {
        let requestId = nextRequestId()
        if let target = request.header("X-Amz-Target") {
            return handleKinesis(request, target: target, now: now, requestId: requestId)
        }
        return handleQuery(request, now: now, requestId: requestId)
    }

    /// Reads or changes the world directly (labs set it up; tests inspect it).
    public func withWorld<T: Sendable>(_ body: (inout KinesisWorld) -> T) -> T {
        state.withLock { s in body(&s.world) }
    }

    /// The credentials the service accepts now.
    public var credentials: CredentialStore {
        state.withLock { $0.credentials }
    }

    /// Adds credentials (a lab's producer key, say).
    public func addCredentials(_ key: AccessKey) {
        state.withLock { $0.world.credentials.add(key) }
    }

    /// Checks a request's SigV4 authentication: the scope (with `checkScope`, before anything
    /// is looked up or hashed), the key, the session token, the signature and the clock skew.
    /// Returns the parsed authorization and the key.
    func authenticate(_ request: HTTPRequest, now: Timestamp,
                      checkScope: (SigV4Authorization) throws(SigV4Error) -> Void) throws(SigV4Error) -> (SigV4Authorization, AccessKey) {
        let auth = try SigV4Authorization(of: request)
        try checkScope(auth)
        let token = request.header("X-Amz-Security-Token")
        let key = try state.withLock { s throws(SigV4Error) -> AccessKey in
            try s.credentials.authenticate(accessKeyId: auth.accessKeyId, sessionToken: token, now: now)
        }
        try auth.verify(request, signingKey: signingKey(secret: key.secretAccessKey, scope: auth.scope), now: now)
        return (auth, key)
    }

    /// The signing key for `secret` in `scope`, from the cache when derived before.
    private func signingKey(secret: String, scope: CredentialScope) -> [UInt8] {
        let id = "\(secret)\u{0}\(scope.text)"
        if let key = signingKeys.withLock({ $0[id] }) { return key }
        let key = scope.signingKey(secret: secret)
        signingKeys.withLock { cache in
            if cache.count >= Self.signingKeyLimit { cache.removeAll() }
            cache[id] = key
        }
        return key
    }

    /// A request id in UUID form, unique within this service: the request's number through
    /// a bijective 64-bit mix (so ids look random but never repeat), twice.
    private func nextRequestId() -> String {
        let n = requestCount.add(1, ordering: .relaxed).newValue
        func mix(_ x: UInt64) -> UInt64 {
            var z = x &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let digits = Array("0123456789abcdef".utf8)
        let high = mix(n), low = mix(n ^ 0x6B64_736C_6162_0000)
        return String(unsafeUninitializedCapacity: 36) { out in
            var i = 0
            for (k, word) in [high, low].enumerated() {
                for nibble in 0..<16 {
                    if (k == 0 && (nibble == 8 || nibble == 12)) || (k == 1 && (nibble == 0 || nibble == 4)) {
                        out[i] = UInt8(ascii: "-")
                        i += 1
                    }
                    out[i] = digits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)]
                    i += 1
                }
            }
            return i
        }
    }
}
