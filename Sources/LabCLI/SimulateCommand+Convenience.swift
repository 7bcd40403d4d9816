import IAMPolicy

extension SimulateCommand {
    /// `--policy FILE --action A [--resource ARN] [--context ...]`: every action on every
    /// resource, explained. Exits 0 whatever the decisions.
    func runConvenience(_ parsed: ParsedArguments, format: OutputFormat, style: TerminalStyle) throws(CommandFailure) -> Int32 {
        let actions = parsed.all("--action")
        guard !parsed.all("--policy").isEmpty || parsed.value("--resource-policy") != nil else {
            throw .usage("give at least one '--policy FILE' (or '--cli-input-json FILE')", command: Self.name)
        }
        guard !actions.isEmpty else {
            throw .usage("give at least one '--action', e.g. --action kinesis:PutRecord", command: Self.name)
        }
        for action in actions {
            try Self.check(action: action)
        }
        let resources = parsed.all("--resource").isEmpty ? ["*"] : parsed.all("--resource")
        let context = try ContextArgument.context(parsed.all("--context"))
        var caller: Principal?
        if let arn = parsed.value("--caller") {
            guard let principal = Principal(arn: arn) else {
                throw .usage("invalid value '\(arn)' for '--caller'; expected a user, role, assumed-role or root ARN such as arn:aws:iam::111122223333:user/alice",
                             command: Self.name)
            }
            caller = principal
        }

        var policies = PolicySet()
        var sources: [String: String] = [:]
        for path in parsed.all("--policy") {
            let (policy, file) = try attach(path, type: .identity)
            policies.identityPolicies.append(policy)
            sources[file.name] = file.text
        }
        if let path = parsed.value("--resource-policy") {
            let (policy, file) = try attach(path, type: .resource)
            policies.resourcePolicy = policy
            sources[file.name] = file.text
        }
        if let path = parsed.value("--boundary") {
            let (policy, file) = try attach(path, type: .identity)
            policies.permissionsBoundary = policy
            sources[file.name] = file.text
        }

        var verdicts: [Verdict] = []
        for action in actions {
            for resource in resources {
                let principal = caller ?? Self.defaultCaller(for: resource)
                let request = AuthorizationRequest(principal: principal, action: action, resource: resource, context: context)
                verdicts.append(Verdict(request, against: policies))
            }
        }
        write(verdicts, sources: sources, format: format, style: style)
        return 0
    }

    /// Refuses what IAM's simulator refuses: wildcards and names not of the form `service:Name`.
    static func check(action: String) throws(CommandFailure) {
        if action.contains("*") || action.contains("?") {
            throw .usage("Action names cannot contain wildcards: `\(action)`. Name each action, for example kinesis:PutRecord.")
        }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
            throw .usage("Action `\(action)` is not of the form service:ActionName.")
        }
    }

    /// A user in the account that owns `resource` (123456789012 when the ARN names none).
    static func defaultCaller(for resource: String) -> Principal {
        let arn = ARN(parsing: resource)
        let account = arn?.namedAccount ?? "123456789012"
        let partition = arn.map { $0.partition.isEmpty ? "aws" : $0.partition } ?? "aws"
        return Principal(kind: .user, arn: "arn:\(partition):iam::\(account):user/SimulatedCaller", account: account)
    }
}
