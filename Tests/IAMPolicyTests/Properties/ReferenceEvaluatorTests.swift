import Testing
@testable import IAMPolicy

/// A deliberately naive evaluator written straight from the spec (§2, §3, §7.1) for a subset:
/// identity policies and a permissions boundary in one account; String*, Bool, Null,
/// IfExists and set qualifiers; no variables. It reads the JSON itself, globs by recursion
/// and shares nothing with `Authorizer` but the JSON reader.
enum NaiveIAM {
    static func glob(_ p: Substring, _ t: Substring) -> Bool {
        guard let c = p.first else { return t.isEmpty }
        if c == "*" { return glob(p.dropFirst(), t) || (!t.isEmpty && glob(p, t.dropFirst())) }
        guard let d = t.first else { return false }
        return (c == "?" || c == d) && glob(p.dropFirst(), t.dropFirst())
    }

    static func strings(_ v: JSONValue?) -> [String] {
        guard let v else { return [] }
        switch v.kind {
        case .string(let s): return [s]
        case .bool(let b): return [b ? "true" : "false"]
        case .number(let n): return [n]
        case .array(let e): return e.flatMap { strings($0) }
        default: return []
        }
    }

    static func statements(_ policy: String) -> [JSONValue] {
        let root = try! JSONReader().read(policy)
        let s = root["Statement"]!
        return s.elements ?? [s]
    }

    static func actionMatches(_ s: JSONValue, _ action: String) -> Bool {
        if let a = s["Action"] { return strings(a).contains { glob(Substring($0.lowercased()), Substring(action.lowercased())) } }
        return !strings(s["NotAction"]).contains { glob(Substring($0.lowercased()), Substring(action.lowercased())) }
    }

    static func resourceMatches(_ s: JSONValue, _ resource: String) -> Bool {
        func one(_ p: String) -> Bool {
            if p == "*" { return true }
            if resource == "*" { return false }  // a concrete pattern never matches the `*` of resource-less actions
            return glob(Substring(p), Substring(resource))
        }
        if let r = s["Resource"] { return strings(r).contains(where: one) }
        return !strings(s["NotResource"]).contains(where: one)
    }

    static func conditionHolds(op name: String, key: String, policyValues: [String], context: RequestContext) -> Bool {
        var rest = Substring(name)
        var qualifier: String?
        for q in ["ForAllValues:", "ForAnyValue:"] where rest.hasPrefix(q) {
            qualifier = q
            rest = rest.dropFirst(q.count)
        }
        let ifExists = rest.hasSuffix("IfExists")
        if ifExists { rest = rest.dropLast(8) }
        let base = String(rest)
        let present = context[key]
        let values = present?.values ?? []
        if base == "Null" {
            let absent = values.isEmpty
            return policyValues.contains { ($0.lowercased() == "true") == absent }
        }
        let negated = base.contains("Not")
        if present == nil || (values.isEmpty && qualifier == nil) {
            if ifExists { return true }
            if qualifier == "ForAllValues:" { return true }
            if qualifier == "ForAnyValue:" { return false }
            return negated
        }
        func positive(_ v: String, _ p: String) -> Bool {
            switch base {
            case "StringEquals", "StringNotEquals": return v == p
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase": return v.lowercased() == p.lowercased()
            case "StringLike", "StringNotLike": return glob(Substring(p), Substring(v))
            case "Bool": return ["true", "false"].contains(v.lowercased()) && v.lowercased() == p.lowercased()
            default: return false
            }
        }
        func satisfies(_ v: String) -> Bool {
            let any = policyValues.contains { positive(v, $0) }
            return negated ? !any : any
        }
        if qualifier == "ForAllValues:" { return values.allSatisfy(satisfies) }
        return values.contains(where: satisfies)
    }

    static func applies(_ s: JSONValue, _ r: AuthorizationRequest) -> Bool {
        guard actionMatches(s, r.action), resourceMatches(s, r.resource) else { return false }
        for op in s["Condition"]?.members ?? [] {
            for k in op.value.members ?? [] where !conditionHolds(op: op.key, key: k.key, policyValues: strings(k.value), context: r.context) {
                return false
            }
        }
        return true
    }

    /// §7.1 without resource policies, sessions or SCPs.
    static func decide(identity: [String], boundary: String?, _ r: AuthorizationRequest) -> Decision {
        let all = identity.flatMap(statements) + (boundary.map(statements) ?? [])
        if all.contains(where: { $0["Effect"]?.stringValue == "Deny" && applies($0, r) }) { return .explicitDeny }
        let identityAllows = identity.flatMap(statements).contains { $0["Effect"]?.stringValue == "Allow" && applies($0, r) }
        let boundaryAllows = boundary.map { statements($0).contains { $0["Effect"]?.stringValue == "Allow" && applies($0, r) } } ?? true
        return identityAllows && boundaryAllows ? .allowed : .implicitDeny
    }
}

@Suite("Properties: the naive reference evaluator agrees with Authorizer")
struct ReferenceEvaluatorTests {
    @Test("seeded random (policy, request) pairs decide the same", arguments: 0..<8)
    func agreesOnRandomPairs(_ seed: UInt64) throws {
        var g = RandomPolicies(seed: 0x5EED_0000 + seed)
        var decisions: [Decision: Int] = [:]
        for _ in 0..<1_000 {
            let identity = (0..<g.int(1...2)).map { _ in g.policy() }
            let boundary = g.chance(0.25) ? g.policy() : nil
            let request = g.request()
            var set = PolicySet()
            for (i, text) in identity.enumerated() { set.identityPolicies.append(try AttachedPolicy(id: "identity[\(i)]", text: text)) }
            if let boundary { set.permissionsBoundary = try AttachedPolicy(id: "boundary", text: boundary) }
            let real = Authorizer().authorize(request, against: set).decision
            let naive = NaiveIAM.decide(identity: identity, boundary: boundary, request)
            decisions[real, default: 0] += 1
            #expect(real == naive, "\(request.action) on \(request.resource) ctx=\(request.context) identity=\(identity) boundary=\(boundary ?? "-")")
        }
        // The generator reaches every decision, so agreement means something.
        #expect(decisions.count == 3, "\(decisions)")
    }
}
