import IAMPolicy
import KinesisSim

/// IAM's policy simulator over the query protocol: SimulateCustomPolicy and
/// SimulatePrincipalPolicy, answered in IAM's XML.
extension ServiceState {
    /// The simulator's input from query parameters (`ActionNames.member.N`, `ContextEntries.member.N.ContextKeyName`, …).
    static func simulationInput(_ q: QueryRequest, policies: [String], callerArn: String?) throws(QueryError) -> CustomPolicySimulationInput {
        var entries: [ContextEntry] = []
        for i in q.memberIndexes("ContextEntries") {
            let prefix = "ContextEntries.member.\(i)."
            guard let name = q[prefix + "ContextKeyName"] else { throw .missing("ContextKeyName") }
            var type = ContextKeyType.string
            if let t = q[prefix + "ContextKeyType"] {
                guard let parsed = ContextKeyType(rawValue: t) else {
                    throw QueryError("ValidationError", "1 validation error detected: Value '\(t)' at 'contextEntries.\(i).member.contextKeyType' failed to satisfy constraint: Member must satisfy enum value set: [\(ContextKeyType.allCases.map(\.rawValue).joined(separator: ", "))]")
                }
                type = parsed
            }
            entries.append(ContextEntry(name: name, values: q.list(prefix + "ContextKeyValues"), type: type))
        }
        var maxItems: Int?
        if let m = q["MaxItems"] {
            guard let n = Int(m), n >= 1, n <= 1000 else {
                throw QueryError("ValidationError", "1 validation error detected: Value '\(m)' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000")
            }
            maxItems = n
        }
        let resources = q.list("ResourceArns")
        return CustomPolicySimulationInput(
            policyInputList: policies, permissionsBoundaryPolicyInputList: q.list("PermissionsBoundaryPolicyInputList"),
            actionNames: q.list("ActionNames"), resourceArns: resources.isEmpty ? ["*"] : resources,
            resourcePolicy: q["ResourcePolicy"], resourceOwner: q["ResourceOwner"], callerArn: callerArn,
            contextEntries: entries, maxItems: maxItems, marker: q["Marker"])
    }

    /// Runs the simulator; `names` renames `PolicyInputList.N` sources to (id, type) as
    /// SimulatePrincipalPolicy reports them.
    static func simulate(_ input: CustomPolicySimulationInput, names: [String: (id: String, type: String)]) throws(QueryError) -> [XMLNode] {
        let response: SimulationResponse
        do {
            response = try CustomPolicySimulator().simulate(input)
        } catch {
            switch error.kind {
            case .malformedPolicyDocument: throw QueryError("MalformedPolicyDocument", error.policyError?.error.message ?? error.message)
            case .invalidInput: throw QueryError("InvalidInput", error.message)
            case .parameterValidation: throw QueryError("ValidationError", error.message)
            }
        }
        var results: [XMLNode] = []
        for result in response.results {
            results.append(XMLNode.from(name: "member", json: renamed(result.jsonValue, names), maps: ["EvalDecisionDetails"]))
        }
        var out: [XMLNode] = [.element("EvaluationResults", results), .text("IsTruncated", response.isTruncated ? "true" : "false")]
        if let marker = response.marker { out.append(.text("Marker", marker)) }
        return out
    }

    /// `json` with each `SourcePolicyId`/`SourcePolicyType` pair renamed through `names`.
    private static func renamed(_ json: JSONValue, _ names: [String: (id: String, type: String)]) -> JSONValue {
        guard !names.isEmpty else { return json }
        switch json.kind {
        case .array(let elements):
            return .array(elements.map { renamed($0, names) })
        case .object(let members):
            if let id = json["SourcePolicyId"]?.stringValue, let name = names[id] {
                return .object(members.map { m in
                    switch m.key {
                    case "SourcePolicyId": ("SourcePolicyId", .string(name.id))
                    case "SourcePolicyType": ("SourcePolicyType", .string(name.type))
                    default: (m.key, m.value)
                    }
                })
            }
            return .object(members.map { ($0.key, renamed($0.value, names)) })
        default:
            return json
        }
    }

    /// SimulatePrincipalPolicy: the user's or role's own policies (plus any `PolicyInputList`),
    /// its permissions boundary, with the user as the caller.
    func simulatePrincipal(_ source: String, _ q: QueryRequest) throws(QueryError) -> [XMLNode] {
        guard let principal = Principal(arn: source), principal.kind == .user || principal.kind == .role,
              let name = source.split(separator: "/").last.map(String.init) else {
            throw QueryError("InvalidInput", "Invalid ARN: \(source). Provide the ARN of a user, group or role.")
        }
        let account = principal.account
        let policies: [NamedPolicy]
        let boundary: NamedPolicy?
        let kind: String
        if principal.kind == .user {
            guard let user = world.accounts[account]?.users[name] else { throw .noSuchEntity("The user with name \(name) cannot be found.") }
            (policies, boundary, kind) = (user.policies, user.permissionsBoundary, "user")
        } else {
            guard let role = world.accounts[account]?.roles[name] else { throw .noSuchEntity("The role with name \(name) cannot be found.") }
            (policies, boundary, kind) = (role.policies, role.permissionsBoundary, "role")
        }
        var names: [String: (id: String, type: String)] = [:]
        for (i, p) in policies.enumerated() {
            let managed = managedPolicies[p.name]
            let type = managed == nil ? kind : (p.name.hasPrefix("arn:aws:iam::aws:") ? "aws-managed" : "user-managed")
            names["PolicyInputList.\(i + 1)"] = (managed?.name ?? p.name, type)
        }
        var input = try Self.simulationInput(q, policies: policies.map(\.text) + q.list("PolicyInputList"),
                                             callerArn: q["CallerArn"] ?? (principal.kind == .user ? source : nil))
        if input.permissionsBoundaryPolicyInputList.isEmpty, let boundary {
            input.permissionsBoundaryPolicyInputList = [boundary.text]
            names["PermissionsBoundaryPolicyInputList.1"] = (boundary.name, "permissions boundary")
        }
        if input.policyInputList.isEmpty {
            // The simulator needs one policy; a principal without any is denied everything.
            input.policyInputList = [#"{"Version":"2012-10-17","Statement":[]}"#]
        }
        return try Self.simulate(input, names: names)
    }
}
