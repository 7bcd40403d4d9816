import Testing
@testable import IAMPolicy

@Suite("Properties: robustness and monotonicity")
struct RobustnessPropertyTests {
    /// Runs everything a learner's policy goes through; it must return, never trap.
    private func exercise(_ set: PolicySet, _ request: AuthorizationRequest) -> AuthorizationResult {
        let result = Authorizer().authorize(request, against: set)
        // The fast path decides by the same rules as the full result.
        #expect(Authorizer().decision(for: request, against: set) == result.decision)
        let trace = Authorizer().trace(request, against: set)
        let explanation = Explanation(result, trace: trace)
        #expect(!explanation.summary.isEmpty)
        if result.decision == .allowed {
            #expect(result.accessDeniedMessage == nil)
            #expect(result.denial == nil)
        } else {
            #expect(result.accessDeniedMessage != nil)
            #expect(result.denial?.explicit == (result.decision == .explicitDeny))
        }
        #expect(result.decision != .explicitDeny || result.matchedStatements.allSatisfy { $0.effect == .deny })
        return result
    }

    @Test("random policies never crash parse, compile, authorize, trace or explain", arguments: 0..<4)
    func randomPoliciesNeverCrash(_ seed: UInt64) throws {
        var g = RandomPolicies(seed: 0xA11CE + seed)
        for _ in 0..<500 {
            let set = try g.policySet()
            for policy in set.identityPolicies {
                // Round trip holds for generated policies as well.
                let encoded = JSONWriter.string(policy.policy.source.jsonValue)
                #expect(try PolicyParser().parse(encoded).jsonValue.withoutRanges == policy.policy.source.jsonValue.withoutRanges)
            }
            _ = exercise(set, g.request(crossAccount: g.chance(0.2)))
        }
    }

    @Test("random bytes never crash the parser", arguments: 0..<4)
    func randomBytesNeverCrash(_ seed: UInt64) {
        var rng = SeededGenerator(seed: 0xB17E5 + seed)
        let interesting = Array(#"{}[]":,*?$\ntrue"#.utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xE2, 0x82]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...120, using: &rng)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            _ = try? JSONReader().read(bytes: bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            for type in PolicyType.allCases {
                let (policy, errors) = PolicyParser(type: type).diagnose(text)
                #expect(policy == nil || errors.isEmpty)
            }
        }
    }

    @Test("mutated valid policies never crash the parser, and what still parses evaluates", arguments: 0..<4)
    func mutatedPoliciesNeverCrash(_ seed: UInt64) {
        var g = RandomPolicies(seed: 0x3D17 + seed)
        let alphabet = Array(#"{}[]":,*?${ }aA0-/\"#)
        for _ in 0..<1_000 {
            var chars = Array(g.policy(principal: g.chance(0.3)))
            for _ in 0..<g.int(1...4) where !chars.isEmpty {
                let i = g.int(0...(chars.count - 1))
                switch g.int(0...3) {
                case 0: chars.remove(at: i)
                case 1: chars.insert(g.pick(alphabet), at: i)
                case 2: chars[i] = g.pick(alphabet)
                default:
                    let j = g.int(0...(chars.count - 1))
                    chars.swapAt(i, j)
                }
            }
            let text = String(chars)
            for type in [PolicyType.identity, .resource] {
                let (policy, errors) = PolicyParser(type: type).diagnose(text)
                for e in errors { #expect(e.range.start.line >= 1 && e.range.start.column >= 1) }
                if let policy {
                    let set = type == .identity
                        ? PolicySet(identityPolicies: [AttachedPolicy(id: "p", policy: CompiledPolicy(policy))])
                        : PolicySet(resourcePolicy: AttachedPolicy(id: "p", policy: CompiledPolicy(policy)))
                    _ = exercise(set, g.request())
                }
            }
        }
    }

    @Test("adding a Deny never turns a non-allowed decision into allowed", arguments: 0..<4)
    func addingDenyNeverAllows(_ seed: UInt64) throws {
        var g = RandomPolicies(seed: 0xDE17 + seed)
        for _ in 0..<500 {
            var set = try g.policySet()
            let request = g.request(crossAccount: g.chance(0.3))
            let before = Authorizer().authorize(request, against: set).decision
            let deny = JSONWriter.string(.object([("Version", .string("2012-10-17")),
                                                  ("Statement", .array([g.statement(effect: "Deny")]))]))
            set.identityPolicies.append(try AttachedPolicy(id: "added", text: deny))
            let after = Authorizer().authorize(request, against: set).decision
            if before != .allowed { #expect(after != .allowed, "\(deny)") }
            if before == .explicitDeny { #expect(after == .explicitDeny) }
        }
    }

    @Test("adding an Allow never turns an allowed decision into a denial", arguments: 0..<4)
    func addingAllowNeverDenies(_ seed: UInt64) throws {
        var g = RandomPolicies(seed: 0xA110 + seed)
        for _ in 0..<500 {
            var set = try g.policySet()
            let request = g.request(crossAccount: g.chance(0.3))
            let before = Authorizer().authorize(request, against: set).decision
            let allow = JSONWriter.string(.object([("Version", .string("2012-10-17")),
                                                   ("Statement", .array([g.statement(effect: "Allow")]))]))
            // Wherever it is added: identity, boundary, session or resource policy.
            switch g.int(0...2) {
            case 0: set.identityPolicies.append(try AttachedPolicy(id: "added", text: allow))
            case 1: set.sessionPolicies?.append(try AttachedPolicy(id: "added", text: allow))
            default: set.serviceControlPolicies?[0].append(try AttachedPolicy(id: "added", text: allow, type: .serviceControl))
            }
            let after = Authorizer().authorize(request, against: set).decision
            if before == .allowed { #expect(after == .allowed, "\(allow)") }
            if before == .explicitDeny { #expect(after == .explicitDeny) }
        }
    }
}
