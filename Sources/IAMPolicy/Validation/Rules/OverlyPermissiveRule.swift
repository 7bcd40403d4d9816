/// `kinesis:*`, `kms:*` or `*` on `Resource: "*"` in an Allow: every action on every resource.
struct OverlyPermissiveRule: _ValidationRule {
    func check(_ context: _ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.policy.statements {
            guard let (star, starIndex) = Self.wildcardResource(s) else { continue }
            for (j, a) in s.action.patterns.enumerated() {
                guard let scope = Self.serviceWideScope(a, context) else { continue }
                let locations = [
                    context.location(context.actionPath(s, j), a.range),
                    context.location(context.resourcePath(s, starIndex), star.range),
                ]
                findings.append(Finding(
                    .overlyPermissive,
                    "`\(a.text)` on `Resource: \"\(star.text)\"` in \(s.label) grants \(scope); name only the actions and ARNs the role needs.",
                    at: locations))
            }
        }
        return findings
    }

    /// The `*` resource of an Allow with `Action` and `Resource`, if it has one.
    static func wildcardResource(_ s: Statement) -> (ResourcePattern, Int)? {
        guard s.effect == .allow, case .action = s.action, case .resource(let resources)? = s.resource else { return nil }
        for (j, r) in resources.enumerated() where isAllStars(r.text) { return (r, j) }
        return nil
    }

    /// What a service-wide pattern (`*`, `kinesis:*`) grants, in words; `nil` for narrower patterns.
    static func serviceWideScope(_ a: ActionPattern, _ context: _ValidationContext) -> String? {
        if isAllStars(a.text) {
            return "every action of every AWS service on every resource in the account, including `kinesis:DeleteStream`, `kinesis:PutResourcePolicy` and `kms:ScheduleKeyDeletion`"
        }
        guard let service = a.service, isAllStars(a.name), let definition = context.catalog.service(prefix: service) else {
            return nil
        }
        switch definition.prefix {
        case "kinesis":
            return "every Kinesis action on every stream in the account, including `kinesis:DeleteStream` and `kinesis:PutResourcePolicy`"
        case "kms":
            return "every KMS action on every key in the account, including `kms:ScheduleKeyDeletion` and `kms:PutKeyPolicy`"
        default:
            return "every \(definition.name) action on every resource in the account"
        }
    }

    static func isAllStars(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: "*") }
    }
}
