import IAMPolicy
import KinesisSim

/// Everything the service changes, behind its lock: the world (IAM, STS and credentials
/// included), the journal, and where new credentials are drawn from.
///
/// Generated credentials come from the system's random source; each journal entry records
/// what its call issued, and replay hands those values out again (``KeyIssuer``).
struct ServiceState: Sendable {
    var world: KinesisWorld
    /// Whether successful state-changing requests are journaled (off until `startJournal`,
    /// and while a journal is replayed).
    var journaling = false
    /// Entries journaled and not yet handed out by `takeJournal`, in the order their requests
    /// changed the world.
    var pendingJournal: [JournalEntry] = []
    /// How many entries have been journaled: the position of the latest one.
    var journalPosition: UInt64 = 0
    /// Where IAM and STS calls draw new credentials from.
    var issuer = KeyIssuer()

    /// The world, accepting `credentials` besides those it holds.
    init(world: KinesisWorld, credentials: CredentialStore) {
        self.world = world
        for key in credentials.all { self.world.credentials.add(key) }
    }

    /// The credentials the world accepts.
    var credentials: CredentialStore { world.credentials }

    /// Journals `entry` when a journal is kept.
    mutating func record(_ entry: JournalEntry) {
        guard journaling else { return }
        pendingJournal.append(entry)
        journalPosition += 1
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
}
