import IAMPolicy

/// Makes named mutants of a policy: each a plausible wrong answer one edit away from it,
/// the kind a lab's checks should refuse (widened actions, resources and principals, a
/// dropped Condition or statement, a Deny turned into an Allow, `NotAction`).
///
/// Mutants are made by editing the parsed JSON and writing it out again, so every mutant
/// is valid JSON. Mutations that cannot change what the policy grants (an action that is
/// already a wildcard, a resource that is already `*`) are not made.
public struct PolicyMutator: Sendable {
    /// The account whose root a Principal is widened to when the Principal names none.
    public var account: String
    /// Whether statements have a Principal to widen (resource, key and trust policies).
    /// Such policies are attached to the one resource they govern, so their Resource is not
    /// widened: `*` there means that resource (and a key policy must say `*`).
    public var mutatesPrincipals: Bool

    /// Creates a mutator.
    public init(account: String, mutatesPrincipals: Bool) {
        self.account = account
        self.mutatesPrincipals = mutatesPrincipals
    }

    /// A mutator for the policy that fills `slot`, or `nil` for quiz answers.
    public init?(slot: SubmissionSlot, account: String) {
        switch slot {
        case .answers: return nil
        case .identityPolicy: self.init(account: account, mutatesPrincipals: false)
        case .streamPolicy, .keyPolicy, .trustPolicy: self.init(account: account, mutatesPrincipals: true)
        }
    }

    /// Every mutant of `text`, in statement order; none when `text` is not a JSON object
    /// with a `Statement`.
    public func mutations(of text: String) -> [PolicyMutation] {
        guard let root = try? JSONReader().read(text), let rootMembers = root.members,
              let slot = rootMembers.firstIndex(where: { $0.key == "Statement" }) else { return [] }
        let single = rootMembers[slot].value.members != nil
        let statements = single ? [rootMembers[slot].value] : (rootMembers[slot].value.elements ?? [])

        var out: [PolicyMutation] = []
        for (i, statement) in statements.enumerated() where statement.members != nil {
            let label = "statement \(i + 1)" + (statement["Sid"]?.stringValue.map { " (\($0))" } ?? "")
            var edits: [Edit] = []
            switch statement["Effect"]?.stringValue {
            case "Allow": edits = allowEdits(statement, label: label, alone: statements.count == 1)
            case "Deny": edits = denyEdits(statement, label: label, alone: statements.count == 1)
            default: continue
            }
            for edit in edits {
                var changed = statements
                if let replacement = edit.statement { changed[i] = replacement } else { changed.remove(at: i) }
                if let added = edit.added { changed.insert(added, at: edit.statement == nil ? i : i + 1) }
                var members = rootMembers
                members[slot].value = single && changed.count == 1 ? changed[0] : .array(changed)
                let text = JSONWriter.string(JSONValue(.object(members), range: root.range), pretty: true) + "\n"
                out.append(PolicyMutation(kind: edit.kind, name: edit.name, statement: i + 1, line: edit.at.start.line,
                                          column: edit.at.start.column, text: text))
            }
        }
        return out
    }

    /// One change to one statement: its replacement, or `nil` to remove the statement, and a
    /// statement to add after it.
    private struct Edit {
        var kind: PolicyMutation.Kind
        var name: String
        var at: SourceRange
        var statement: JSONValue?
        var added: JSONValue? = nil
    }

    private func allowEdits(_ s: JSONValue, label: String, alone: Bool) -> [Edit] {
        var edits: [Edit] = []
        if let action = s.member("Action") {
            let actions = action.value.stringList
            let asList = { (list: [String]) -> JSONValue in
                action.value.stringValue != nil && list.count == 1 ? .string(list[0]) : .array(list.map(JSONValue.string))
            }
            var services: Set<String> = []
            for (a, range) in actions where a != "*" {
                let parts = a.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[1] != "*", services.insert(parts[0].lowercased()).inserted else { continue }
                let widened = "\(parts[0]):*"
                let list = actions.map { $0.value == a ? widened : $0.value }
                edits.append(Edit(kind: .widenActionToService, name: "widen Action \(a) to \(widened)", at: range,
                                  statement: s.setting("Action", to: asList(list))))
            }
            // In a resource-based policy, `kms:*` on a key (or `kinesis:*` on a stream) already
            // grants every action that can apply to the resource: `*` would be no wider.
            let onlyServiceWildcards = mutatesPrincipals && actions.allSatisfy { $0.value.hasSuffix(":*") }
            if let first = actions.first, !actions.contains(where: { $0.value == "*" }), !onlyServiceWildcards {
                let what = actions.count == 1 ? "Action \(first.value)" : "Action of \(label)"
                edits.append(Edit(kind: .widenActionToAll, name: "widen \(what) to *", at: first.range,
                                  statement: s.setting("Action", to: .string("*"))))
            }
            edits.append(Edit(kind: .actionToNotAction, name: "replace Action with NotAction in \(label)",
                              at: action.keyRange, statement: s.renaming("Action", to: "NotAction")))
            if !actions.contains(where: { $0.value == "*" }), !onlyServiceWildcards,
               let copy = s.removing("Sid").removing("Condition").setting("Action", to: .string("*"))
                    .addingCondition("Bool", key: "aws:MultiFactorAuthPresent", value: "true") {
                edits.append(Edit(kind: .addConditionalAllow, name: "add an Allow of * beside \(label) under Bool aws:MultiFactorAuthPresent true",
                                  at: action.keyRange, statement: s, added: copy))
            }
        }
        if !mutatesPrincipals, let resource = s.member("Resource") {
            let resources = resource.value.stringList
            if let first = resources.first, !resources.contains(where: { $0.value == "*" }),
               !Self.onlyResourcelessActions(s) {
                let what = resources.count == 1 ? "Resource \(first.value)" : "Resource of \(label)"
                edits.append(Edit(kind: .widenResourceToAll, name: "widen \(what) to *", at: first.range,
                                  statement: s.setting("Resource", to: .string("*"))))
            }
            for (r, range) in resources where !Glob.hasWildcard(r) && r.contains("/") {
                let widened = r + "*"
                let list = resources.map { $0.value == r ? widened : $0.value }
                let value: JSONValue = resource.value.stringValue != nil ? .string(widened) : .array(list.map(JSONValue.string))
                edits.append(Edit(kind: .widenResourceNameSuffix, name: "widen Resource \(r) to \(widened)", at: range,
                                  statement: s.setting("Resource", to: value)))
            }
            for (r, range) in resources {
                guard let widened = Self.nameWildcard(r) else { continue }
                let list = resources.map { $0.value == r ? widened : $0.value }
                let value: JSONValue = resource.value.stringValue != nil ? .string(widened) : .array(list.map(JSONValue.string))
                edits.append(Edit(kind: .widenResourceName, name: "widen Resource \(r) to \(widened)", at: range,
                                  statement: s.setting("Resource", to: value)))
            }
        }
        if mutatesPrincipals, let principal = s.member("Principal") {
            let p = principal.value
            let everyone = p.stringValue == "*" || p["AWS"]?.stringValue == "*"
            if !everyone {
                edits.append(Edit(kind: .widenPrincipalToAll, name: "widen Principal to *", at: principal.keyRange,
                                  statement: s.setting("Principal", to: .string("*"))))
                let named = (p["AWS"]?.stringList.map(\.value) ?? []).compactMap { ARN(parsing: $0) }
                    .filter { $0.resource.hasPrefix("role/") || $0.resource.hasPrefix("user/") }
                if let first = named.first,
                   let pinned = s.setting("Principal", to: .string("*"))
                    .addingCondition("ArnLike", key: "aws:PrincipalArn", value: "arn:\(first.partition):iam::*:\(first.resource)") {
                    edits.append(Edit(kind: .widenPrincipalByARNPattern,
                                      name: "widen Principal to * with ArnLike aws:PrincipalArn arn:\(first.partition):iam::*:\(first.resource)",
                                      at: principal.keyRange, statement: pinned))
                }
                let root = "arn:aws:iam::\(principalAccount(p)):root"
                let aws = p["AWS"]?.stringList.map(\.value) ?? []
                if aws != [root] {
                    edits.append(Edit(kind: .widenPrincipalToAccountRoot, name: "widen Principal to \(root)",
                                      at: principal.keyRange, statement: s.setting("Principal", to: .object([("AWS", .string(root))]))))
                }
            }
        }
        if let condition = s.member("Condition") {
            edits.append(Edit(kind: .dropCondition, name: "drop the Condition of \(label)", at: condition.keyRange,
                              statement: s.removing("Condition")))
        }
        if !alone {
            edits.append(Edit(kind: .removeStatement, name: "remove \(label)", at: s.range, statement: nil))
        }
        return edits
    }

    private func denyEdits(_ s: JSONValue, label: String, alone: Bool) -> [Edit] {
        var edits: [Edit] = []
        if let effect = s.member("Effect") {
            edits.append(Edit(kind: .flipDenyToAllow, name: "flip \(label) from Deny to Allow", at: effect.value.range,
                              statement: s.setting("Effect", to: .string("Allow"))))
        }
        if let condition = s.member("Condition") {
            edits.append(Edit(kind: .dropCondition, name: "drop the Condition of \(label)", at: condition.keyRange,
                              statement: s.removing("Condition")))
        }
        if let escaped = s.addingCondition("BoolIfExists", key: "aws:ViaAWSService", value: "false") {
            edits.append(Edit(kind: .addConditionToDeny, name: "add BoolIfExists aws:ViaAWSService false to Deny \(label)",
                              at: s.member("Effect")?.keyRange ?? s.range, statement: escaped))
        }
        if !alone {
            edits.append(Edit(kind: .dropDenyStatement, name: "drop Deny \(label)", at: s.range, statement: nil))
        }
        return edits
    }

    /// The account a Principal names (its first AWS ARN's or account id's), else ``account``.
    private func principalAccount(_ principal: JSONValue) -> String {
        for (value, _) in principal["AWS"]?.stringList ?? [] {
            if value.count == 12, value.allSatisfy(\.isNumber) { return value }
            if let arn = ARN(parsing: value), let account = arn.namedAccount { return account }
        }
        return account
    }

    /// `arn:…:stream/orders` → `arn:…:stream/*`: the resource's last name segment as `*`;
    /// `nil` when the ARN has no name segment or it is already `*`.
    static func nameWildcard(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, let slash = parts[5].lastIndex(of: "/") else { return nil }
        let name = parts[5][parts[5].index(after: slash)...]
        guard !name.isEmpty, name != "*" else { return nil }
        return parts[0..<5].joined(separator: ":") + ":" + parts[5][...slash] + "*"
    }

    /// Whether every action of the statement is a known action that takes no resource
    /// (so widening its Resource to `*` changes nothing).
    static func onlyResourcelessActions(_ s: JSONValue) -> Bool {
        let actions = s["Action"]?.stringList.map(\.value) ?? []
        return !actions.isEmpty && actions.allSatisfy { ServiceCatalog.aws.action($0)?.resourceTypes.isEmpty == true }
    }
}
