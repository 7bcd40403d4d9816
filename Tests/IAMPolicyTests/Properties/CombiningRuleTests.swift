import Testing
@testable import IAMPolicy

/// The combining rule (spec §7), exhaustively over every list of up to three abstract
/// statements. Each statement sits in one slot (identity, boundary, or resource policy —
/// the latter naming the caller's user ARN or its account), is Allow or Deny, and applies
/// to the request or not. Every list is judged in one account and across accounts.
@Suite("Properties: the combining rule")
struct CombiningRuleTests {
    enum Slot: CaseIterable { case identity, boundary, resourceToUser, resourceToAccount }

    struct Abstract: CustomStringConvertible {
        let slot: Slot
        let allow: Bool
        let applies: Bool
        var description: String { "\(slot)/\(allow ? "Allow" : "Deny")/\(applies ? "applies" : "misses")" }
    }

    static let alphabet: [Abstract] = Slot.allCases.flatMap { slot in
        [true, false].flatMap { allow in [true, false].map { Abstract(slot: slot, allow: allow, applies: $0) } }
    }

    static func lists(upTo n: Int) -> [[Abstract]] {
        var all: [[Abstract]] = [[]]
        var frontier: [[Abstract]] = [[]]
        for _ in 0..<n {
            frontier = frontier.flatMap { list in alphabet.map { list + [$0] } }
            all += frontier
        }
        return all
    }

    /// The truth table of §7.1 (one account) and §7.2 (across accounts).
    static func expected(_ list: [Abstract], crossAccount: Bool) -> Decision {
        let applying = list.filter(\.applies)
        if applying.contains(where: { !$0.allow }) { return .explicitDeny }
        let identity = applying.contains { $0.slot == .identity }
        let hasBoundary = list.contains { $0.slot == .boundary }
        let boundary = !hasBoundary || applying.contains { $0.slot == .boundary }
        let toUser = applying.contains { $0.slot == .resourceToUser }
        let toAccount = applying.contains { $0.slot == .resourceToAccount }
        if crossAccount {
            return identity && boundary && (toUser || toAccount) ? .allowed : .implicitDeny
        }
        if toUser { return .allowed }  // rule 4: a grant to the user ARN stands alone
        return identity && boundary ? .allowed : .implicitDeny
    }

    static func policySet(_ list: [Abstract], resource: String) throws -> PolicySet {
        func statement(_ a: Abstract, principal: String?) -> JSONValue {
            var m: [(String, JSONValue)] = [("Effect", .string(a.allow ? "Allow" : "Deny"))]
            if let principal { m.append(("Principal", .object([("AWS", .string(principal))]))) }
            m.append(("Action", .string(a.applies ? "kinesis:PutRecord" : "kinesis:GetRecords")))
            m.append(("Resource", .string(resource)))
            return .object(m)
        }
        func policy(_ statements: [JSONValue]) -> String? {
            statements.isEmpty ? nil
                : JSONWriter.string(.object([("Version", .string("2012-10-17")), ("Statement", .array(statements))]))
        }
        var set = PolicySet()
        if let text = policy(list.filter { $0.slot == .identity }.map { statement($0, principal: nil) }) {
            set.identityPolicies = [try AttachedPolicy(id: "identity", text: text)]
        }
        if let text = policy(list.filter { $0.slot == .boundary }.map { statement($0, principal: nil) }) {
            set.permissionsBoundary = try AttachedPolicy(id: "boundary", text: text)
        }
        let resourceStatements = list.compactMap { a -> JSONValue? in
            switch a.slot {
            case .resourceToUser: statement(a, principal: "arn:aws:iam::111122223333:user/alice")
            case .resourceToAccount: statement(a, principal: "111122223333")
            default: nil
            }
        }
        if let text = policy(resourceStatements) {
            set.resourcePolicy = try AttachedPolicy(id: "resource", text: text, type: .resource)
        }
        return set
    }

    @Test("every list of up to three abstract statements decides per the truth table", arguments: [false, true])
    func combiningRuleIsExhaustivelyRight(_ crossAccount: Bool) throws {
        let resource = "arn:aws:kinesis:us-east-1:\(crossAccount ? "444455556666" : "111122223333"):stream/orders"
        let request = AuthorizationRequest(
            principal: Principal(arn: "arn:aws:iam::111122223333:user/alice")!, action: "kinesis:PutRecord", resource: resource)
        let lists = Self.lists(upTo: 3)
        #expect(lists.count == 1 + 16 + 256 + 4096)
        var failures = 0
        for list in lists {
            let set = try Self.policySet(list, resource: resource)
            let got = Authorizer().authorize(request, against: set).decision
            #expect(Authorizer().decision(for: request, against: set) == got)
            let want = Self.expected(list, crossAccount: crossAccount)
            if got != want {
                failures += 1
                if failures <= 10 { Issue.record("\(list) cross=\(crossAccount): got \(got), want \(want)") }
            }
        }
        #expect(failures == 0)
    }
}
