import IAMPolicy
import KinesisSim

/// Everything the service changes, behind its lock: the world, the credentials, IAM's
/// managed policies and attachments, the journal, and the counter generated ids derive from.
///
/// INVARIANT: `serial` advances only in successful state-changing calls, which are exactly
/// the journaled ones, so replaying a journal regenerates the same keys.
struct ServiceState: Sendable {
    var world: KinesisWorld
    var credentials: CredentialStore
    /// Managed policies by ARN.
    var managedPolicies: [String: ManagedPolicy] = [:]
    /// Managed policy ARNs attached to each user or role ARN, in attachment order.
    var attachments: [String: [String]] = [:]
    /// When users and roles were created, by ARN.
    var createDates: [String: Timestamp] = [:]
    /// Every journaled request so far.
    var journal: [JournalEntry] = []
    /// How many journal entries `takeJournal` has handed out.
    var journalTaken = 0
    var serial: UInt64 = 0

    init(world: KinesisWorld, credentials: CredentialStore) {
        self.world = world
        self.credentials = credentials
        if let document = try? NamedPolicy(name: ManagedPolicy.administratorAccessArn, text: ManagedPolicy.administratorAccessText) {
            managedPolicies[ManagedPolicy.administratorAccessArn] = ManagedPolicy(
                name: "AdministratorAccess", arn: ManagedPolicy.administratorAccessArn, policyId: "ANPAIWMBCKSKIEE64ZLYK",
                document: document, createDate: Timestamp(milliseconds: 1_423_180_800_000))
        }
    }

    /// `count` characters of `alphabet`, derived from the next serial number.
    mutating func generate(_ count: Int, from alphabet: String) -> String {
        serial += 1
        let letters = Array(alphabet)
        var out = ""
        var block: UInt64 = 0
        while out.count < count {
            for byte in SHA256.hash(Array("kdslab-\(serial)-\(block)".utf8)) where out.count < count {
                out.append(letters[Int(byte) % letters.count])
            }
            block += 1
        }
        return out
    }

    static let upperAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    static let secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// A stable IAM unique id (`AIDA…`, `AROA…`, `ANPA…`) for an ARN.
    static func uniqueId(_ prefix: String, for arn: String) -> String {
        let letters = Array(upperAlphanumerics)
        return prefix + String(SHA256.hash(Array(arn.utf8)).prefix(17).map { letters[Int($0) % letters.count] })
    }

    /// The caller a key acts as, in `region`; `nil` when its user no longer exists.
    func caller(for key: AccessKey, region: String, connection: Connection) -> Caller? {
        switch key.identity {
        case .user(let name, let account):
            return world.caller(user: name, account: account, connection: connection, region: region)
        case .roleSession(let session):
            return session.over(connection).inRegion(region)
        }
    }

    /// Authorizes an IAM or STS action, as AWS does before every call.
    func authorize(_ caller: Caller, _ action: String, _ resource: String) throws(QueryError) {
        do {
            try world.authorizeCall(caller, action: action, resource: resource)
        } catch {
            throw QueryError(kinesis: error)
        }
    }
}

extension QueryError {
    /// The query protocol's spelling of a world error.
    init(kinesis error: KinesisError) {
        switch error.code {
        case .accessDenied: self.init("AccessDenied", error.message, status: 403)
        case .expiredToken: self.init("ExpiredToken", SigV4Error.expiredTokenMessage, status: 403)
        case .validation: self.init("ValidationError", error.message)
        case .limitExceeded: self.init("LimitExceeded", error.message, status: 409)
        default: self.init(error.code.rawValue.replacingSuffix("Exception"), error.message, status: error.httpStatus)
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
