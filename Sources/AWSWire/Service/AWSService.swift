import IAMPolicy
import KinesisSim
import Synchronization

/// The AWS endpoint `kdslab serve` answers: one function from an ``HTTPRequest`` to an
/// ``HTTPResponse`` over a simulated world.
///
/// Routes Kinesis JSON 1.1 (by `X-Amz-Target`), STS and IAM (query protocol, by the
/// signature's service and `Action`); authenticates every request with SigV4 against its
/// ``CredentialStore``; keeps a journal of successful state-changing requests.
///
/// Thread-safe: the socket layer calls ``handle(_:now:)`` from several threads. Parsing and
/// signature checks run outside the lock; only the world's operation runs inside it.
public final class AWSService: Sendable {
    /// The account of the default world's administrator.
    public static let defaultAccount = "111122223333"

    /// How requests are seen to arrive (the request context's `aws:SecureTransport`, `aws:SourceIp`).
    public let connection: Connection
    let state: Mutex<ServiceState>
    private let requestCount = Atomic<UInt64>(0)

    /// A service over `world`, accepting `credentials`.
    public init(world: KinesisWorld, credentials: CredentialStore, connection: Connection = .publicHTTPS) {
        self.connection = connection
        state = Mutex(ServiceState(world: world, credentials: credentials))
    }

    /// A service over `world` with the default administrator added: IAM user `admin` of
    /// account 111122223333 with `AdministratorAccess` attached, access key `admin`, secret `admin`.
    public static func withDefaultAdmin(world: KinesisWorld = KinesisWorld(settings: .instant),
                                        connection: Connection = .publicHTTPS) -> AWSService {
        let service = AWSService(world: world, credentials: CredentialStore(), connection: connection)
        service.state.withLock { s in
            let account = defaultAccount
            let admin = s.managedPolicies[ManagedPolicy.administratorAccessArn].map { [$0.document] } ?? []
            let user = IAMUser(name: "admin", account: account, policies: admin)
            s.world.addUser(user, account: account)
            s.attachments[user.arn] = [ManagedPolicy.administratorAccessArn]
            s.createDates[user.arn] = s.world.now
            s.credentials.add(AccessKey(accessKeyId: "admin", secretAccessKey: "admin", createDate: s.world.now,
                                        identity: .user(name: "admin", account: account)))
        }
        return service
    }

    /// Answers one request received at `now` (the world's clock is moved forward to it).
    public func handle(_ request: HTTPRequest, now: Timestamp) -> HTTPResponse {
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
        state.withLock { $0.credentials.add(key) }
    }

    /// Checks a request's SigV4 authentication: the key, the session token, the signature and
    /// the clock skew. Returns the parsed authorization and the key.
    func authenticate(_ request: HTTPRequest, now: Timestamp) throws(SigV4Error) -> (SigV4Authorization, AccessKey) {
        let auth = try SigV4Authorization(of: request)
        let token = request.header("X-Amz-Security-Token")
        let key = try state.withLock { s throws(SigV4Error) -> AccessKey in
            try s.credentials.authenticate(accessKeyId: auth.accessKeyId, sessionToken: token, now: now)
        }
        try auth.verify(request, secret: key.secretAccessKey, now: now)
        return (auth, key)
    }

    /// A request id in UUID form, unique within this service.
    private func nextRequestId() -> String {
        let n = requestCount.add(1, ordering: .relaxed).newValue
        let hex = Hex.encode(SHA256.hash(Array("request-\(n)".utf8)).prefix(16))
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }
}
