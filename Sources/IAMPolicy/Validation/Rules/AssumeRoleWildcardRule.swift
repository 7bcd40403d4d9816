/// A wildcard STS action in a role's trust policy (`sts:AssumeRole*`, `sts:*`, `*`) that
/// reaches more than one way to assume the role: besides `sts:AssumeRole`, it lets the
/// trusted principals assume the role with SAML or web-identity federation.
///
/// Our code: Access Analyzer has no check for it. A SECURITY_WARNING, as it grants more
/// than the author named. The catalog does not detail STS, so the actions are matched by name.
struct AssumeRoleWildcardRule: _ValidationRule {
    /// The actions that assume a role.
    static let assumeActions = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"]
    /// The other STS actions a trust policy governs, for the message.
    static let sessionActions = ["sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext"]

    func check(_ context: _ValidationContext) -> [Finding] {
        guard context.type == .trust else { return [] }
        var findings: [Finding] = []
        for s in context.policy.statements where s.effect == .allow {
            guard case .action(let patterns) = s.action else { continue }
            for (j, p) in patterns.enumerated() where Glob.hasWildcard(p.text) {
                let assumes = Self.assumeActions.filter { Glob.matches(p.text, $0, caseInsensitive: true) }
                guard assumes.count > 1 else { continue }
                let reached = (assumes + Self.sessionActions.filter { Glob.matches(p.text, $0, caseInsensitive: true) })
                    .filter { $0 != "sts:AssumeRole" }
                findings.append(Finding(
                    .assumeRoleActionsViaWildcard,
                    "`\(p.text)` in \(s.label) also grants \(_ValidationContext.list(reached)), so the role can be assumed in more ways than `sts:AssumeRole`; name the STS actions the trusted principals need.",
                    path: context.actionPath(s, j), span: p.range))
            }
        }
        return findings
    }
}
