import IAMPolicy

/// One `ContextEntries` member as sent: the key's name, values and type (a
/// SimulateCustomPolicy type name such as `ip` or `stringList`).
public struct SimulationContextEntry: Sendable, Equatable {
    /// `ContextKeyName` (required).
    public var contextKeyName: String?
    /// `ContextKeyValues`.
    public var contextKeyValues: [String]
    /// `ContextKeyType` (default `string`).
    public var contextKeyType: String?

    /// Creates an entry.
    public init(contextKeyName: String?, contextKeyValues: [String] = [], contextKeyType: String? = nil) {
        self.contextKeyName = contextKeyName
        self.contextKeyValues = contextKeyValues
        self.contextKeyType = contextKeyType
    }
}

/// The members `SimulateCustomPolicy` and `SimulatePrincipalPolicy` share.
public struct SimulationParameters: Sendable, Equatable {
    /// `PolicyInputList`: policies as JSON text.
    public var policyInputList: [String]
    /// `PermissionsBoundaryPolicyInputList`.
    public var permissionsBoundaryPolicyInputList: [String]
    /// `ActionNames`.
    public var actionNames: [String]
    /// `ResourceArns` (`*` when empty).
    public var resourceArns: [String]
    /// `ResourcePolicy`.
    public var resourcePolicy: String?
    /// `ResourceOwner`.
    public var resourceOwner: String?
    /// `CallerArn`.
    public var callerArn: String?
    /// `ContextEntries`.
    public var contextEntries: [SimulationContextEntry]
    /// `MaxItems`.
    public var maxItems: Int?
    /// `Marker`.
    public var marker: String?

    /// Creates the parameters.
    public init(policyInputList: [String] = [], permissionsBoundaryPolicyInputList: [String] = [], actionNames: [String] = [],
                resourceArns: [String] = [], resourcePolicy: String? = nil, resourceOwner: String? = nil,
                callerArn: String? = nil, contextEntries: [SimulationContextEntry] = [], maxItems: Int? = nil,
                marker: String? = nil) {
        self.policyInputList = policyInputList
        self.permissionsBoundaryPolicyInputList = permissionsBoundaryPolicyInputList
        self.actionNames = actionNames
        self.resourceArns = resourceArns
        self.resourcePolicy = resourcePolicy
        self.resourceOwner = resourceOwner
        self.callerArn = callerArn
        self.contextEntries = contextEntries
        self.maxItems = maxItems
        self.marker = marker
    }

    func validate(into v: inout IAMValidation) {
        let types = ContextKeyType.allCases.map(\.rawValue)
        for (i, entry) in contextEntries.enumerated() {
            v.required(entry.contextKeyName, at: "contextEntries.\(i + 1).member.contextKeyName")
            v.check(entry.contextKeyType, at: "contextEntries.\(i + 1).member.contextKeyType", oneOf: types)
        }
        v.check(maxItems, at: "maxItems", range: IAMLimits.maxItems)
    }

    /// The simulator's input with `policies` as the identity policies. Call after ``validate(into:)``.
    func simulatorInput(policies: [String], callerArn: String?) -> CustomPolicySimulationInput {
        let entries = contextEntries.map {
            ContextEntry(name: $0.contextKeyName ?? "", values: $0.contextKeyValues,
                         type: $0.contextKeyType.flatMap(ContextKeyType.init(rawValue:)) ?? .string)
        }
        return CustomPolicySimulationInput(
            policyInputList: policies, permissionsBoundaryPolicyInputList: permissionsBoundaryPolicyInputList,
            actionNames: actionNames, resourceArns: resourceArns.isEmpty ? ["*"] : resourceArns,
            resourcePolicy: resourcePolicy, resourceOwner: resourceOwner, callerArn: callerArn,
            contextEntries: entries, maxItems: maxItems, marker: marker)
    }
}

/// What a simulation answered, and the name and type each `PolicyInputList.N` source
/// stands for (SimulatePrincipalPolicy reports a principal's policies by their own names).
public struct PolicySimulation: Sendable {
    /// The simulator's response.
    public var response: SimulationResponse
    /// `SourcePolicyId` → the id and `SourcePolicyType` to report instead.
    public var sources: [String: SimulatedPolicySource]
}

/// How a simulated policy is reported: `SourcePolicyId` and `SourcePolicyType`.
public struct SimulatedPolicySource: Sendable, Equatable {
    /// `SourcePolicyId`: the policy's name.
    public var id: String
    /// `SourcePolicyType`: `user`, `role`, `aws-managed`, `user-managed`, `permissions boundary`.
    public var type: String
}

extension KinesisWorld {
    /// Runs IAM's policy simulator, its errors in IAM's words.
    static func simulate(_ input: CustomPolicySimulationInput) throws(IAMError) -> SimulationResponse {
        do {
            return try CustomPolicySimulator().simulate(input)
        } catch {
            switch error.kind {
            case .malformedPolicyDocument: throw IAMError(.malformedPolicyDocument, error.policyError?.error.message ?? error.message)
            case .invalidInput: throw IAMError(.invalidInput, error.message)
            case .parameterValidation: throw IAMError(.validationError, error.message)
            }
        }
    }
}
