/// One deliberate change to a reference solution's policy, as mutation testing makes it: a
/// plausible wrong answer that the lab's checks should refuse.
public struct PolicyMutation: Sendable, Equatable {
    /// What kind of change it is.
    public var kind: Kind
    /// A stable name that says what changed: `widen Action kinesis:PutRecord to kinesis:*`.
    public var name: String
    /// The 1-based index of the statement changed.
    public var statement: Int
    /// Where the changed element is written in the original text (1-based).
    public var line: Int
    /// The column.
    public var column: Int
    /// The mutated policy, pretty-printed.
    public var text: String

    /// Creates a mutation.
    public init(kind: Kind, name: String, statement: Int, line: Int, column: Int, text: String) {
        self.kind = kind
        self.name = name
        self.statement = statement
        self.line = line
        self.column = column
        self.text = text
    }

    /// The kinds of change the mutator makes.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An Allow's action becomes its service's wildcard (`kinesis:PutRecord` → `kinesis:*`).
        case widenActionToService = "widen-action-to-service"
        /// An Allow's action becomes `*`.
        case widenActionToAll = "widen-action-to-all"
        /// An Allow's resource becomes `*`.
        case widenResourceToAll = "widen-resource-to-all"
        /// The name part of an Allow's resource becomes a wildcard (`stream/orders` → `stream/*`).
        case widenResourceName = "widen-resource-name"
        /// A statement loses its Condition block.
        case dropCondition = "drop-condition"
        /// A Deny statement becomes an Allow.
        case flipDenyToAllow = "flip-deny-to-allow"
        /// A Deny statement is removed.
        case dropDenyStatement = "drop-deny-statement"
        /// An Allow statement is removed.
        case removeStatement = "remove-statement"
        /// An Allow's `Action` becomes `NotAction` with the same list.
        case actionToNotAction = "action-to-notaction"
        /// An Allow's Principal (resource and trust policies) becomes `*`.
        case widenPrincipalToAll = "widen-principal-to-all"
        /// An Allow's Principal becomes the whole account (`arn:aws:iam::ACCOUNT:root`).
        case widenPrincipalToAccountRoot = "widen-principal-to-account-root"
        /// A copy of an Allow for every action, under a condition a sampled check never meets
        /// (`Bool aws:MultiFactorAuthPresent true`), is added beside it.
        case addConditionalAllow = "add-conditional-allow"
        /// A Deny gains a condition that leaves a way round it (`BoolIfExists aws:ViaAWSService false`).
        case addConditionToDeny = "add-condition-to-deny"
        /// An Allow's resource name gains a trailing `*` (`stream/orders` → `stream/orders*`).
        case widenResourceNameSuffix = "widen-resource-name-suffix"
        /// An Allow's Principal becomes `*` pinned only by `aws:PrincipalArn` with any account
        /// (`arn:aws:iam::*:role/NAME`): anyone may create a role of that name.
        case widenPrincipalByARNPattern = "widen-principal-by-arn-pattern"

        /// How bad it is for a lab to accept this mutant.
        ///
        /// The policy: a surviving mutant is an **error** when the answer it makes grants every
        /// action, every resource or every principal (`*`, or `NotAction`, which grants all
        /// but a few — in some context, or to anyone who names a role so), or turns a
        /// guardrail into a grant or gives it a way round (Deny → Allow, a bypass condition). Those are the answers
        /// IAM Access Analyzer flags as overly permissive, and no lab may accept them whatever
        /// it teaches. The other kinds are narrower (one service's wildcard, a name wildcard,
        /// a missing Condition or statement, the account root): how much they matter depends on
        /// what the lab teaches, so their survival is a **warning** the author should read.
        public var survivalSeverity: LabProblem.Severity {
            switch self {
            case .widenActionToAll, .widenResourceToAll, .actionToNotAction, .widenPrincipalToAll, .flipDenyToAllow,
                 .addConditionalAllow, .widenPrincipalByARNPattern, .addConditionToDeny:
                .error
            case .widenActionToService, .widenResourceName, .dropCondition, .dropDenyStatement, .removeStatement,
                 .widenPrincipalToAccountRoot, .widenResourceNameSuffix:
                .warning
            }
        }

        /// What kind of check would fail such a mutant, for the author.
        public var advice: String {
            switch self {
            case .widenActionToService, .widenActionToAll, .widenResourceToAll, .widenResourceName, .actionToNotAction,
                 .addConditionalAllow, .widenResourceNameSuffix:
                "add a check that fails it (an exact-access check catches most)"
            case .widenPrincipalToAll, .widenPrincipalToAccountRoot, .widenPrincipalByARNPattern:
                "add an access check as another principal that expects `denied`"
            case .dropCondition:
                "add an access check over the connection or context the Condition is there for"
            case .flipDenyToAllow, .dropDenyStatement, .addConditionToDeny:
                "add an access check the Deny must refuse (expect `explicitDeny`)"
            case .removeStatement:
                "add an access or workload check that needs what the statement grants"
            }
        }
    }
}
