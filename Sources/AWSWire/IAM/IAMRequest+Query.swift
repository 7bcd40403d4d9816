import KinesisSim

/// IAM's query protocol, decoding: an `Action` and its form parameters to a typed request.
/// Decoding checks nothing IAM's model says (the world does); it only reads members.
extension IAMRequest {
    /// Decodes `action`'s parameters: `InvalidAction` for an action not served,
    /// `ValidationError` for an integer member that is not a number.
    init(action: String, _ q: QueryRequest) throws(QueryError) {
        guard let operation = IAMOperation(rawValue: action) else {
            throw QueryError("InvalidAction", "Could not find operation \(action) for version 2010-05-08")
        }
        func principal(_ kind: IAMPrincipalKind) -> String? { q[kind == .user ? "UserName" : "RoleName"] }
        switch operation {
        case .createUser:
            self = .createUser(CreateUserInput(userName: q["UserName"], path: q["Path"]))
        case .createRole:
            self = .createRole(CreateRoleInput(roleName: q["RoleName"], assumeRolePolicyDocument: q["AssumeRolePolicyDocument"],
                                               path: q["Path"], maxSessionDuration: try q.integer("MaxSessionDuration")))
        case .createAccessKey:
            self = .createAccessKey(CreateAccessKeyInput(userName: q["UserName"]))
        case .putUserPolicy, .putRolePolicy:
            let kind: IAMPrincipalKind = operation == .putUserPolicy ? .user : .role
            self = .putPrincipalPolicy(PutPrincipalPolicyInput(kind, principal(kind), policyName: q["PolicyName"],
                                                               policyDocument: q["PolicyDocument"]))
        case .createPolicy:
            self = .createPolicy(CreatePolicyInput(policyName: q["PolicyName"], policyDocument: q["PolicyDocument"],
                                                   path: q["Path"], description: q["Description"]))
        case .getPolicy:
            self = .getPolicy(GetPolicyInput(policyArn: q["PolicyArn"]))
        case .attachUserPolicy, .attachRolePolicy:
            let kind: IAMPrincipalKind = operation == .attachUserPolicy ? .user : .role
            self = .attachPrincipalPolicy(AttachPrincipalPolicyInput(kind, principal(kind), policyArn: q["PolicyArn"]))
        case .listAttachedUserPolicies, .listAttachedRolePolicies:
            let kind: IAMPrincipalKind = operation == .listAttachedUserPolicies ? .user : .role
            self = .listAttachedPrincipalPolicies(ListAttachedPrincipalPoliciesInput(kind, principal(kind)))
        case .simulateCustomPolicy:
            self = .simulateCustomPolicy(SimulateCustomPolicyInput(try SimulationParameters(q)))
        case .simulatePrincipalPolicy:
            self = .simulatePrincipalPolicy(SimulatePrincipalPolicyInput(policySourceArn: q["PolicySourceArn"], try SimulationParameters(q)))
        case .deleteUser, .deleteRole:
            let kind: IAMPrincipalKind = operation == .deleteUser ? .user : .role
            self = .deletePrincipal(DeletePrincipalInput(kind, principal(kind)))
        case .deleteUserPolicy, .deleteRolePolicy:
            let kind: IAMPrincipalKind = operation == .deleteUserPolicy ? .user : .role
            self = .deletePrincipalPolicy(DeletePrincipalPolicyInput(kind, principal(kind), policyName: q["PolicyName"]))
        case .detachUserPolicy, .detachRolePolicy:
            let kind: IAMPrincipalKind = operation == .detachUserPolicy ? .user : .role
            self = .detachPrincipalPolicy(DetachPrincipalPolicyInput(kind, principal(kind), policyArn: q["PolicyArn"]))
        case .deleteAccessKey:
            self = .deleteAccessKey(DeleteAccessKeyInput(userName: q["UserName"], accessKeyId: q["AccessKeyId"]))
        case .deletePolicy:
            self = .deletePolicy(DeletePolicyInput(policyArn: q["PolicyArn"]))
        }
    }
}

extension SimulationParameters {
    /// The simulator's members: `ActionNames.member.N`, `ContextEntries.member.N.ContextKeyName`, …
    init(_ q: QueryRequest) throws(QueryError) {
        let entries = q.memberIndexes("ContextEntries").map { i in
            let prefix = "ContextEntries.member.\(i)."
            return SimulationContextEntry(contextKeyName: q[prefix + "ContextKeyName"],
                                          contextKeyValues: q.list(prefix + "ContextKeyValues"),
                                          contextKeyType: q[prefix + "ContextKeyType"])
        }
        self.init(policyInputList: q.list("PolicyInputList"),
                  permissionsBoundaryPolicyInputList: q.list("PermissionsBoundaryPolicyInputList"),
                  actionNames: q.list("ActionNames"), resourceArns: q.list("ResourceArns"),
                  resourcePolicy: q["ResourcePolicy"], resourceOwner: q["ResourceOwner"], callerArn: q["CallerArn"],
                  contextEntries: entries, maxItems: try q.integer("MaxItems"), marker: q["Marker"])
    }
}
