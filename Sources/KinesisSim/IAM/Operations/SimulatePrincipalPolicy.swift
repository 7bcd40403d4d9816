import IAMPolicy

/// `SimulatePrincipalPolicy`'s input.
public struct SimulatePrincipalPolicyInput: Sendable, Equatable {
    /// `PolicySourceArn` (required): the user or role whose policies are simulated.
    public var policySourceArn: String?
    /// The simulation's members; `PolicyInputList` adds to the principal's own policies.
    public var parameters: SimulationParameters

    /// Creates an input.
    public init(policySourceArn: String?, _ parameters: SimulationParameters) {
        self.policySourceArn = policySourceArn
        self.parameters = parameters
    }
}

extension KinesisWorld {
    /// `iam:SimulatePrincipalPolicy`: the simulator over a user's or role's own policies
    /// (inline, then attached managed ones, plus any `PolicyInputList`) and its permissions
    /// boundary, with a user as the caller.
    public func simulatePrincipalPolicy(_ input: SimulatePrincipalPolicyInput, as caller: Caller) throws(IAMError) -> PolicySimulation {
        var v = IAMValidation()
        v.required(input.policySourceArn, at: "policySourceArn")
        v.check(input.policySourceArn, at: "policySourceArn", length: IAMLimits.arn)
        input.parameters.validate(into: &v)
        try v.throwIfAny()
        let source = input.policySourceArn ?? ""
        try authorize(caller, .simulatePrincipalPolicy, on: source)
        guard let principal = Principal(arn: source), principal.kind == .user || principal.kind == .role,
              let name = source.split(separator: "/").last.map(String.init) else {
            throw IAMError(.invalidInput, "Invalid ARN: \(source). Provide the ARN of a user, group or role.")
        }
        let kind: IAMPrincipalKind = principal.kind == .user ? .user : .role
        let account = principal.account
        let inline: [NamedPolicy], attached: [String], boundary: NamedPolicy?
        switch kind {
        case .user:
            guard let user = accounts[account]?.users[name] else { throw .noSuch(.user, name) }
            (inline, attached, boundary) = (user.policies, user.attachedPolicies, user.permissionsBoundary)
        case .role:
            guard let role = accounts[account]?.roles[name] else { throw .noSuch(.role, name) }
            (inline, attached, boundary) = (role.policies, role.attachedPolicies, role.permissionsBoundary)
        }
        var sources: [String: SimulatedPolicySource] = [:]
        var texts: [String] = []
        for p in inline {
            texts.append(p.text)
            sources["PolicyInputList.\(texts.count)"] = SimulatedPolicySource(id: p.name, type: kind.rawValue)
        }
        for policy in attached.compactMap(managedPolicy(arn:)) {
            texts.append(policy.document.text)
            sources["PolicyInputList.\(texts.count)"] = SimulatedPolicySource(
                id: policy.name, type: policy.isAWSManaged ? "aws-managed" : "user-managed")
        }
        let p = input.parameters
        var simulator = p.simulatorInput(policies: texts + p.policyInputList,
                                         callerArn: p.callerArn ?? (kind == .user ? source : nil))
        if simulator.permissionsBoundaryPolicyInputList.isEmpty, let boundary {
            simulator.permissionsBoundaryPolicyInputList = [boundary.text]
            sources["PermissionsBoundaryPolicyInputList.1"] = SimulatedPolicySource(id: boundary.name, type: "permissions boundary")
        }
        if simulator.policyInputList.isEmpty {
            // The simulator needs one policy; a principal without any is denied everything.
            // (A statement on no action at all: an empty `Statement` does not parse.)
            simulator.policyInputList = [#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}"#]
        }
        return PolicySimulation(response: try Self.simulate(simulator), sources: sources)
    }
}
