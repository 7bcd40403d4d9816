/// IAM Access Analyzer's custom policy checks (CheckNoNewAccess, CheckAccessNotGranted,
/// CheckNoPublicAccess), answered offline and exactly by ``AccessAnalyzer``.
///
/// Each check attaches the policy to a small world and asks the analysis about every
/// request of it:
/// - an identity policy to one role, `arn:aws:iam::111122223333:role/analyzed`, calling as a
///   session with either kind of credentials; resources of its account need only its Allow,
///   and the analysis assumes another account's resources admit it;
/// - a resource policy (a trust policy too) to one resource: a stream, consumer or key its
///   `Resource` names (or a made-up one), or the role `analyzed`; every principal of every
///   account, services and anonymous callers included, is asked about.
///
/// A request counts as granted by the policy when it is allowed and the policy has an Allow
/// among the statements that allow it: what the unknown callers' own identity policies would
/// grant (the analysis assumes they allow everything) is never the policy's grant.
/// When the analysis cannot decide (``AnalysisUnknown``) the result is FAIL with `unknown`
/// set: never PASS.
public struct CustomPolicyChecks: Sendable {
    /// The catalog whose actions action wildcards stand for.
    public let catalog: ServiceCatalog

    /// Creates the checks.
    public init(catalog: ServiceCatalog = .aws) {
        self.catalog = catalog
    }

    /// The role an identity policy under check is attached to.
    static let analyzedRole = "arn:aws:iam::111122223333:role/analyzed"

    /// Whether `new` allows any request that `existing` does not (CheckNoNewAccess).
    /// `policyType` is `.identity` or `.resource` (`.trust` reads both as trust policies).
    public func checkNoNewAccess(new: String, existing: String, policyType: PolicyType) throws(CustomPolicyCheckError) -> PolicyCheckResult {
        let check = CustomPolicyCheck.noNewAccess
        let newPolicy = try parse(new, member: "newPolicyDocument", type: policyType, check: check)
        let oldPolicy = try parse(existing, member: "existingPolicyDocument", type: policyType, check: check)
        let world = _CheckWorld(policies: [newPolicy, oldPolicy], type: policyType, catalog: catalog)
        let analyzer = AccessAnalyzer(models: world.models(), catalog: catalog)
        var scope = world.scope()
        if case .resource(let kind) = world.attachment { scope.actions = kind.actions(in: catalog) }
        return decide(check, world: world, analyzer: analyzer, scope: scope) { s in
            guard let grants = world.grants(s, model: 0), world.grants(s, model: 1) == nil else { return nil }
            return grants
        }
    }

    /// Whether `policy` can allow any of `access`'s actions (on its resources, when given)
    /// in some request context (CheckAccessNotGranted). `access` holds one entry with up to
    /// 100 actions and 100 resources, at least one of either.
    public func checkAccessNotGranted(policy: String, access: [(actions: [String], resources: [String])],
                                      policyType: PolicyType) throws(CustomPolicyCheckError) -> PolicyCheckResult {
        let check = CustomPolicyCheck.accessNotGranted
        guard !access.isEmpty else { throw .length(check, member: "access", "greater than or equal to 1") }
        guard access.count == 1 else { throw .length(check, member: "access", "less than or equal to 1") }
        let entry = access[0]
        guard entry.actions.count <= 100 else { throw .length(check, member: "access.1.member.actions", "less than or equal to 100") }
        guard entry.resources.count <= 100 else { throw .length(check, member: "access.1.member.resources", "less than or equal to 100") }
        guard !entry.actions.isEmpty || !entry.resources.isEmpty else {
            throw CustomPolicyCheckError(.validation, check, "An access entry must list at least one action or resource.")
        }
        for r in entry.resources where r != "*" {
            guard let arn = ARN(parsing: r) else {
                throw CustomPolicyCheckError(.validation, check, "The resource `\(r)` is not an ARN.")
            }
            if [arn.partition, arn.service, arn.region, arn.account].contains(where: Glob.hasWildcard) {
                throw CustomPolicyCheckError(.validation, check,
                    "You can only use a wildcard in the portion of the ARN that specifies the resource ID: `\(r)`.")
            }
        }
        let envelope = try Self.envelope(actions: entry.actions, resources: entry.resources, check: check)
        let parsed = try parse(policy, member: "policyDocument", type: policyType, check: check)
        var world = _CheckWorld(policies: [parsed], type: policyType, catalog: catalog)
        let literalActions = !entry.actions.isEmpty && !entry.actions.contains(where: Glob.hasWildcard)
        var scope = world.scope()
        scope.actions = literalActions ? entry.actions : nil
        if case .resource = world.attachment {
            // The policy is attached to each listed resource (a pattern filled in).
            let named = entry.resources.compactMap { r -> String? in
                r == "*" ? nil : Glob.hasWildcard(r) ? ARN(parsing: r).flatMap(AnalyzedResourceKind.filledIn) : r
            }
            if !named.isEmpty { world.resources = named }
            scope.resources = world.resources
        } else if !entry.resources.isEmpty && !entry.resources.contains(where: Glob.hasWildcard) {
            scope.resources = entry.resources
        }
        let analyzer = AccessAnalyzer(models: world.models(), extraPolicies: [envelope], catalog: catalog)
        return decide(check, world: world, analyzer: analyzer, scope: scope) { s in
            guard Self.matches(s.request, actions: entry.actions, resources: entry.resources) else { return nil }
            return world.grants(s, model: 0)
        }
    }

    /// Whether a resource policy can grant access to the public (CheckNoPublicAccess).
    /// `resourceType` is one of ``PolicyCheckResourceType``'s raw values.
    public func checkNoPublicAccess(policy: String, resourceType: String) throws(CustomPolicyCheckError) -> PolicyCheckResult {
        let check = CustomPolicyCheck.noPublicAccess
        guard let type = PolicyCheckResourceType(rawValue: resourceType) else {
            throw .notInEnum(check, value: resourceType, member: "resourceType", valid: PolicyCheckResourceType.allCases.map(\.rawValue))
        }
        let policyType: PolicyType = type == .assumeRolePolicyDocument ? .trust : .resource
        let parsed = try parse(policy, member: "policyDocument", type: policyType, check: check)
        let world = _CheckWorld(policies: [parsed], type: policyType, kind: type.kind, catalog: catalog)
        let analyzer = AccessAnalyzer(models: world.models(), catalog: catalog)
        var scope = world.scope()
        scope.actions = type.kind.actions(in: catalog)
        scope.fixedContext = Self.strangerContext
        let written = Self.writtenAccounts(parsed.policy)
        let owners = Set(world.resources.compactMap { ARN(parsing: $0)?.namedAccount })
        return decide(check, world: world, analyzer: analyzer, scope: scope) { s in
            guard let grants = world.grants(s, model: 0) else { return nil }
            let p = s.request.principal
            switch p.kind {
            case .anonymous:
                return grants
            case .service:
                // AWS's services are not the public: Access Analyzer reports no access for
                // service principals. A service acting for a stranger is pinned by the
                // aws:Source* keys, which strangerContext holds absent.
                return nil
            case .user, .role, .assumedRole, .root:
                if s.knownPrincipal || owners.contains(p.account) || written.contains(p.account) { return nil }
                return grants
            }
        }
    }

    /// The context keys held at a stranger's values before public access is decided: the
    /// keys that pin a caller to a network, an organization, a source, or an identity.
    ///
    /// `aws:SourceIp` is deliberately not among them: a stranger can call from any address,
    /// so an IP condition is not taken to limit the public (the safer choice; AWS leaves it
    /// open whether a public range counts as limiting).
    static let strangerContext: [String: ContextValue?] = [
        "aws:SourceVpce": nil, "aws:SourceVpc": nil, "aws:VpcSourceIp": nil,
        "aws:PrincipalOrgID": nil, "aws:PrincipalOrgPaths": nil,
        "aws:SourceAccount": nil, "aws:SourceArn": nil, "aws:SourceOwner": nil,
        "aws:userid": .string("AIDAKDSLABSTRANGER01"),
    ]

    /// The 12-digit account ids written in a policy's `Principal` entries and condition
    /// values: callers of those accounts are named, not public.
    static func writtenAccounts(_ policy: Policy) -> Set<String> {
        var out: Set<String> = []
        for s in policy.statements {
            for e in s.principal?.set.entries ?? [] { out.formUnion(accountIds(in: e.value)) }
            for c in s.conditions {
                for v in c.values { out.formUnion(accountIds(in: v.text)) }
            }
        }
        return out
    }

    /// Every run of exactly twelve digits in `text`.
    static func accountIds(in text: String) -> Set<String> {
        var out: Set<String> = []
        var run = ""
        for c in text + " " {
            if c.isASCII && c.isNumber { run.append(c); continue }
            if run.count == 12 { out.insert(run) }
            run = ""
        }
        return out
    }

    /// Whether `request` is one of the listed actions on one of the listed resources
    /// (an empty list admits everything).
    static func matches(_ request: AuthorizationRequest, actions: [String], resources: [String]) -> Bool {
        let actionOK = actions.isEmpty || actions.contains { Glob.matches($0, request.action, caseInsensitive: true) }
        let resourceOK = resources.isEmpty || resources.contains { $0 == "*" || Glob.matches($0, request.resource) }
        return actionOK && resourceOK
    }

    /// A policy allowing exactly the listed access, whose patterns the analysis's
    /// partitions must respect so that one request decides each class of them.
    static func envelope(actions: [String], resources: [String], check: CustomPolicyCheck) throws(CustomPolicyCheckError) -> CompiledPolicy {
        let statement = JSONValue.object([
            ("Effect", .string("Allow")),
            ("Action", .array((actions.isEmpty ? ["*"] : actions).map { .string($0) })),
            ("Resource", .array((resources.isEmpty ? ["*"] : resources).map { .string($0) })),
        ])
        let text = JSONWriter.string(.object([("Version", .string("2012-10-17")), ("Statement", .array([statement]))]))
        do {
            return CompiledPolicy(try PolicyParser(type: .identity).parse(text))
        } catch {
            throw CustomPolicyCheckError(.validation, check, "The access entry is not valid: \(error.detail)")
        }
    }
}
