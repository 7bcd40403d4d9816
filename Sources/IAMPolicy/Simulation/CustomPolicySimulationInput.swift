/// The input of `aws iam simulate-custom-policy`, as `--cli-input-json` spells it.
public struct CustomPolicySimulationInput: Sendable, Equatable {
    /// `PolicyInputList`: identity-based policies as JSON strings (required, at least one).
    public var policyInputList: [String]
    /// `PermissionsBoundaryPolicyInputList`: at most one boundary.
    public var permissionsBoundaryPolicyInputList: [String]
    /// `ActionNames`: `service:Action`, no wildcards (required).
    public var actionNames: [String]
    /// `ResourceArns`: defaults to `["*"]`.
    public var resourceArns: [String]
    /// `ResourcePolicy`: one resource-based policy applied to every simulated resource.
    public var resourcePolicy: String?
    /// `ResourceOwner`: `arn:aws:iam::ACCOUNT:root`.
    public var resourceOwner: String?
    /// `CallerArn`: an IAM user ARN.
    public var callerArn: String?
    /// `ContextEntries`.
    public var contextEntries: [ContextEntry]
    /// `MaxItems`: page size.
    public var maxItems: Int?
    /// `Marker`: where the previous page ended.
    public var marker: String?

    /// Creates an input.
    public init(
        policyInputList: [String], permissionsBoundaryPolicyInputList: [String] = [], actionNames: [String],
        resourceArns: [String] = ["*"], resourcePolicy: String? = nil, resourceOwner: String? = nil,
        callerArn: String? = nil, contextEntries: [ContextEntry] = [], maxItems: Int? = nil, marker: String? = nil
    ) {
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

    /// The members `--cli-input-json` accepts for this command.
    public static let members = [
        "PolicyInputList", "PermissionsBoundaryPolicyInputList", "ActionNames", "ResourceArns",
        "ResourcePolicy", "ResourceOwner", "CallerArn", "ContextEntries", "ResourceHandlingOption",
        "MaxItems", "Marker",
    ]

    /// Reads the `--cli-input-json` document, checking it as the AWS CLI does.
    public init(cliInputJSON root: JSONValue) throws(SimulationError) {
        guard let members = root.members else {
            throw SimulationError(.parameterValidation, "the input must be a JSON object, not \(root.typeName) (line \(root.range.start.line), column \(root.range.start.column)).")
        }
        for m in members where !Self.members.contains(m.key) {
            throw SimulationError(.parameterValidation,
                "Unknown parameter in input: \"\(m.key)\", must be one of: \(Self.members.joined(separator: ", ")) (line \(m.keyRange.start.line), column \(m.keyRange.start.column))")
        }
        func value(_ key: String) -> JSONValue? { root[key] }
        func strings(_ key: String, required: Bool) throws(SimulationError) -> [String]? {
            guard let v = value(key) else {
                if required { throw SimulationError(.parameterValidation, "Missing required parameter in input: \"\(key)\"") }
                return nil
            }
            guard let elements = v.elements else {
                throw Self.typeError(key, v, expected: "list")
            }
            var out: [String] = []
            for (i, e) in elements.enumerated() {
                guard let s = e.stringValue else { throw Self.typeError("\(key)[\(i)]", e, expected: "str") }
                out.append(s)
            }
            return out
        }
        func string(_ key: String) throws(SimulationError) -> String? {
            guard let v = value(key) else { return nil }
            guard let s = v.stringValue else { throw Self.typeError(key, v, expected: "str") }
            return s
        }
        policyInputList = try strings("PolicyInputList", required: true) ?? []
        permissionsBoundaryPolicyInputList = try strings("PermissionsBoundaryPolicyInputList", required: false) ?? []
        actionNames = try strings("ActionNames", required: true) ?? []
        let arns = try strings("ResourceArns", required: false)
        resourceArns = (arns?.isEmpty ?? true) ? ["*"] : arns!
        resourcePolicy = try string("ResourcePolicy")
        resourceOwner = try string("ResourceOwner")
        callerArn = try string("CallerArn")
        marker = try string("Marker")
        _ = try string("ResourceHandlingOption")
        if let v = value("MaxItems") {
            guard case .number(let n) = v.kind, let i = Int(n), i >= 1, i <= 1000 else {
                throw SimulationError(.parameterValidation, "Invalid value for parameter MaxItems: must be an integer from 1 to 1000 (line \(v.range.start.line), column \(v.range.start.column)).")
            }
            maxItems = i
        } else {
            maxItems = nil
        }
        var entries: [ContextEntry] = []
        if let v = value("ContextEntries") {
            guard let elements = v.elements else { throw Self.typeError("ContextEntries", v, expected: "list") }
            for (i, e) in elements.enumerated() {
                let path = "ContextEntries[\(i)]"
                guard e.members != nil else { throw Self.typeError(path, e, expected: "dict") }
                guard let nameValue = e["ContextKeyName"] else {
                    throw SimulationError(.parameterValidation, "Missing required parameter in \(path): \"ContextKeyName\"")
                }
                guard let name = nameValue.stringValue else { throw Self.typeError(path + ".ContextKeyName", nameValue, expected: "str") }
                guard name.count >= 5, name.count <= 256 else {
                    throw SimulationError(.parameterValidation,
                        "Invalid length for parameter \(path).ContextKeyName, value: \(name.count), valid range: 5-256")
                }
                var values: [String] = []
                if let vs = e["ContextKeyValues"] {
                    guard let list = vs.elements else { throw Self.typeError(path + ".ContextKeyValues", vs, expected: "list") }
                    for (j, x) in list.enumerated() {
                        guard let s = x.stringValue else { throw Self.typeError("\(path).ContextKeyValues[\(j)]", x, expected: "str") }
                        values.append(s)
                    }
                }
                var type = ContextKeyType.string
                if let t = e["ContextKeyType"] {
                    guard let s = t.stringValue, let parsed = ContextKeyType(rawValue: s) else {
                        throw SimulationError(.parameterValidation,
                            "Invalid value for parameter \(path).ContextKeyType, value: \(t.stringValue ?? t.typeName), valid values: "
                            + ContextKeyType.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    type = parsed
                }
                for m in e.members ?? [] where !["ContextKeyName", "ContextKeyValues", "ContextKeyType"].contains(m.key) {
                    throw SimulationError(.parameterValidation,
                        "Unknown parameter in \(path): \"\(m.key)\", must be one of: ContextKeyName, ContextKeyValues, ContextKeyType")
                }
                entries.append(ContextEntry(name: name, values: values, type: type))
            }
        }
        contextEntries = entries
    }

    private static func typeError(_ key: String, _ v: JSONValue, expected: String) -> SimulationError {
        SimulationError(.parameterValidation,
            "Invalid type for parameter \(key) (line \(v.range.start.line), column \(v.range.start.column)): expected \(expected == "str" ? "a string" : expected == "list" ? "a list" : "an object"), found \(v.typeName)")
    }
}
