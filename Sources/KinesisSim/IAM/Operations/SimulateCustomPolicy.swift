import IAMPolicy

/// `SimulateCustomPolicy`'s input.
public struct SimulateCustomPolicyInput: Sendable, Equatable {
    /// The simulation's members.
    public var parameters: SimulationParameters

    /// Creates an input.
    public init(_ parameters: SimulationParameters) {
        self.parameters = parameters
    }
}

extension KinesisWorld {
    /// `iam:SimulateCustomPolicy`: the simulator over the policies given.
    public func simulateCustomPolicy(_ input: SimulateCustomPolicyInput, as caller: Caller) throws(IAMError) -> PolicySimulation {
        var v = IAMValidation()
        input.parameters.validate(into: &v)
        try v.throwIfAny()
        try authorize(caller, .simulateCustomPolicy, on: "*")
        let p = input.parameters
        let response = try Self.simulate(p.simulatorInput(policies: p.policyInputList, callerArn: p.callerArn))
        return PolicySimulation(response: response, sources: [:])
    }
}
