import IAMPolicy
import KinesisSim

/// Builds the simulated world a lab describes, with a submission in its slot.
///
/// Setup runs as each account's root user, so it is authorized like any call; a stream
/// encrypted with a key whose policy shuts out its own account cannot be seeded, and that
/// is reported as a problem in the lab rather than papered over.
public struct WorldBuilder: Sendable {
    /// The spec to build.
    public var spec: WorldSpec

    /// Creates a builder.
    public init(spec: WorldSpec) {
        self.spec = spec
    }

    /// Why a world could not be built.
    public struct BuildError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong, in one line.
        public var message: String
        /// Where: the submission (its parse error) or the lab's world.
        public var inSubmission: Bool
        /// The submission's line and column, for a submission that does not parse.
        public var line: Int
        /// The column.
        public var column: Int

        /// Creates an error.
        public init(message: String, inSubmission: Bool, line: Int = 0, column: Int = 0) {
            self.message = message
            self.inSubmission = inSubmission
            self.line = line
            self.column = column
        }

        public var description: String { message }
    }

    /// The policy name a submission takes in the world when its slot does not name one.
    public static let submissionPolicyName = SubmissionSlot.defaultPolicyName

    /// The spec with `submission` put in `slot`.
    public func spec(with submission: String, in slot: SubmissionSlot) -> WorldSpec {
        var s = spec
        switch slot {
        case .identityPolicy(let ref, let name):
            let policy = PolicySpec(name: name, text: submission)
            if ref.kind == .user, let i = s.users.firstIndex(where: { $0.name == ref.name && $0.account == (ref.account ?? s.account) }) {
                s.users[i].policies.removeAll { $0.name == name }
                s.users[i].policies.append(policy)
            } else if let i = s.roles.firstIndex(where: { $0.name == ref.name && $0.account == (ref.account ?? s.account) }) {
                s.roles[i].policies.removeAll { $0.name == name }
                s.roles[i].policies.append(policy)
            }
        case .streamPolicy(let name):
            if let i = s.streams.firstIndex(where: { $0.name == name }) {
                s.streams[i].resourcePolicy = PolicySpec(name: Self.submissionPolicyName, text: submission)
            }
        case .keyPolicy(let name):
            if let i = s.keys.firstIndex(where: { $0.id == name || $0.aliases.contains(name) }) {
                s.keys[i].policy = PolicySpec(name: Self.submissionPolicyName, text: submission)
            }
        case .trustPolicy(let role):
            if let i = s.roles.firstIndex(where: { $0.name == role && $0.account == s.account }) {
                s.roles[i].trustPolicy = PolicySpec(name: Self.submissionPolicyName, text: submission)
            }
        case .answers:
            break
        }
        return s
    }

    /// Builds the world, optionally with `submission` in `slot`.
    public func build(submission: String? = nil, in slot: SubmissionSlot? = nil) throws(BuildError) -> KinesisWorld {
        let s = (submission != nil && slot != nil) ? spec(with: submission!, in: slot!) : spec
        let submissionName = slot?.policyName
        func named(_ p: PolicySpec, _ type: PolicyType) throws(BuildError) -> NamedPolicy {
            do {
                return try NamedPolicy(name: p.name, text: p.text, type: type)
            } catch {
                let mine = submission != nil && p.name == submissionName && p.text == submission
                throw BuildError(message: mine ? error.message : "policy `\(p.name)`: \(error.message)", inSubmission: mine,
                                 line: error.range.start.line, column: error.range.start.column)
            }
        }

        var world = KinesisWorld(settings: Self.labSettings)
        for account in [s.account] + s.otherAccounts { world.addAccount(account) }
        // Keys start with the lab's own key policies: the world's streams are encrypted and
        // seeded before the learner's key policy (if that is the slot) takes over, as on AWS
        // the key's history comes before today's policy.
        func addKeys(_ keys: [KeySpec]) throws(BuildError) {
            for k in keys {
                world.addKey(KMSKey(id: k.id, account: k.account, region: k.region, aliases: k.aliases,
                                    keyPolicy: try k.policy.map { p throws(BuildError) in try named(p, .resource) }))
            }
        }
        try addKeys(spec.keys)
        for m in s.managedPolicies {
            world.addManagedPolicy(ManagedPolicy(name: m.name, owner: m.account, path: m.path, description: m.description,
                                                 document: try named(m.policy, .identity), createDate: world.now))
        }
        for u in s.users {
            world.addUser(IAMUser(name: u.name, account: u.account,
                                  policies: try u.policies.map { p throws(BuildError) in try named(p, .identity) },
                                  attachedPolicies: u.attachedPolicies,
                                  permissionsBoundary: try u.permissionsBoundary.map { p throws(BuildError) in try named(p, .identity) },
                                  tags: u.tags), account: u.account)
        }
        for r in s.roles {
            world.addRole(IAMRole(name: r.name, account: r.account,
                                  trustPolicy: try r.trustPolicy.map { p throws(BuildError) in try named(p, .trust) },
                                  policies: try r.policies.map { p throws(BuildError) in try named(p, .identity) },
                                  attachedPolicies: r.attachedPolicies,
                                  permissionsBoundary: try r.permissionsBoundary.map { p throws(BuildError) in try named(p, .identity) },
                                  tags: r.tags), account: r.account)
        }
        for stream in s.streams {
            try seed(stream, into: &world, named: named)
        }
        if case .keyPolicy = slot { try addKeys(s.keys) }
        return world
    }

    /// What labs want: transitions finish at once; throughput limits stay on.
    static var labSettings: WorldSettings { .instant }

    private func seed(_ stream: StreamSpec, into world: inout KinesisWorld,
                      named: (PolicySpec, PolicyType) throws(BuildError) -> NamedPolicy) throws(BuildError) {
        let root = Caller(principal: Principal(kind: .root, arn: "arn:aws:iam::\(stream.account):root", account: stream.account),
                          region: stream.region)
        let target = StreamTarget.named(stream.name)
        func step(_ what: String, _ body: (inout KinesisWorld) throws(KinesisError) -> Void) throws(BuildError) {
            do {
                try body(&world)
            } catch {
                throw BuildError(message: "setting up stream `\(stream.name)`: \(what) failed: \(error.code.rawValue): \(error.message)",
                                 inSubmission: false)
            }
        }
        try step("CreateStream") { w throws(KinesisError) in
            try w.createStream(CreateStreamInput(streamName: stream.name, shardCount: stream.shards,
                                                 tags: stream.tags.isEmpty ? nil : stream.tags), as: root)
        }
        if let key = stream.encryptionKey {
            if key == "alias/aws/kinesis" { world.addAWSManagedKinesisKey(account: stream.account, region: stream.region) }
            try step("StartStreamEncryption") { w throws(KinesisError) in
                try w.startStreamEncryption(StreamEncryptionInput(target, keyId: key), as: root)
            }
        }
        for (i, record) in stream.records.enumerated() {
            try step("PutRecord #\(i + 1)") { w throws(KinesisError) in
                _ = try w.putRecord(PutRecordInput(target, data: Array(record.data.utf8), partitionKey: record.partitionKey), as: root)
            }
        }
        if let policy = stream.resourcePolicy {
            // Attached under its own name (the learner's submission keeps the name the grader
            // looks for), as the stream's owner would put it.
            let named = try named(policy, .resource)
            try step("PutResourcePolicy") { w throws(KinesisError) in
                try w.attachStreamPolicy(named, toStream: stream.arn)
            }
        }
    }
}
