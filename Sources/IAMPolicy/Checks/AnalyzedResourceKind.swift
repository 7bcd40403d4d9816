/// The kinds of resource a resource-based policy under check can be attached to, and how
/// the check picks the one resource it attaches the policy to.
enum AnalyzedResourceKind: Sendable, Equatable {
    case stream, consumer, key, role

    /// The account a made-up resource lives in.
    static let account = "111122223333"
    /// The region a made-up resource lives in.
    static let region = "us-east-1"

    /// A resource of this kind when the policy names none.
    var madeUp: String {
        switch self {
        case .stream: "arn:aws:kinesis:us-east-1:111122223333:stream/analyzed"
        case .consumer: "arn:aws:kinesis:us-east-1:111122223333:stream/analyzed/consumer/analyzed:1767225600"
        case .key: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        case .role: "arn:aws:iam::111122223333:role/analyzed"
        }
    }

    /// Whether `arn` (a pattern is fine) names a resource of this kind.
    func names(_ arn: ARN) -> Bool {
        switch self {
        case .stream: arn.service == "kinesis" && arn.resource.hasPrefix("stream/") && !arn.resource.contains("/consumer/")
        case .consumer: arn.service == "kinesis" && arn.resource.hasPrefix("stream/") && arn.resource.contains("/consumer/")
        case .key: arn.service == "kms" && arn.resource.hasPrefix("key/")
        case .role: arn.service == "iam" && arn.resource.hasPrefix("role/")
        }
    }

    /// The actions a policy on this kind of resource can grant: its service's actions in
    /// the catalog (the STS role actions for a role). Other actions never reach the policy.
    func actions(in catalog: ServiceCatalog) -> [String] {
        switch self {
        case .stream, .consumer: catalog.service(prefix: "kinesis")?.actions.map(\.fullName) ?? []
        case .key: catalog.service(prefix: "kms")?.actions.map(\.fullName) ?? []
        case .role: Walk.stsRoleActions
        }
    }

    /// The kind a `RESOURCE_POLICY` is about when no resource type is given: the first
    /// Resource ARN of a known kind, else a key when every action is KMS's, else a stream.
    static func inferred(from policies: [Policy], trust: Bool) -> AnalyzedResourceKind {
        if trust { return .role }
        for p in policies {
            for s in p.statements {
                guard case .resource(let patterns)? = s.resource else { continue }
                for r in patterns {
                    guard let arn = ARN(parsing: r.text) else { continue }
                    for kind in [AnalyzedResourceKind.consumer, .stream, .key] where kind.names(arn) { return kind }
                }
            }
        }
        let actions = policies.flatMap { $0.statements.flatMap { $0.action.patterns.map { $0.text.lowercased() } } }
        if !actions.isEmpty && actions.allSatisfy({ $0.hasPrefix("kms:") }) { return .key }
        return .stream
    }

    /// The resource the policy is attached to: the first `Resource` ARN of this kind
    /// without wildcards; else the first with wildcards, filled in (`*` becomes
    /// `analyzed`, a wildcard account `111122223333`, a wildcard region `us-east-1`);
    /// else ``madeUp``.
    func chosen(from policies: [Policy]) -> String {
        var filled: String?
        for p in policies {
            for s in p.statements {
                guard case .resource(let patterns)? = s.resource else { continue }
                for r in patterns {
                    guard let arn = ARN(parsing: r.text), names(arn), !Glob.hasWildcard(arn.service) else { continue }
                    if !Glob.hasWildcard(r.text) { return r.text }
                    if filled == nil, let f = Self.filledIn(arn), Glob.matches(r.text, f), let a = ARN(parsing: f), names(a) {
                        filled = f
                    }
                }
            }
        }
        return filled ?? madeUp
    }

    /// `pattern` with its wildcards filled in, field by field.
    static func filledIn(_ pattern: ARN) -> String? {
        func fill(_ field: String, preferring value: String, star: String, one: String) -> String {
            guard Glob.hasWildcard(field) else { return field }
            if Glob.matches(field, value) { return value }
            var out = ""
            for c in field { out += c == "*" ? star : c == "?" ? one : String(c) }
            return out
        }
        let partition = fill(pattern.partition, preferring: "aws", star: "aws", one: "a")
        let region = fill(pattern.region, preferring: region, star: "", one: "a")
        let account = fill(pattern.account, preferring: account, star: "", one: "1")
        let resource = fill(pattern.resource, preferring: "", star: "analyzed", one: "a")
        return ARN(partition: partition, service: pattern.service, region: region, account: account, resource: resource).description
    }
}
