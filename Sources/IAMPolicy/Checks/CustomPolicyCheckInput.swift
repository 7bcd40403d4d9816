/// The input of `aws accessanalyzer check-*`, as `--cli-input-json` spells it: the policies
/// are JSON strings inside the document.
public enum CustomPolicyCheckInput: Sendable, Equatable {
    /// `{newPolicyDocument, existingPolicyDocument, policyType}`.
    case noNewAccess(newPolicyDocument: String, existingPolicyDocument: String, policyType: String)
    /// `{policyDocument, access: [{actions, resources}], policyType}`.
    case accessNotGranted(policyDocument: String, access: [PolicyCheckAccess], policyType: String)
    /// `{policyDocument, resourceType}`.
    case noPublicAccess(policyDocument: String, resourceType: String)

    /// The members `--cli-input-json` accepts for `check`.
    public static func members(of check: CustomPolicyCheck) -> [String] {
        switch check {
        case .noNewAccess: ["newPolicyDocument", "existingPolicyDocument", "policyType"]
        case .accessNotGranted: ["policyDocument", "access", "policyType"]
        case .noPublicAccess: ["policyDocument", "resourceType"]
        }
    }

    /// The policies of the input by member name, for excerpts.
    public var documents: [String: String] {
        switch self {
        case .noNewAccess(let new, let existing, _): ["newPolicyDocument": new, "existingPolicyDocument": existing]
        case .accessNotGranted(let policy, _, _), .noPublicAccess(let policy, _): ["policyDocument": policy]
        }
    }

    /// Reads the `--cli-input-json` document of `check`, checking it as the AWS CLI does
    /// (every member is required).
    public init(cliInputJSON root: JSONValue, check: CustomPolicyCheck) throws(CustomPolicyCheckError) {
        func fail(_ message: String) -> CustomPolicyCheckError { CustomPolicyCheckError(.parameterValidation, check, message) }
        func place(_ v: JSONValue) -> String { "line \(v.range.start.line), column \(v.range.start.column)" }
        func typeError(_ key: String, _ v: JSONValue, _ expected: String) -> CustomPolicyCheckError {
            fail("Invalid type for parameter \(key) (\(place(v))): expected \(expected), found \(v.typeName)")
        }
        guard let members = root.members else {
            throw fail("the input must be a JSON object, not \(root.typeName) (\(place(root))).")
        }
        let allowed = Self.members(of: check)
        for m in members where !allowed.contains(m.key) {
            throw fail("Unknown parameter in input: \"\(m.key)\", must be one of: \(allowed.joined(separator: ", ")) (line \(m.keyRange.start.line), column \(m.keyRange.start.column))")
        }
        func required(_ key: String) throws(CustomPolicyCheckError) -> JSONValue {
            guard let v = root[key] else { throw fail("Missing required parameter in input: \"\(key)\"") }
            return v
        }
        func string(_ key: String) throws(CustomPolicyCheckError) -> String {
            let v = try required(key)
            guard let s = v.stringValue else { throw typeError(key, v, "a string") }
            return s
        }
        func strings(_ key: String, in v: JSONValue) throws(CustomPolicyCheckError) -> [String] {
            guard let elements = v.elements else { throw typeError(key, v, "a list") }
            var out: [String] = []
            for (i, e) in elements.enumerated() {
                guard let s = e.stringValue else { throw typeError("\(key)[\(i)]", e, "a string") }
                out.append(s)
            }
            return out
        }
        switch check {
        case .noNewAccess:
            self = .noNewAccess(newPolicyDocument: try string("newPolicyDocument"),
                                existingPolicyDocument: try string("existingPolicyDocument"), policyType: try string("policyType"))
        case .noPublicAccess:
            self = .noPublicAccess(policyDocument: try string("policyDocument"), resourceType: try string("resourceType"))
        case .accessNotGranted:
            let policy = try string("policyDocument")
            let list = try required("access")
            guard let elements = list.elements else { throw typeError("access", list, "a list") }
            var access: [PolicyCheckAccess] = []
            for (i, e) in elements.enumerated() {
                let path = "access[\(i)]"
                guard let fields = e.members else { throw typeError(path, e, "an object") }
                for m in fields where m.key != "actions" && m.key != "resources" {
                    throw fail("Unknown parameter in \(path): \"\(m.key)\", must be one of: actions, resources")
                }
                access.append(PolicyCheckAccess(actions: try e["actions"].map { v throws(CustomPolicyCheckError) in try strings(path + ".actions", in: v) } ?? [],
                                          resources: try e["resources"].map { v throws(CustomPolicyCheckError) in try strings(path + ".resources", in: v) } ?? []))
            }
            self = .accessNotGranted(policyDocument: policy, access: access, policyType: try string("policyType"))
        }
    }

    /// The check this input is for.
    public var check: CustomPolicyCheck {
        switch self {
        case .noNewAccess: .noNewAccess
        case .accessNotGranted: .accessNotGranted
        case .noPublicAccess: .noPublicAccess
        }
    }
}

/// One `access` entry of CheckAccessNotGranted: actions, resources, or both.
public struct PolicyCheckAccess: Sendable, Equatable {
    /// Actions (`service:Name`, wildcards allowed).
    public var actions: [String]
    /// Resource ARNs (wildcards allowed in the resource id only).
    public var resources: [String]

    /// Creates an entry.
    public init(actions: [String] = [], resources: [String] = []) {
        self.actions = actions
        self.resources = resources
    }
}

extension CustomPolicyChecks {
    /// Runs the check `input` asks for. `policyType` must be `IDENTITY_POLICY` or
    /// `RESOURCE_POLICY`, as Access Analyzer spells them.
    public func run(_ input: CustomPolicyCheckInput) throws(CustomPolicyCheckError) -> PolicyCheckResult {
        func type(_ raw: String) throws(CustomPolicyCheckError) -> PolicyType {
            let valid = [PolicyType.identity, .resource]
            guard let t = valid.first(where: { $0.rawValue == raw }) else {
                throw .notInEnum(input.check, value: raw, member: "policyType", valid: valid.map(\.rawValue))
            }
            return t
        }
        switch input {
        case .noNewAccess(let new, let existing, let policyType):
            return try checkNoNewAccess(new: new, existing: existing, policyType: type(policyType))
        case .accessNotGranted(let policy, let access, let policyType):
            return try checkAccessNotGranted(policy: policy, access: access.map { ($0.actions, $0.resources) }, policyType: type(policyType))
        case .noPublicAccess(let policy, let resourceType):
            return try checkNoPublicAccess(policy: policy, resourceType: resourceType)
        }
    }
}
