import AWSWire
import KinesisSim
import LabKit

/// The world `kdslab serve` answers for, with the keys that sign in to it: the default world
/// (an empty account with the `admin` administrator), or a lab's world with the learner's
/// draft in its submission slot and one key per principal.
struct ServedWorld: Sendable {
    /// The service over the world.
    var service: AWSService
    /// The keys to print, in order.
    var keys: [ServedKey]
    /// The region clients should use.
    var region: String
    /// One line saying what is served (`the default world`, `lab producer-only with your draft …`).
    var summary: String

    /// The default world: account 111122223333, no streams, the administrator `admin`/`admin`.
    static func defaultWorld() -> ServedWorld {
        ServedWorld(service: AWSService.withDefaultAdmin(), keys: [Self.adminKey], region: "us-east-1",
                    summary: "the default world (account \(AWSService.defaultAccount), empty)")
    }

    static let adminKey = ServedKey(accessKeyId: "admin", secretAccessKey: "admin",
                                    owner: "user/admin, the account's administrator (AdministratorAccess)")

    /// The session name role keys act under.
    static let roleSessionName = "kdslab-serve"

    /// A lab's world with `submission` in the lab's slot (`nil`: as the lab defines it), plus
    /// the administrator. Each user gets a key named after it; each role a key named after it
    /// that acts as a session of the role without calling AssumeRole. A name taken already
    /// gets `-user`/`-role` and then `-ACCOUNT` appended.
    static func lab(_ lab: Lab, submission: String?, source: String) throws(WorldBuilder.BuildError) -> ServedWorld {
        let spec = lab.definition.world
        let slot: SubmissionSlot? = submission == nil ? nil : lab.definition.submission
        let world = try WorldBuilder(spec: spec).build(submission: submission, in: slot)
        let service = AWSService.withDefaultAdmin(world: world, regions: regions(of: spec))
        var keys = [adminKey]
        var taken: Set<String> = ["admin"]
        func keyId(_ name: String, kind: String, account: String) -> String {
            for candidate in [name, "\(name)-\(kind)", "\(name)-\(kind)-\(account)"] where !taken.contains(candidate) {
                taken.insert(candidate)
                return candidate
            }
            var n = 2
            while taken.contains("\(name)-\(kind)-\(account)-\(n)") { n += 1 }
            taken.insert("\(name)-\(kind)-\(account)-\(n)")
            return "\(name)-\(kind)-\(account)-\(n)"
        }
        let now = world.now
        for user in spec.users {
            let id = keyId(user.name, kind: "user", account: user.account)
            service.addCredentials(AccessKey(accessKeyId: id, secretAccessKey: id, createDate: now,
                                             identity: .user(name: user.name, account: user.account)))
            keys.append(ServedKey(accessKeyId: id, secretAccessKey: id, owner: "user/\(user.name)" + suffix(user, spec)))
        }
        for role in spec.roles {
            guard var session = world.session(of: role.name, account: role.account, sessionName: roleSessionName) else { continue }
            // A key for practice: it does not expire while the server runs.
            session.expiresAt = nil
            let id = keyId(role.name, kind: "role", account: role.account)
            service.addCredentials(AccessKey(accessKeyId: id, secretAccessKey: id, createDate: now, identity: .roleSession(session)))
            keys.append(ServedKey(accessKeyId: id, secretAccessKey: id,
                                  owner: "role/\(role.name)\(suffix(role, spec)), as session \(roleSessionName) of the role"))
        }
        return ServedWorld(service: service, keys: keys, region: spec.region,
                           summary: "lab \(lab.id) (\(lab.definition.title)) with \(source) as \(lab.definition.submission.summary)")
    }

    /// The regions a lab's world lives in, its home region first: the endpoint answers for
    /// each, as AWS's regional endpoints would (a stream in `us-east-2` is reached by signing
    /// for `us-east-2`).
    static func regions(of spec: WorldSpec) -> [String] {
        var out = [spec.region]
        for region in spec.streams.map(\.region) + spec.keys.map(\.region) where !out.contains(region) {
            out.append(region)
        }
        return out
    }

    private static func suffix(_ p: PrincipalSpec, _ spec: WorldSpec) -> String {
        p.account == spec.account ? "" : " in account \(p.account)"
    }
}
