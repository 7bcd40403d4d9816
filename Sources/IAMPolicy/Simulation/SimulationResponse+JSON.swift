extension SimulationResponse {
    /// The response as `aws iam simulate-custom-policy` prints it (`EvaluationResults`, ...).
    ///
    /// Statement positions follow what IAM returns: 1-based lines; `StartPosition` is the
    /// column just after the statement's `{` and `EndPosition` the column just after its `}`.
    /// (AWS's published example, `{"Version":"2012-10-17","Statement":{...}}`, reports
    /// column 38 for a `{` in column 37.) Identity policies from `PolicyInputList` carry
    /// `SourcePolicyType` "IAM Policy", as IAM's responses do.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("EvaluationResults", .array(results.map(\.jsonValue)))]
        if isTruncated {
            members.append(("IsTruncated", .bool(true)))
            if let marker { members.append(("Marker", .string(marker))) }
        }
        return .object(members)
    }
}

extension SimulationResult {
    /// One `EvaluationResult`.
    public var jsonValue: JSONValue {
        let r = result
        let matched = JSONValue.array(r.matchedStatements.map(Self.statementJSON))
        let missing = JSONValue.array(r.missingContextKeys.map { .string($0) })
        var members: [(String, JSONValue)] = [
            ("EvalActionName", .string(r.request.action)),
            ("EvalResourceName", .string(r.request.resource)),
            ("EvalDecision", .string(r.decision.rawValue)),
            ("MatchedStatements", matched),
            // With named resources IAM lists missing keys under ResourceSpecificResults instead.
            ("MissingContextValues", specificResource ? .array([]) : missing),
        ]
        if specificResource || crossAccount {
            members.append(("EvalDecisionDetails", decisionDetailsJSON))
        }
        if hasBoundary, let allowed = r.allowedByPermissionsBoundary {
            members.append(("PermissionsBoundaryDecisionDetail", .object([("AllowedByPermissionsBoundary", .bool(allowed))])))
        }
        if specificResource {
            var specific: [(String, JSONValue)] = [
                ("EvalResourceName", .string(r.request.resource)),
                ("EvalResourceDecision", .string(r.decision.rawValue)),
                ("MatchedStatements", matched),
                ("MissingContextValues", missing),
            ]
            if crossAccount { specific.append(("EvalDecisionDetails", decisionDetailsJSON)) }
            if hasBoundary, let allowed = r.allowedByPermissionsBoundary {
                specific.append(("PermissionsBoundaryDecisionDetail", .object([("AllowedByPermissionsBoundary", .bool(allowed))])))
            }
            members.append(("ResourceSpecificResults", .array([.object(specific)])))
        }
        return .object(members)
    }

    /// Empty in one account; across accounts, each side's verdict. IAM does not document the
    /// key names; we use "IAM Policy" (the caller's side) and "Resource Policy".
    private var decisionDetailsJSON: JSONValue {
        guard crossAccount else { return .object([]) }
        var members: [(String, JSONValue)] = []
        if let d = result.decisionDetails[.identity] { members.append(("IAM Policy", .string(d.rawValue))) }
        members.append(("Resource Policy", .string((result.decisionDetails[.resource] ?? .implicitDeny).rawValue)))
        return .object(members)
    }

    static func statementJSON(_ s: MatchedStatement) -> JSONValue {
        let type: String
        switch s.kind {
        case .resource: type = "Resource Policy"
        case .permissionsBoundary: type = "Permissions Boundary Policy"
        default: type = s.sourceType?.rawValue ?? "IAM Policy"
        }
        return .object([
            ("SourcePolicyId", .string(s.policyId)),
            ("SourcePolicyType", .string(type)),
            ("StartPosition", .object([("Line", .number(s.range.start.line)), ("Column", .number(s.range.start.column + 1))])),
            ("EndPosition", .object([("Line", .number(s.range.end.line)), ("Column", .number(s.range.end.column))])),
        ])
    }
}
