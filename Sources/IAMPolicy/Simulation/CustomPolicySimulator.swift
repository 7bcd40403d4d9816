/// Runs `SimulateCustomPolicy`: every action against every resource, as IAM's simulator does.
///
/// Choices where AWS's documentation is silent, written down here:
/// - Without `CallerArn`, the caller is a user in the account that owns each resource, so no
///   simulation is cross-account unless a `CallerArn` makes it so.
/// - With a `CallerArn` in another account and no `ResourcePolicy`, the request is judged
///   cross-account with no resource policy: implicitly denied (the safer reading of §7.2).
public struct CustomPolicySimulator: Sendable {
    /// Creates a simulator.
    public init() {}

    /// Simulates `input`; throws for input IAM would refuse.
    public func simulate(_ input: CustomPolicySimulationInput) throws(SimulationError) -> SimulationResponse {
        guard !input.policyInputList.isEmpty else {
            throw SimulationError(.parameterValidation, "Invalid length for parameter PolicyInputList, value: 0, valid min length: 1")
        }
        guard !input.actionNames.isEmpty else {
            throw SimulationError(.parameterValidation, "Invalid length for parameter ActionNames, value: 0, valid min length: 1")
        }
        guard input.permissionsBoundaryPolicyInputList.count <= 1 else {
            throw SimulationError(.invalidInput, "PermissionsBoundaryPolicyInputList accepts at most one policy; \(input.permissionsBoundaryPolicyInputList.count) were given.")
        }
        for a in input.actionNames {
            if Glob.hasWildcard(a) {
                throw SimulationError(.invalidInput, "Action names cannot contain wildcards: `\(a)`. Name each action, for example kinesis:PutRecord.")
            }
            let parts = a.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                throw SimulationError(.invalidInput, "Action `\(a)` is not of the form service:ActionName.")
            }
        }
        if input.resourcePolicy != nil && input.callerArn == nil {
            throw SimulationError(.invalidInput, "CallerArn is required when ResourcePolicy is specified.")
        }
        var caller: Principal?
        if let arn = input.callerArn {
            guard let p = Principal(arn: arn), p.kind == .user else {
                throw SimulationError(.invalidInput, "CallerArn must be the ARN of an IAM user (arn:aws:iam::ACCOUNT:user/NAME); `\(arn)` is not.")
            }
            caller = p
        }
        var ownerAccount: String?
        if let owner = input.resourceOwner {
            let parts = owner.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5] == "root",
                  _PolicyParseState.isAccountId(String(parts[4])) else {
                throw SimulationError(.invalidInput, "ResourceOwner must be an account ARN such as arn:aws:iam::111122223333:root; `\(owner)` is not.")
            }
            ownerAccount = String(parts[4])
        }

        var policies = PolicySet()
        for (i, text) in input.policyInputList.enumerated() {
            policies.identityPolicies.append(try Self.attach(text, id: "PolicyInputList.\(i + 1)", type: .identity))
        }
        if let text = input.permissionsBoundaryPolicyInputList.first {
            policies.permissionsBoundary = try Self.attach(text, id: "PermissionsBoundaryPolicyInputList.1", type: .identity)
        }
        if let text = input.resourcePolicy {
            policies.resourcePolicy = try Self.attach(text, id: "ResourcePolicy", type: .resource)
        }

        var context = RequestContext()
        for e in input.contextEntries {
            if !e.type.isList && e.values.count > 1 {
                throw SimulationError(.invalidInput, "Context key \(e.name) has type \(e.type.rawValue) but \(e.values.count) values; use \(e.type.rawValue)List for several.")
            }
            context[e.name] = ContextValue(type: e.type, values: e.values)
        }

        let authorizer = Authorizer()
        var results: [SimulationResult] = []
        for action in input.actionNames {
            for resource in input.resourceArns {
                let request = Self.request(action: action, resource: resource, caller: caller,
                                           ownerAccount: ownerAccount, context: context)
                let r = authorizer.authorize(request, against: policies)
                results.append(SimulationResult(
                    result: r, crossAccount: request.isCrossAccount, specificResource: resource != "*",
                    hasBoundary: policies.permissionsBoundary != nil))
            }
        }
        return try Self.page(results, maxItems: input.maxItems, marker: input.marker)
    }

    static func attach(_ text: String, id: String, type: PolicyType) throws(SimulationError) -> AttachedPolicy {
        let allowed = text.unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\n" || $0 == "\r" || ($0.value >= 0x20 && $0.value <= 0xFF) }
        guard allowed else {
            throw SimulationError(.invalidInput, "\(id) holds characters outside tab, line feed, carriage return and U+0020–U+00FF, which IAM does not accept.")
        }
        do {
            return try AttachedPolicy(id: id, text: text, type: type)
        } catch {
            let place = "\(id), line \(error.range.start.line), column \(error.range.start.column)"
            throw SimulationError(.malformedPolicyDocument, "\(error.message) (\(place): \(error.detail))",
                                  policyError: (id, error))
        }
    }

    static func request(action: String, resource: String, caller: Principal?, ownerAccount: String?,
                        context: RequestContext) -> AuthorizationRequest {
        // The owner: the ARN's own account, else ResourceOwner, else the caller's account.
        let owner = AuthorizationRequest.arnAccount(resource) ?? ownerAccount ?? caller?.account ?? "123456789012"
        let principal = caller ?? Principal(kind: .user, arn: "arn:aws:iam::\(owner):user/SimulatedCaller", account: owner)
        return AuthorizationRequest(principal: principal, action: action, resource: resource,
                                    resourceAccount: owner, context: context)
    }

    static func page(_ results: [SimulationResult], maxItems: Int?, marker: String?) throws(SimulationError) -> SimulationResponse {
        var start = 0
        if let marker {
            guard let m = Int(marker), m >= 0, m <= results.count else {
                throw SimulationError(.invalidInput, "Marker `\(marker)` does not come from an earlier page of this simulation.")
            }
            start = m
        }
        let size = maxItems ?? 100
        let end = min(results.count, start + size)
        let truncated = end < results.count
        return SimulationResponse(results: Array(results[start..<end]), isTruncated: truncated,
                                  marker: truncated ? String(end) : nil)
    }
}
