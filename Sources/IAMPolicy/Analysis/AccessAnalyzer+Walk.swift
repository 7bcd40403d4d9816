/// The walk over principals, actions, resources and contexts that ``AccessAnalyzer`` runs.
struct Walk {
    let analyzer: AccessAnalyzer
    let scope: AnalysisScope
    var facts: PolicyFacts { analyzer.facts }
    var model: RequestModel { analyzer.models[0] }
    /// Partitions already computed, by their inputs.
    var partitions: [PartitionKey: LanguagePartition] = [:]
    /// Resources already chosen for a partition.
    var resourceTargets: [TargetKey: [Target]] = [:]

    /// Which caller's resources of which shape (policy variables make them depend on the caller).
    struct TargetKey: Hashable {
        var caller: String
        var domain: StringLanguage
    }
    /// Decisions made so far, against the budget.
    var evaluations = 0
    static let evaluationBudget = 3_000_000

    /// What a partition was computed from.
    struct PartitionKey: Hashable {
        var domain: StringLanguage
        var patterns: [StringLanguage]
    }

    init(analyzer: AccessAnalyzer, scope: AnalysisScope) {
        self.analyzer = analyzer
        self.scope = scope
    }

    /// A caller the walk tries: a known principal, or a stand-in for a class of unknown ones.
    struct Caller {
        var principal: Principal
        /// The known principal in each model (same ARN), when it is a known one.
        var known: [ModelPrincipal]?
        /// The ARN policies name it by.
        var namedARN: String
    }

    mutating func run(_ body: (AccessAnalyzer.Sample) -> Bool) throws(AnalysisUnknown) {
        let callers = try principals()
        let actions = try actionClasses()
        for caller in callers {
            for action in actions {
                let resources = try resourcesFor(action: action, caller: caller)
                for resource in resources {
                    guard try contexts(caller: caller, action: action, resource: resource, body) else { return }
                }
            }
        }
    }

    /// The identity policy assumed for a principal the world does not know: it allows
    /// everything, so that what a resource policy grants it is never hidden.
    static let anyIdentity = AttachedPolicy(id: "any identity policy (assumed)", policy: compile(
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, .identity))
    /// The resource policy assumed for a resource the world does not know where only its
    /// own policy could let the caller in (another account's stream, a role's trust): it
    /// trusts the caller's account, so an identity policy that allows is enough — what the
    /// caller's own policies grant on it is never hidden, and nothing is granted on the
    /// assumption alone.
    static func consentingPolicy(to account: String, partition: String) -> AttachedPolicy? {
        guard !account.isEmpty else { return nil }
        return AttachedPolicy(id: "policy of a resource the world does not know (assumed to trust \(account))", sourceType: .resource,
            policy: compile(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:"# + partition
                + ":iam::" + account + #":root"},"Action":"*","Resource":"*"}]}"#, .resource))
    }

    /// KMS's default key policy for a key of `account` the world does not know: it delegates
    /// to the account's IAM policies.
    static func defaultKeyPolicy(_ account: String, partition: String) -> AttachedPolicy {
        AttachedPolicy(id: "default key policy (assumed)", sourceType: .resource, policy: compile(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:"# + partition + ":iam::" + account
                + #":root"},"Action":"kms:*","Resource":"*"}]}"#, .resource))
    }

    private static func compile(_ text: String, _ type: PolicyType) -> CompiledPolicy {
        // The texts above are fixed and valid; a parse failure is a programming error.
        guard let p = try? PolicyParser(type: type).parse(text) else { preconditionFailure("built-in policy does not parse: \(text)") }
        return CompiledPolicy(p)
    }
}
