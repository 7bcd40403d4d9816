import IAMPolicy
import KinesisSim

/// The world's `managedPolicies`, and the `attachedPolicies` of its users and roles.
extension _LabDecoder {
    static let managedPolicyKeys = ["name", "account", "path", "description", "policy"]

    /// One `managedPolicies` entry: `{"name", "account", "path", "description", "policy"}`.
    mutating func managedPolicy(_ item: JSONValue, in spec: WorldSpec) -> ManagedPolicySpec? {
        guard let o = reader.object(item, "a managed policy") else { return nil }
        reader.rejectUnknownKeys(o, known: Self.managedPolicyKeys, in: "a managed policy")
        guard let name = reader.string(o, "name", required: true, in: "a managed policy") else { return nil }
        guard IAMLimits.isValidName(name) else {
            reader.problem("`\(name)` is not a valid IAM policy name", at: o["name"])
            return nil
        }
        let account = account(o, in: spec)
        let path = reader.string(o, "path", in: "a managed policy") ?? "/"
        if !IAMLimits.isValidPath(path) {
            reader.problem("`\(path)` is not a valid IAM path (`/`, or `/` and printable ASCII and `/`, such as `/team/`)", at: o["path"])
        }
        if spec.managedPolicies.contains(where: { $0.name == name && $0.account == account }) {
            reader.problem("managed policy `\(name)` is defined twice in account \(account)", at: o["name"])
        }
        guard o["policy"] != nil else {
            reader.problem("managed policy `\(name)` is missing `policy`", at: o)
            return nil
        }
        let described = reader.string(o, "description", in: "a managed policy")
        let arn = "arn:aws:iam::\(account):policy\(path)\(name)"
        guard var document = policy(o["policy"], name: name, type: .identity) else { return nil }
        // Named by its ARN, as the evaluator names an attached managed policy.
        document.name = arn
        return ManagedPolicySpec(name: name, account: account, path: path, description: described, policy: document)
    }

    /// A principal's `attachedPolicies`: each the name of a managed policy of the world in
    /// the principal's account, that policy's ARN, or the ARN of an AWS managed policy kdslab
    /// knows. Returns the ARNs.
    mutating func attachedPolicies(_ o: JSONValue, account: String, in spec: WorldSpec) -> [String] {
        var arns: [String] = []
        for text in reader.strings(o, "attachedPolicies") ?? [] {
            let found = spec.managedPolicies.first { ($0.name == text && $0.account == account) || $0.arn == text }?.arn
                ?? (AWSManagedPolicies.all[text] == nil ? nil : text)
            guard let arn = found else {
                reader.problem("attached policy `\(text)` is neither one of the world's `managedPolicies` nor an AWS managed policy kdslab knows (\(AWSManagedPolicies.all.keys.sorted().joined(separator: ", ")))",
                               at: o["attachedPolicies"])
                continue
            }
            if arns.contains(arn) {
                reader.problem("policy `\(text)` is attached twice", at: o["attachedPolicies"])
                continue
            }
            arns.append(arn)
        }
        let quota = IAMLimits.managedPoliciesPerUser
        if arns.count > quota {
            reader.problem("\(arns.count) policies are attached; IAM allows at most \(quota) managed policies per user or role",
                           at: o["attachedPolicies"])
        }
        return arns
    }
}
