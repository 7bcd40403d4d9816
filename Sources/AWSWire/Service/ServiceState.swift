import Digests
import IAMPolicy
import KinesisSim

/// Everything the service changes, behind its lock: the world, the credentials, IAM's
/// managed policies and attachments, the journal, and the counter generated ids derive from.
///
/// Generated credentials come from the system's random source; each journal entry records
/// what its call issued, and replay hands those values out again (``replaying``).
/// INVARIANT: `serial` advances only in successful state-changing calls, which are exactly
/// the journaled ones, so replaying a journal written before entries recorded their values
/// (no `issued` member) regenerates the same keys by the old derivation.
struct ServiceState: Sendable {
    var world: KinesisWorld
    var credentials: CredentialStore
    /// Managed policies by ARN.
    var managedPolicies: [String: ManagedPolicy] = [:]
    /// Managed policy ARNs attached to each user or role ARN, in attachment order.
    var attachments: [String: [String]] = [:]
    /// When users and roles were created, by ARN.
    var createDates: [String: Timestamp] = [:]
    /// Whether successful state-changing requests are journaled (off until `startJournal`,
    /// and while a journal is replayed).
    var journaling = false
    /// Entries journaled and not yet handed out by `takeJournal`, in the order their requests
    /// changed the world.
    var pendingJournal: [JournalEntry] = []
    /// How many entries have been journaled: the position of the latest one.
    var journalPosition: UInt64 = 0
    var serial: UInt64 = 0
    /// What the call under way generated, in order, for its journal entry.
    var issued: [String] = []
    /// During replay: the values the entry records, handed out in order; `nil` outside
    /// replay. An empty list (an entry from before values were recorded) derives them from
    /// `serial` as kdslab did then.
    var replaying: [String]?

    init(world: KinesisWorld, credentials: CredentialStore) {
        self.world = world
        self.credentials = credentials
        if let document = try? NamedPolicy(name: ManagedPolicy.administratorAccessArn, text: ManagedPolicy.administratorAccessText) {
            managedPolicies[ManagedPolicy.administratorAccessArn] = ManagedPolicy(
                name: "AdministratorAccess", arn: ManagedPolicy.administratorAccessArn, policyId: "ANPAIWMBCKSKIEE64ZLYK",
                document: document, createDate: Timestamp(milliseconds: 1_423_180_800_000))
        }
    }

    /// Journals `entry` when a journal is kept.
    mutating func record(_ entry: JournalEntry) {
        guard journaling else { return }
        pendingJournal.append(entry)
        journalPosition += 1
    }

    /// `count` characters of `alphabet` drawn from the system's random source (uniformly:
    /// `Int.random(in:using:)` rejects the biased draws), or during replay the next value the
    /// journal entry recorded. The value is recorded in ``issued``.
    mutating func generate(_ count: Int, from alphabet: String) -> String {
        serial += 1
        let out: String
        if var recorded = replaying, !recorded.isEmpty {
            out = recorded.removeFirst()
            replaying = recorded
        } else if replaying != nil {
            out = Self.legacyDerivation(count, from: alphabet, serial: serial)
        } else {
            let letters = Array(alphabet)
            var random = SystemRandomNumberGenerator()
            out = String((0..<count).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] })
        }
        issued.append(out)
        return out
    }

    /// How kdslab derived keys from the call count before journal entries recorded them (so
    /// anyone could predict them); kept only to replay such journals.
    static func legacyDerivation(_ count: Int, from alphabet: String, serial: UInt64) -> String {
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
