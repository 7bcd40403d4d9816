import Testing
@testable import IAMPolicy

/// A small grammar of realistic policies and requests (Kinesis and KMS actions, wildcards,
/// ARNs, conditions with keys that may be absent), drawn from a seeded generator.
struct RandomPolicies {
    var rng: SeededGenerator

    static let account = "111122223333"
    static let other = "444455556666"
    static let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
    static let key = "arn:aws:kms:us-east-1:111122223333:key/k1"
    static let alice = "arn:aws:iam::111122223333:user/alice"

    static let actions = [
        "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:GetRecords", "kinesis:GetResourcePolicy",
        "kinesis:PutResourcePolicy", "kinesis:ListStreams", "kinesis:UpdateShardCount",
        "kinesis:DescribeStreamSummary", "kms:Decrypt", "kms:GenerateDataKey",
    ]
    static let actionPatterns = actions + [
        "kinesis:*", "kinesis:Get*", "kinesis:Put*", "kinesis:*Records", "kinesis:?etRecords", "*", "kms:*",
        "KINESIS:putrecord", "kinesis:PutRecord?", "kms:Generate*",
    ]
    static let resources = [
        orders, "arn:aws:kinesis:us-east-1:111122223333:stream/clicks",
        "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/app:1525898737",
        "arn:aws:kinesis:us-east-1:111122223333:stream/orders-archive", key, "*",
    ]
    static let resourcePatterns = [
        orders, "arn:aws:kinesis:us-east-1:111122223333:stream/*", "arn:aws:kinesis:us-east-1:111122223333:stream/orders*",
        "*", key, "arn:aws:kinesis:*:111122223333:stream/orders", "arn:aws:kinesis:us-east-1:111122223333:stream/order?",
        "arn:aws:kms:*", "arn:aws:kinesis:us-east-1:111122223333:stream/ORDERS", "arn:aws:kinesis:us-east-1:*:*",
    ]
    /// Condition keys the reference evaluator understands, with their value pools.
    static let stringKeys = ["aws:SourceVpce", "aws:PrincipalTag/team"]
    static let stringValues = ["vpce-1", "vpce-2", "VPCE-1", "vpce-*", "vpce-?", "data", "Data", "d*", "*", ""]
    static let requestStrings = ["vpce-1", "vpce-2", "VPCE-1", "vpce-*", "data", "DATA", "ops", ""]
    static let tagValues = ["env", "team", "cost", "Env"]
    static let stringOps: [BaseConditionOperator] = [
        .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .stringLike, .stringNotLike,
    ]

    init(seed: UInt64) {
        rng = SeededGenerator(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
    mutating func some<T>(_ xs: [T], max: Int = 3) -> [T] { (0..<int(1...max)).map { _ in pick(xs) } }

    /// A string or, sometimes, an array of strings.
    mutating func list(_ xs: [String]) -> JSONValue {
        xs.count == 1 && chance(0.5) ? .string(xs[0]) : .array(xs.map { .string($0) })
    }

    mutating func condition() -> (String, JSONValue) {
        switch int(0...3) {
        case 0, 1:
            var name = pick(Self.stringOps).rawValue
            if chance(0.25) { name += "IfExists" }
            let key = pick(Self.stringKeys)
            return (name, .object([(chance(0.2) ? key.uppercased() : key, list(some(Self.stringValues, max: 2)))]))
        case 2:
            let value: JSONValue = chance(0.3) ? .bool(chance(0.5)) : .string(pick(["true", "false"]))
            return (chance(0.3) ? "BoolIfExists" : "Bool", .object([("aws:SecureTransport", value)]))
        default:
            if chance(0.3) {
                return ("Null", .object([(pick(["aws:SourceVpce", "aws:TagKeys", "aws:SecureTransport"]), .string(pick(["true", "false"])))]))
            }
            let q = pick(["ForAllValues:", "ForAnyValue:"])
            let op = pick([BaseConditionOperator.stringEquals, .stringNotEquals, .stringLike, .stringNotLike]).rawValue
            return (q + op + (chance(0.15) ? "IfExists" : ""), .object([("aws:TagKeys", list(some(Self.tagValues + ["e*"], max: 2)))]))
        }
    }

    mutating func statement(effect: String? = nil, principal: Bool = false) -> JSONValue {
        var m: [(String, JSONValue)] = [("Effect", .string(effect ?? (chance(0.35) ? "Deny" : "Allow")))]
        if principal {
            let who = pick(["*", Self.account, Self.alice, "arn:aws:iam::111122223333:root", Self.other,
                            "arn:aws:iam::111122223333:user/bob"])
            m.append((chance(0.1) ? "NotPrincipal" : "Principal", who == "*" && chance(0.5) ? .string("*") : .object([("AWS", .string(who))])))
        }
        m.append((chance(0.15) ? "NotAction" : "Action", list(some(Self.actionPatterns))))
        m.append((chance(0.15) ? "NotResource" : "Resource", list(some(Self.resourcePatterns))))
        if chance(0.5) {
            var ops: [(String, JSONValue)] = []
            for _ in 0..<int(1...2) {
                let (name, body) = condition()
                if !ops.contains(where: { $0.0 == name }) { ops.append((name, body)) }
            }
            m.append(("Condition", .object(ops)))
        }
        return .object(m)
    }

    mutating func policy(principal: Bool = false) -> String {
        let statements = (0..<int(1...3)).map { _ in statement(principal: principal) }
        let body: JSONValue = statements.count == 1 && chance(0.3) ? statements[0] : .array(statements)
        return JSONWriter.string(.object([("Version", .string("2012-10-17")), ("Statement", body)]))
    }

    mutating func context() -> RequestContext {
        var c = RequestContext()
        for key in Self.stringKeys where chance(0.6) { c[key] = .string(pick(Self.requestStrings)) }
        if chance(0.6) { c["aws:SecureTransport"] = ContextValue(type: .boolean, values: [pick(["true", "false"])]) }
        if chance(0.6) { c["aws:TagKeys"] = .stringList((0..<int(0...3)).map { _ in pick(Self.tagValues) }) }
        return c
    }

    mutating func request(crossAccount: Bool = false) -> AuthorizationRequest {
        var resource = pick(Self.resources)
        if crossAccount && resource != "*" { resource = resource.replacingOccurrences(of: Self.account, with: Self.other) }
        let caller = chance(0.8) ? Self.alice : "arn:aws:sts::111122223333:assumed-role/producer/s1"
        return AuthorizationRequest(
            principal: Principal(arn: caller)!, action: chance(0.2) ? pick(Self.actions).uppercased() : pick(Self.actions),
            resource: resource, context: context())
    }

    /// A whole policy set: identity policies and, sometimes, a resource policy, boundary,
    /// session policies and SCPs.
    mutating func policySet() throws -> PolicySet {
        var set = PolicySet()
        for i in 0..<int(0...2) {
            set.identityPolicies.append(try AttachedPolicy(id: "identity[\(i)]", text: policy()))
        }
        if chance(0.4) { set.resourcePolicy = try AttachedPolicy(id: "resource", text: policy(principal: true), type: .resource) }
        if chance(0.3) { set.permissionsBoundary = try AttachedPolicy(id: "boundary", text: policy()) }
        if chance(0.15) { set.sessionPolicies = [try AttachedPolicy(id: "session", text: policy())] }
        if chance(0.15) {
            set.serviceControlPolicies = [[try AttachedPolicy(id: "scp", text: policy(), type: .serviceControl)]]
        }
        return set
    }
}
