/// A trust policy that lets anyone assume the role: an Allow of an `sts:AssumeRole*`
/// action to `"Principal": "*"` or `{"AWS": "*"}` with no condition that pins the caller.
/// Any AWS account in the world can then get the role's credentials.
///
/// Our code, an ERROR (the role is public). Access Analyzer's nearest check,
/// `ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL`, reports the bare `"*"` whatever
/// the conditions; its external-access findings report public roles.
///
/// The keys that pin the caller are those Access Analyzer reports for a principal
/// (access-analysis.md): a condition on one of them pins the caller when its operator is
/// positive, without `IfExists` or `ForAllValues:` (both true when the key is absent), and
/// none of its values is a bare wildcard, a `/0` address range, or an ARN with a wildcard
/// account (`arn:aws:iam::*:role/x` can be any account's role).
struct PublicTrustRule: _ValidationRule {
    /// Lower-cased.
    static let pinningKeys: Set<String> = [
        "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceip", "aws:sourcevpc",
        "aws:sourcevpce", "aws:userid", "aws:username", "kms:calleraccount",
    ]

    func check(_ context: _ValidationContext) -> [Finding] {
        guard context.type == .trust else { return [] }
        var findings: [Finding] = []
        for s in context.policy.statements where s.effect == .allow {
            guard case .principal(let set)? = s.principal, Self.reachesAssume(s.action) else { continue }
            let span: SourceRange
            if set.isBareWildcard {
                span = set.range
            } else if let anyone = set.entries.first(where: { $0.type == .aws && OverlyPermissiveRule.isAllStars($0.value) }) {
                span = anyone.range
            } else {
                continue
            }
            guard !s.conditions.contains(where: Self.pinsCaller) else { continue }
            findings.append(Finding(
                .publicTrustPolicy,
                "The Allow in \(s.label) lets any AWS principal, in any account, assume the role; name the trusted principals, or pin the caller with a condition on `aws:PrincipalArn`, `aws:PrincipalAccount` or `aws:PrincipalOrgID`.",
                path: context.path(s) + [.value("Principal")], span: span))
        }
        return findings
    }

    /// Whether the statement's actions include a way to assume the role.
    static func reachesAssume(_ clause: ActionClause) -> Bool {
        let assumes = AssumeRoleWildcardRule.assumeActions
        switch clause {
        case .action(let patterns):
            return assumes.contains { a in patterns.contains { Glob.matches($0.text, a, caseInsensitive: true) } }
        case .notAction(let patterns):
            return assumes.contains { a in !patterns.contains { Glob.matches($0.text, a, caseInsensitive: true) } }
        }
    }

    /// Whether `c` limits who the caller can be.
    static func pinsCaller(_ c: Condition) -> Bool {
        guard pinningKeys.contains(c.normalizedKey), c.op.base != .null, !c.op.base.isNegated, !c.op.ifExists,
              c.op.qualifier != .forAllValues, !c.values.isEmpty else { return false }
        return c.values.allSatisfy { v in
            let text = v.text
            if OverlyPermissiveRule.isAllStars(text) { return false }
            if c.op.base.family == .ip { return CIDRBlock(parsing: text).map { $0.prefixLength > 0 } ?? false }
            if c.normalizedKey == "aws:principalarn" || c.normalizedKey == "aws:sourcearn" {
                guard let arn = ARN(parsing: text) else { return false }
                return !arn.account.isEmpty && !Glob.hasWildcard(arn.account)
            }
            return true
        }
    }
}
