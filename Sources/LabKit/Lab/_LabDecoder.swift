import Foundation
import IAMPolicy

/// `lab.json` → ``LabDefinition``: the format, field by field. Problems go to `reader`.
struct _LabDecoder {
    var reader: _LabReader
    let folderName: String
    let knownLessons: Set<String>?
    /// Each lesson's section titles, for checking the sections quiz questions name.
    let lessonSections: [String: [String]]?
    /// The world, once read, for resolving references in checks.
    private var world = WorldSpec()
    /// The lessons the lab belongs to, once read (a question's `section` is in the first
    /// unless it names its `lesson`).
    var labLessons: [String] = []

    init(reader: _LabReader, folderName: String, knownLessons: Set<String>?, lessonSections: [String: [String]]? = nil) {
        self.reader = reader
        self.folderName = folderName
        self.knownLessons = knownLessons
        self.lessonSections = lessonSections
    }

    static let topKeys = ["formatVersion", "id", "title", "order", "difficulty", "lessons", "world", "submission",
                          "checks", "hints", "description"]

    mutating func definition(_ json: JSONValue) -> LabDefinition? {
        guard let root = reader.object(json, "lab.json") else { return nil }
        reader.rejectUnknownKeys(root, known: Self.topKeys, in: "lab.json")
        if let v = root["formatVersion"] {
            if case .number(let n) = v.kind, Int(n) == LabLoader.formatVersion {} else {
                reader.problem("formatVersion \(v.literal) is not supported; this kdslab reads formatVersion \(LabLoader.formatVersion)", at: v)
            }
        } else {
            reader.problem("lab.json is missing `formatVersion` (use \(LabLoader.formatVersion))", at: root, severity: .warning)
        }
        let id = reader.string(root, "id", required: true, in: "lab.json") ?? folderName
        if id != folderName, let v = root["id"] {
            reader.problem("the lab's id `\(id)` differs from its folder's name `\(folderName)`", at: v)
        }
        let title = reader.string(root, "title", required: true, in: "lab.json") ?? id
        let order = reader.int(root, "order", range: 0...100_000, in: "lab.json") ?? 0
        let difficulty = reader.int(root, "difficulty", range: 1...5, in: "lab.json") ?? 1
        let lessons = reader.strings(root, "lessons") ?? []
        labLessons = lessons
        if lessons.isEmpty { reader.problem("lab.json names no `lessons` it belongs to", at: root, severity: .warning) }
        if let known = knownLessons, let v = root["lessons"] {
            for lesson in lessons where !known.contains(lesson) {
                reader.problem("lesson `\(lesson)` does not exist in content/", at: v)
            }
        }
        if let w = reader.object(root["world"], "`world`") {
            world = self.world(w)
        } else if root["world"] == nil {
            reader.problem("lab.json is missing `world`", at: root)
        }
        var slot: SubmissionSlot?
        if let s = reader.object(root["submission"], "`submission`") {
            slot = submission(s)
        } else if root["submission"] == nil {
            reader.problem("lab.json is missing `submission`", at: root)
        }
        let hints = reader.strings(root, "hints") ?? []
        var checks: [CheckSpec] = []
        if let list = reader.array(root, "checks") {
            var ids: Set<String> = []
            for item in list {
                guard let c = check(item) else { continue }
                if !ids.insert(c.id).inserted { reader.problem("two checks have the id `\(c.id)`", at: item) }
                checks.append(c)
            }
            if list.isEmpty { reader.problem("`checks` is empty: a lab needs at least one check", at: root["checks"]) }
        } else if root["checks"] == nil {
            reader.problem("lab.json is missing `checks`", at: root)
        }
        let hintCount = hints.count + checks.reduce(0) { $0 + $1.hints.count }
        if hintCount == 0 {
            reader.problem("the lab has no hints: give a lab-wide `hints` ladder or `hints` on its checks", at: root)
        }
        let quizzes = checks.filter { c in
            switch c.kind {
            case .predict, .choice: true
            default: false
            }
        }
        if case .answers = slot, quizzes.isEmpty {
            reader.problem("a lab whose submission is `answers` needs a `predict` or `choice` check", at: root["submission"])
        }
        if let slot, slot != .answers, let quiz = quizzes.first {
            reader.problem("check `\(quiz.id)` is a quiz, so the lab's submission slot must be `answers`", at: root["submission"])
        }
        guard let slot else { return nil }
        return LabDefinition(id: id, title: title, order: order, difficulty: difficulty, lessons: lessons,
                             world: world, submission: slot, checks: checks, hints: hints)
    }

    // MARK: World

    mutating func world(_ w: JSONValue) -> WorldSpec {
        reader.rejectUnknownKeys(w, known: ["account", "region", "otherAccounts", "users", "roles", "streams", "keys", "managedPolicies"],
                                 in: "`world`")
        var spec = WorldSpec()
        if let a = reader.string(w, "account", in: "`world`") {
            if isAccountId(a) { spec.account = a } else { reader.problem("`\(a)` is not a 12-digit account id", at: w["account"]) }
        }
        if let r = reader.string(w, "region", in: "`world`") { spec.region = r }
        for a in reader.strings(w, "otherAccounts") ?? [] {
            if isAccountId(a) { spec.otherAccounts.append(a) } else { reader.problem("`\(a)` is not a 12-digit account id", at: w["otherAccounts"]) }
        }
        world = spec
        for item in reader.array(w, "keys") ?? [] {
            if let k = key(item, in: spec) { spec.keys.append(k) }
        }
        for item in reader.array(w, "managedPolicies") ?? [] {
            if let m = managedPolicy(item, in: spec) { spec.managedPolicies.append(m) }
        }
        world = spec
        for item in reader.array(w, "users") ?? [] {
            if let p = principal(item, kind: .user, in: spec) { spec.users.append(p) }
        }
        for item in reader.array(w, "roles") ?? [] {
            if let p = principal(item, kind: .role, in: spec) { spec.roles.append(p) }
        }
        world = spec
        for item in reader.array(w, "streams") ?? [] {
            if let s = stream(item, in: spec) { spec.streams.append(s) }
        }
        return spec
    }

    private func isAccountId(_ s: String) -> Bool { s.count == 12 && s.allSatisfy(\.isASCII) && s.allSatisfy(\.isNumber) }

    mutating func account(_ o: JSONValue, in spec: WorldSpec) -> String {
        guard let a = reader.string(o, "account", in: "") else { return spec.account }
        if a != spec.account && !spec.otherAccounts.contains(a) {
            reader.problem("account `\(a)` is not the world's `account` nor one of its `otherAccounts`", at: o["account"])
        }
        return a
    }

    mutating func policy(_ value: JSONValue?, name: String, type: PolicyType) -> PolicySpec? {
        guard let value else { return nil }
        guard value.members != nil else {
            reader.problem("policy `\(name)` must be a JSON object (the policy document itself), not \(value.typeName)", at: value)
            return nil
        }
        let text = JSONWriter.string(value.withoutRanges, pretty: true)
        do {
            _ = try PolicyParser(type: type).parse(text)
        } catch {
            reader.problem("policy `\(name)` is not a valid \(type) policy: \(error.message)", at: value)
            return nil
        }
        return PolicySpec(name: name, text: text)
    }

    mutating func principal(_ item: JSONValue, kind: PrincipalRef.Kind, in spec: WorldSpec) -> PrincipalSpec? {
        let what = kind == .user ? "a user" : "a role"
        guard let o = reader.object(item, what) else { return nil }
        var known = ["name", "account", "description", "policies", "attachedPolicies", "permissionsBoundary", "tags"]
        if kind == .role { known.append("trustPolicy") }
        reader.rejectUnknownKeys(o, known: known, in: what)
        guard let name = reader.string(o, "name", required: true, in: what),
              PrincipalRef(parsing: "\(kind.rawValue)/\(name)") != nil else {
            if let v = o["name"], v.stringValue != nil { reader.problem("`\(v.literal)` is not a valid IAM \(kind.rawValue) name", at: v) }
            return nil
        }
        var p = PrincipalSpec(name: name, account: account(o, in: spec), description: reader.string(o, "description", in: what))
        if let policies = o["policies"] {
            if let members = policies.members {
                for m in members {
                    if let ps = policy(m.value, name: m.key, type: .identity) { p.policies.append(ps) }
                }
            } else {
                reader.problem("`policies` must be an object from policy name to policy document", at: policies)
            }
        }
        p.attachedPolicies = attachedPolicies(o, account: p.account, in: spec)
        p.permissionsBoundary = policy(o["permissionsBoundary"], name: "\(name)-boundary", type: .identity)
        p.trustPolicy = policy(o["trustPolicy"], name: "\(name)-trust", type: .trust)
        p.tags = reader.stringMap(o, "tags")
        return p
    }

    mutating func key(_ item: JSONValue, in spec: WorldSpec) -> KeySpec? {
        guard let o = reader.object(item, "a key") else { return nil }
        reader.rejectUnknownKeys(o, known: ["id", "account", "region", "aliases", "policy"], in: "a key")
        guard let id = reader.string(o, "id", required: true, in: "a key") else { return nil }
        let aliases = reader.strings(o, "aliases") ?? []
        for a in aliases where !a.hasPrefix("alias/") {
            reader.problem("key alias `\(a)` must start with `alias/`", at: o["aliases"])
        }
        return KeySpec(id: id, account: account(o, in: spec), region: reader.string(o, "region", in: "") ?? spec.region,
                       aliases: aliases, policy: policy(o["policy"], name: "\(id)-key-policy", type: .resource))
    }

    mutating func stream(_ item: JSONValue, in spec: WorldSpec) -> StreamSpec? {
        guard let o = reader.object(item, "a stream") else { return nil }
        reader.rejectUnknownKeys(o, known: ["name", "account", "region", "shards", "encryptionKey", "resourcePolicy", "tags", "records"],
                                 in: "a stream")
        guard let name = reader.string(o, "name", required: true, in: "a stream") else { return nil }
        var s = StreamSpec(name: name, account: account(o, in: spec), region: reader.string(o, "region", in: "") ?? spec.region,
                           shards: reader.int(o, "shards", range: 1...64, in: "a stream") ?? 1)
        if let k = reader.string(o, "encryptionKey", in: "a stream") {
            if k != "alias/aws/kinesis" && spec.key(k) == nil {
                reader.problem("stream `\(name)` is encrypted with key `\(k)`, which is not in the world's `keys`", at: o["encryptionKey"])
            }
            s.encryptionKey = k
        }
        s.resourcePolicy = policy(o["resourcePolicy"], name: "\(name)-stream-policy", type: .resource)
        s.tags = reader.stringMap(o, "tags")
        if let r = o["records"] {
            s.records = records(r)
        }
        return s
    }

    /// `records`: an array of `{"partitionKey", "data"}`, or a generator
    /// `{"count": 10, "data": "click-${n}", "partitionKey": "user-${n}"}`.
    mutating func records(_ value: JSONValue) -> [SeedRecord] {
        if let list = value.elements {
            var out: [SeedRecord] = []
            for item in list {
                guard let o = reader.object(item, "a record") else { continue }
                reader.rejectUnknownKeys(o, known: ["partitionKey", "data"], in: "a record")
                if let pk = reader.string(o, "partitionKey", required: true, in: "a record"),
                   let data = reader.string(o, "data", required: true, in: "a record") {
                    out.append(SeedRecord(partitionKey: pk, data: data))
                }
            }
            return out
        }
        guard let o = reader.object(value, "`records`") else { return [] }
        reader.rejectUnknownKeys(o, known: ["count", "partitionKey", "data"], in: "`records`")
        let count = reader.int(o, "count", range: 0...10_000, in: "`records`") ?? 0
        let pk = reader.string(o, "partitionKey", in: "`records`") ?? "key-${n}"
        let data = reader.string(o, "data", required: true, in: "`records`") ?? ""
        var out: [SeedRecord] = []
        for i in 1...max(count, 1) where i <= count {
            let n = String(i)
            let key: String = pk.replacingOccurrences(of: "${n}", with: n)
            let text: String = data.replacingOccurrences(of: "${n}", with: n)
            out.append(SeedRecord(partitionKey: key, data: text))
        }
        return out
    }

    // MARK: Submission

    mutating func submission(_ o: JSONValue) -> SubmissionSlot? {
        reader.rejectUnknownKeys(o, known: ["slot", "principal", "policyName", "stream", "key", "role"], in: "`submission`")
        guard let slot = reader.string(o, "slot", required: true, in: "`submission`") else { return nil }
        switch slot {
        case "identity-policy":
            guard let text = reader.string(o, "principal", required: true, in: "`submission`") else { return nil }
            guard let ref = principalRef(text, at: o["principal"]) else { return nil }
            return .identityPolicy(principal: ref, name: reader.string(o, "policyName", in: "") ?? "submission")
        case "stream-policy":
            guard let name = reader.string(o, "stream", required: true, in: "`submission`") else { return nil }
            if world.stream(name) == nil { reader.problem("stream `\(name)` is not in the world", at: o["stream"]) }
            return .streamPolicy(stream: name)
        case "key-policy":
            guard let name = reader.string(o, "key", required: true, in: "`submission`") else { return nil }
            if world.key(name) == nil { reader.problem("key `\(name)` is not in the world", at: o["key"]) }
            return .keyPolicy(key: name)
        case "trust-policy":
            guard let name = reader.string(o, "role", required: true, in: "`submission`") else { return nil }
            if world.principal(PrincipalRef(kind: .role, name: name)) == nil {
                reader.problem("role `\(name)` is not in the world", at: o["role"])
            }
            return .trustPolicy(role: name)
        case "answers":
            return .answers
        default:
            reader.problem("unknown submission slot `\(slot)`; use identity-policy, stream-policy, key-policy, trust-policy or answers",
                           at: o["slot"])
            return nil
        }
    }

    // MARK: References

    /// A principal reference that must exist in the world.
    mutating func principalRef(_ text: String, at value: JSONValue?) -> PrincipalRef? {
        guard let ref = PrincipalRef(parsing: text) else {
            reader.problem("`\(text)` is not a principal: write role/NAME, user/NAME or ACCOUNT:role/NAME", at: value)
            return nil
        }
        if world.principal(ref) == nil {
            reader.problem("\(ref.kind.rawValue) `\(ref.name)` is not in the world", at: value)
        }
        return ref
    }

    /// Expands a lab file's short resource forms to ARNs: `stream/NAME`, `stream/NAME/consumer/…`,
    /// `key/ID`, `alias/NAME`, `role/NAME`; full ARNs and `*` stay as they are.
    mutating func resource(_ text: String, at value: JSONValue?) -> String? {
        if let arn = world.expandResource(text) { return arn }
        if text.hasPrefix("arn:") {
            reader.problem("`\(text)` is not a well-formed ARN", at: value)
        } else if text.hasPrefix("key/") || text.hasPrefix("alias/") {
            reader.problem("key `\(text)` is not in the world's `keys`", at: value)
        } else {
            reader.problem("`\(text)` is not a resource: write an ARN, `*`, stream/NAME, key/ID, alias/NAME or role/NAME", at: value)
        }
        return nil
    }

    /// An action that must be `service:Name` and, for Kinesis and KMS, in the catalog.
    mutating func action(_ text: String, at value: JSONValue?, pattern: Bool = false) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let catalog = ServiceCatalog.aws
        if pattern, parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, Glob.hasWildcard(String(parts[1])),
           !Glob.hasWildcard(String(parts[0])) {
            // An access check may name every action of a pattern (`kinesis:*`).
            guard catalog.service(prefix: String(parts[0])) != nil else {
                reader.problem("`\(text)`: `\(parts[0])` is not a service whose actions kdslab knows, so its pattern names no action", at: value)
                return nil
            }
            guard !catalog.actions(matching: text).isEmpty else {
                reader.problem("`\(text)` matches no action of \(parts[0])", at: value)
                return nil
            }
            return text
        }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !text.contains("*"), !text.contains("?") else {
            let form = pattern ? "service:Action, or service:Pattern (`kinesis:*`) for every action it matches" : "service:Action, without wildcards"
            reader.problem("`\(text)` is not an action: write \(form)", at: value)
            return nil
        }
        if let a = catalog.action(text) { return a.fullName }
        if catalog.service(prefix: String(parts[0])) != nil {
            reader.problem("`\(text)` is not an action of \(parts[0])", at: value)
            return nil
        }
        if !catalog.isKnownService(String(parts[0])) {
            reader.problem("`\(parts[0])` is not a known AWS service prefix", at: value)
            return nil
        }
        return text
    }
}
