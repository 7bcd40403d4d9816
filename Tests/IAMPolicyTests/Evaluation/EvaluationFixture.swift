import Foundation
import Testing
@testable import IAMPolicy

/// One row of `Fixtures/evaluation/*.json`: policies, a request and the expected decision.
struct EvaluationFixture: Sendable {
    /// The file's name without `.json`.
    let file: String
    /// The row as read.
    let value: JSONValue

    var name: String { value["name"]?.stringValue ?? "?" }

    /// Where the fixture files live inside the test bundle.
    static var directory: URL {
        get throws {
            let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            return root.appendingPathComponent("evaluation")
        }
    }

    /// Every row of `file`.json; an unreadable file yields no rows (and the test that reads
    /// it fails loudly through `load`).
    static func all(in file: String) -> [EvaluationFixture] {
        (try? load(file)) ?? []
    }

    /// The names of every row of `file`.json, for `@Test(arguments:)`.
    static func names(in file: String) -> [String] {
        let rows = all(in: file)
        return rows.isEmpty ? ["<\(file).json could not be read>"] : rows.map(\.name)
    }

    static func load(_ file: String) throws -> [EvaluationFixture] {
        let url = try directory.appendingPathComponent(file + ".json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let root = try JSONReader(limits: .init(maxBytes: 4_000_000, maxDepth: 64)).read(text)
        guard let rows = root.elements else { return [] }
        return rows.map { EvaluationFixture(file: file, value: $0) }
    }

    /// The fixture files, by topic.
    static let files = [
        "actions-and-wildcards", "resources-and-arns", "condition-string", "condition-numeric",
        "condition-date", "condition-bool-null", "condition-ip", "condition-arn", "condition-binary",
        "set-qualifiers", "ifexists-and-missing-keys", "variables", "not-elements",
        "combining-and-deny", "cross-account", "boundary-and-session", "course-policies",
    ]

    /// The text of a policy given as an object or as a string.
    static func policyText(_ v: JSONValue) -> String {
        v.stringValue ?? JSONWriter.string(v)
    }

    /// Every policy text the row holds, with the type it is parsed as.
    var policyTexts: [(label: String, text: String, type: PolicyType)] {
        var out: [(String, String, PolicyType)] = []
        for (i, p) in (value["identityPolicies"]?.elements ?? []).enumerated() {
            out.append(("identity[\(i)]", Self.policyText(p), .identity))
        }
        if let b = value["boundary"] { out.append(("boundary", Self.policyText(b), .identity)) }
        if let r = value["resourcePolicy"] { out.append(("resource", Self.policyText(r), .resource)) }
        for (i, p) in (value["sessionPolicies"]?.elements ?? []).enumerated() {
            out.append(("session[\(i)]", Self.policyText(p), .identity))
        }
        for (l, level) in (value["scps"]?.elements ?? []).enumerated() {
            for (i, p) in (level.elements ?? []).enumerated() {
                out.append(("scp[\(l)][\(i)]", Self.policyText(p), .serviceControl))
            }
        }
        return out
    }

    /// Parses every policy and builds the request.
    func scenario() throws -> (AuthorizationRequest, PolicySet) {
        var set = PolicySet()
        func attach(_ v: JSONValue, _ id: String, _ type: PolicyType) throws -> AttachedPolicy {
            do {
                return try AttachedPolicy(id: id, text: Self.policyText(v), type: type)
            } catch {
                Issue.record("\(file)/\(name): \(id) does not parse: \(error)")
                throw error
            }
        }
        for (i, p) in (value["identityPolicies"]?.elements ?? []).enumerated() {
            set.identityPolicies.append(try attach(p, "identity[\(i)]", .identity))
        }
        if let b = value["boundary"] { set.permissionsBoundary = try attach(b, "boundary", .identity) }
        if let r = value["resourcePolicy"] { set.resourcePolicy = try attach(r, "resource", .resource) }
        if let s = value["sessionPolicies"]?.elements {
            set.sessionPolicies = try s.enumerated().map { try attach($1, "session[\($0)]", .identity) }
        }
        if let levels = value["scps"]?.elements {
            set.serviceControlPolicies = try levels.enumerated().map { l, level in
                try (level.elements ?? []).enumerated().map { try attach($1, "scp[\(l)][\($0)]", .serviceControl) }
            }
        }
        let callerArn = value["caller"]?.stringValue ?? "arn:aws:iam::111122223333:user/alice"
        let principal = try #require(Principal(arn: callerArn), "caller \(callerArn) is not a principal ARN")
        var context = RequestContext()
        for m in value["context"]?.members ?? [] {
            let type = try #require(ContextKeyType(rawValue: m.value["type"]?.stringValue ?? "string"))
            let values = (m.value["values"]?.elements ?? []).compactMap(\.stringValue)
            context[m.key] = ContextValue(type: type, values: values)
        }
        let request = AuthorizationRequest(
            principal: principal,
            action: try #require(value["action"]?.stringValue),
            resource: try #require(value["resource"]?.stringValue),
            resourceAccount: value["resourceAccount"]?.stringValue,
            context: context)
        return (request, set)
    }

    /// Runs the row and records every difference from what it expects.
    func check() throws {
        let (request, set) = try scenario()
        let result = Authorizer().authorize(request, against: set)
        let expected = try #require(value["expect"]?.stringValue.flatMap(Decision.init(rawValue:)))
        #expect(result.decision == expected, "\(file)/\(name)")
        if let matched = value["matched"]?.elements {
            let want = matched.map { "\($0["policy"]?.stringValue ?? "?")#\($0["statement"].flatMap(\.numberText) ?? "?")" }
            let got = result.matchedStatements.map { "\($0.policyId)#\($0.statementIndex)" }
            #expect(Set(got) == Set(want), "\(file)/\(name): matched statements")
        }
        if let missing = value["missing"]?.elements {
            let want = Set(missing.compactMap { $0.stringValue?.lowercased() })
            #expect(Set(result.missingContextKeys.map { $0.lowercased() }) == want, "\(file)/\(name): missing keys")
        }
        if let denial = value["denial"] {
            let kind = try #require(denial["kind"]?.stringValue.flatMap(PolicyKind.init(rawValue:)))
            let explicit = denial["explicit"].map { $0.kind == .bool(true) } ?? (expected == .explicitDeny)
            #expect(result.denial == Denial(explicit: explicit, kind: kind), "\(file)/\(name): denial")
        }
        if expected == .allowed { #expect(result.denial == nil) }
    }
}

extension JSONValue {
    /// A number's literal text, when the value is a number.
    var numberText: String? {
        if case .number(let n) = kind { return n }
        return nil
    }
}
