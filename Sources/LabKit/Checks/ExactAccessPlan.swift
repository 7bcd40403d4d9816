import IAMPolicy

/// What an `exact-access` check measures, worked out once per lab: each resource and the
/// catalog actions that apply to it. The resources are the world's streams, consumers and
/// keys, and near misses — the same stream name in another region and another account, a
/// stream the world does not have, a consumer of each stream, another key.
struct ExactAccessPlan: Sendable {
    /// One resource and the actions measured on it.
    struct Target: Sendable {
        var resource: String
        /// The resource lies outside the world's accounts (a near miss in a stranger's account).
        var outsideWorld: Bool
        var actions: [String]
    }

    var targets: [Target]

    /// Whether `resource` names an account the world does not have (a stranger's near miss).
    static func isOutsideWorld(_ resource: String, _ definition: LabDefinition) -> Bool {
        guard let account = ARN(parsing: resource)?.namedAccount else { return false }
        return account != definition.world.account && !definition.world.otherAccounts.contains(account)
    }

    init(definition: LabDefinition, spec: ExactAccessSpec) {
        let w = definition.world
        let otherRegion = w.region == "us-west-2" ? "us-east-1" : "us-west-2"
        let worldAccounts = Set([w.account] + w.otherAccounts)
        let otherAccount = ["999988887777", "444455556666", "777788889999"].first { !worldAccounts.contains($0) } ?? "999988887777"
        var streams: [String] = []
        var consumers: [String] = []
        func add(_ arn: String, into list: inout [String]) { if !list.contains(arn) { list.append(arn) } }
        for s in w.streams {
            add(s.arn, into: &streams)
            add("arn:aws:kinesis:\(otherRegion):\(s.account):stream/\(s.name)", into: &streams)
            add("arn:aws:kinesis:\(s.region):\(otherAccount):stream/\(s.name)", into: &streams)
            add("\(s.arn)/consumer/analytics-app:1767225600", into: &consumers)
        }
        add("arn:aws:kinesis:\(w.region):\(w.account):stream/unlisted-stream", into: &streams)
        var keys = w.keys.map(\.arn)
        add("arn:aws:kms:\(w.region):\(w.account):key/00000000-0000-4000-8000-000000000000", into: &keys)
        let aliases = w.keys.flatMap { k in k.aliases.map { "arn:aws:kms:\(k.region):\(k.account):\($0)" } }
        let byType = ["stream": streams, "consumer": consumers, "kmsKey": keys, "key": keys, "alias": aliases]

        var byResource: [String: Set<String>] = [:]
        var order: [String] = []
        func note(_ resource: String, _ action: String) {
            if byResource[resource] == nil { order.append(resource) }
            byResource[resource, default: []].insert(action)
        }
        for action in ServiceCatalog.aws.allActions {
            let types = action.resourceTypes.map(\.name)
            let list = types.isEmpty ? ["*"] : types.flatMap { byType[$0] ?? [] }
            for r in list { note(r, action.fullName) }
        }
        for g in spec.allowedGrants { note(g.resource, g.action) }
        // One target per resource and service: which policies bear on a request depends on
        // both (a key policy binds kms: actions on a key, not kinesis: ones naming it).
        targets = order.flatMap { r -> [Target] in
            let outside = Self.isOutsideWorld(r, definition)
            let byService = Dictionary(grouping: byResource[r, default: []]) { $0.split(separator: ":").first.map(String.init) ?? "" }
            return byService.keys.sorted().map { service in
                Target(resource: r, outsideWorld: outside, actions: byService[service, default: []].sorted())
            }
        }
    }
}
