import IAMPolicy

extension CheckCommand {
    /// The convenience forms: `--existing FILE --new FILE [--policy-type T]`,
    /// `--policy FILE --action A ... [--resource ARN ...] [--policy-type T]`,
    /// `--policy FILE --resource-type T`.
    func runConvenience(_ parsed: ParsedArguments) throws(CommandFailure) -> ([String: Document], PolicyCheckResult) {
        let checks = CustomPolicyChecks()
        switch check {
        case .noNewAccess:
            let new = try load(parsed, "--new", example: "--existing existing.json --new new.json")
            let existing = try load(parsed, "--existing", example: "--existing existing.json --new new.json")
            if parsed.value("--new") == "-" && parsed.value("--existing") == "-" {
                throw .usage("only one of '--new' and '--existing' can read standard input", command: name)
            }
            let type = try policyType(parsed)
            let documents = ["newPolicyDocument": new, "existingPolicyDocument": existing]
            return try outcome(documents) { () throws(CustomPolicyCheckError) in
                try checks.checkNoNewAccess(new: new.text, existing: existing.text, policyType: type)
            }
        case .accessNotGranted:
            let policy = try load(parsed, "--policy", example: "--policy policy.json --action kinesis:GetRecords")
            let actions = parsed.all("--action")
            let resources = parsed.all("--resource")
            guard !actions.isEmpty || !resources.isEmpty else {
                throw .usage("give at least one '--action' or '--resource', e.g. --action kinesis:GetRecords", command: name)
            }
            let type = try policyType(parsed)
            return try outcome(["policyDocument": policy]) { () throws(CustomPolicyCheckError) in
                try checks.checkAccessNotGranted(policy: policy.text, access: [(actions, resources)], policyType: type)
            }
        case .noPublicAccess:
            let policy = try load(parsed, "--policy", example: "--policy stream-policy.json --resource-type AWS::Kinesis::Stream")
            let valid = PolicyCheckResourceType.allCases.map(\.rawValue)
            guard let raw = parsed.value("--resource-type") else {
                throw .usage("give '--resource-type', one of \(valid.joined(separator: ", "))", command: name)
            }
            guard let type = PolicyCheckResourceType.allCases.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) else {
                throw .usage("invalid value '\(raw)' for '--resource-type'; valid values: \(valid.joined(separator: ", "))", command: name)
            }
            return try outcome(["policyDocument": policy]) { () throws(CustomPolicyCheckError) in
                try checks.checkNoPublicAccess(policy: policy.text, resourceType: type.rawValue)
            }
        }
    }

    /// Reads the policy file given by `option`, or fails saying how to give it.
    private func load(_ parsed: ParsedArguments, _ option: String, example: String) throws(CommandFailure) -> Document {
        guard let path = parsed.value(option) else {
            throw .usage("give '\(option) FILE' (or '--cli-input-json FILE'), e.g. kdslab \(name) \(example)", command: name)
        }
        let file = try SourceFile.load(path, io: io)
        return Document(name: file.name, text: file.text)
    }

    /// `--policy-type`, as `policy validate` reads it (default IDENTITY_POLICY).
    private func policyType(_ parsed: ParsedArguments) throws(CommandFailure) -> PolicyType {
        do {
            return try ValidateCommand.policyType(parsed.value("--policy-type"))
        } catch {
            throw .usage("invalid value '\(parsed.value("--policy-type") ?? "")' for '--policy-type'; valid values: IDENTITY_POLICY, RESOURCE_POLICY",
                         command: name)
        }
    }
}
