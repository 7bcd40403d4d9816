import IAMPolicy
import KinesisSim

/// IAM (query protocol, version 2010-05-08): users, roles, keys, inline and managed policies.
extension ServiceState {
    static let iamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/"

    mutating func performIAM(_ action: String, _ q: QueryRequest, as caller: Caller) throws(QueryError) -> QueryOutcome {
        let account = caller.principal.account
        func arn(_ kind: String, _ name: String) -> String { "arn:aws:iam::\(account):\(kind)/\(name)" }
        func required(_ name: String) throws(QueryError) -> String {
            guard let v = q[name], !v.isEmpty else { throw .missing(name) }
            return v
        }
        // IAM's model constraints, before authorization: the name members each action takes
        // (a user name is up to 64 characters where one is created, 128 where one is named)
        // and any Path.
        let member = { (name: String) in name.prefix(1).lowercased() + name.dropFirst() }
        for (name, length) in [("UserName", action == "CreateUser" ? 64 : 128), ("RoleName", 64), ("PolicyName", 128)] {
            if let value = q[name], !value.isEmpty { try IAMNames.check(name: value, at: member(name), length: 1...length) }
        }
        if let path = q["Path"] { try IAMNames.check(path: path) }
        switch action {
        case "CreateUser":
            let name = try required("UserName")
            try authorize(caller, "iam:CreateUser", arn("user", name))
            guard world.accounts[account]?.users[name] == nil else {
                throw .alreadyExists("User with name \(name) already exists.")
            }
            let user = IAMUser(name: name, account: account)
            world.addUser(user, account: account)
            createDates[user.arn] = world.now
            return QueryOutcome(result: [userXML(user)], changesState: true)

        case "CreateRole":
            let name = try required("RoleName")
            let document = try required("AssumeRolePolicyDocument")
            try authorize(caller, "iam:CreateRole", arn("role", name))
            guard world.accounts[account]?.roles[name] == nil else {
                throw .alreadyExists("Role with name \(name) already exists.")
            }
            let trust = try Self.policy(name: "trust-policy", text: document, type: .trust)
            var maxSession = 3600
            if let text = q["MaxSessionDuration"] {
                guard let m = Int(text), m >= 3600, m <= 43200 else {
                    throw QueryError("ValidationError", "1 validation error detected: Value '\(text)' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200")
                }
                maxSession = m
            }
            let role = IAMRole(name: name, account: account, trustPolicy: trust, maxSessionDurationSeconds: maxSession)
            world.addRole(role, account: account)
            createDates[role.arn] = world.now
            return QueryOutcome(result: [roleXML(role)], changesState: true)

        case "CreateAccessKey":
            var name = q["UserName"] ?? ""
            if name.isEmpty { name = try callerUserName(caller) }
            try authorize(caller, "iam:CreateAccessKey", arn("user", name))
            guard world.accounts[account]?.users[name] != nil else { throw .noSuchEntity("The user with name \(name) cannot be found.") }
            guard credentials.keys(ofUser: name, account: account).count < 2 else {
                throw QueryError("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", status: 409)
            }
            let key = AccessKey(accessKeyId: "AKIA" + generate(16, from: Self.upperAlphanumerics),
                                secretAccessKey: generate(40, from: Self.secretAlphabet),
                                createDate: world.now, identity: .user(name: name, account: account))
            credentials.add(key)
            return QueryOutcome(result: [.element("AccessKey", [
                .text("UserName", name), .text("AccessKeyId", key.accessKeyId), .text("Status", "Active"),
                .text("SecretAccessKey", key.secretAccessKey), .text("CreateDate", key.createDate.iso8601),
            ])], changesState: true)

        case "PutUserPolicy", "PutRolePolicy":
            let isUser = action == "PutUserPolicy"
            let name = try required(isUser ? "UserName" : "RoleName")
            let policyName = try required("PolicyName")
            let document = try required("PolicyDocument")
            try authorize(caller, "iam:\(action)", arn(isUser ? "user" : "role", name))
            let policy = try Self.policy(name: policyName, text: document, type: .identity)
            try updatePolicies(isUser: isUser, name: name, account: account) { policies in
                if let i = policies.firstIndex(where: { $0.name == policyName }) { policies[i] = policy } else { policies.append(policy) }
            }
            return QueryOutcome(result: nil, changesState: true)

        case "CreatePolicy":
            let name = try required("PolicyName")
            let document = try required("PolicyDocument")
            let path = q["Path"] ?? "/"
            let policyArn = "arn:aws:iam::\(account):policy\(path)\(name)"
            try authorize(caller, "iam:CreatePolicy", policyArn)
            guard managedPolicies[policyArn] == nil else {
                throw .alreadyExists("A policy called \(name) already exists. Duplicate names are not allowed.")
            }
            let compiled = try Self.policy(name: policyArn, text: document, type: .identity)
            let policy = ManagedPolicy(name: name, arn: policyArn, policyId: Self.uniqueId("ANPA", for: policyArn), path: path,
                                       description: q["Description"], document: compiled, createDate: world.now)
            managedPolicies[policyArn] = policy
            return QueryOutcome(result: [policyXML(policy)], changesState: true)

        case "GetPolicy":
            let policyArn = try required("PolicyArn")
            try authorize(caller, "iam:GetPolicy", policyArn)
            guard let policy = managedPolicies[policyArn] else {
                throw .noSuchEntity("Policy \(policyArn) does not exist or is not attachable.")
            }
            return QueryOutcome(result: [policyXML(policy)], changesState: false)

        case "AttachUserPolicy", "AttachRolePolicy":
            let isUser = action == "AttachUserPolicy"
            let name = try required(isUser ? "UserName" : "RoleName")
            let policyArn = try required("PolicyArn")
            let principalArn = arn(isUser ? "user" : "role", name)
            try authorize(caller, "iam:\(action)", principalArn)
            guard let policy = managedPolicies[policyArn] else {
                throw .noSuchEntity("Policy \(policyArn) does not exist or is not attachable.")
            }
            try updatePolicies(isUser: isUser, name: name, account: account) { policies in
                if !policies.contains(where: { $0.name == policyArn }) { policies.append(policy.document) }
            }
            if !(attachments[principalArn] ?? []).contains(policyArn) { attachments[principalArn, default: []].append(policyArn) }
            return QueryOutcome(result: nil, changesState: true)

        case "ListAttachedUserPolicies", "ListAttachedRolePolicies":
            let isUser = action == "ListAttachedUserPolicies"
            let name = try required(isUser ? "UserName" : "RoleName")
            let principalArn = arn(isUser ? "user" : "role", name)
            try authorize(caller, "iam:\(action)", principalArn)
            let exists = isUser ? world.accounts[account]?.users[name] != nil : world.accounts[account]?.roles[name] != nil
            guard exists else { throw .noSuchEntity("The \(isUser ? "user" : "role") with name \(name) cannot be found.") }
            let attached = (attachments[principalArn] ?? []).compactMap { managedPolicies[$0] }
            return QueryOutcome(result: [
                .element("AttachedPolicies", attached.map { .element("member", [.text("PolicyName", $0.name), .text("PolicyArn", $0.arn)]) }),
                .text("IsTruncated", "false"),
            ], changesState: false)

        case "SimulateCustomPolicy":
            try authorize(caller, "iam:SimulateCustomPolicy", "*")
            let input = try Self.simulationInput(q, policies: q.list("PolicyInputList"), callerArn: q["CallerArn"])
            return QueryOutcome(result: try Self.simulate(input, names: [:]), changesState: false)

        case "SimulatePrincipalPolicy":
            let source = try required("PolicySourceArn")
            try authorize(caller, "iam:SimulatePrincipalPolicy", source)
            return QueryOutcome(result: try simulatePrincipal(source, q), changesState: false)

        default:
            throw QueryError("InvalidAction", "Could not find operation \(action) for version 2010-05-08")
        }
    }

    private func callerUserName(_ caller: Caller) throws(QueryError) -> String {
        guard caller.principal.kind == .user, let name = caller.principal.userName else {
            throw QueryError("ValidationError", "Must specify userName when calling with non-User credentials")
        }
        return name
    }

    /// Parses a policy document as IAM does: `MalformedPolicyDocument` with the parser's message.
    static func policy(name: String, text: String, type: PolicyType) throws(QueryError) -> NamedPolicy {
        do {
            return try NamedPolicy(name: name, text: text, type: type)
        } catch {
            throw QueryError("MalformedPolicyDocument", error.message)
        }
    }

    /// Changes the policies of user or role `name` in place.
    private mutating func updatePolicies(isUser: Bool, name: String, account: String,
                                         _ change: (inout [NamedPolicy]) -> Void) throws(QueryError) {
        if isUser {
            guard var user = world.accounts[account]?.users[name] else { throw .noSuchEntity("The user with name \(name) cannot be found.") }
            change(&user.policies)
            world.addUser(user, account: account)
        } else {
            guard var role = world.accounts[account]?.roles[name] else { throw .noSuchEntity("The role with name \(name) cannot be found.") }
            change(&role.policies)
            world.addRole(role, account: account)
        }
    }

    private func userXML(_ user: IAMUser) -> XMLNode {
        .element("User", [
            .text("Path", "/"), .text("UserName", user.name), .text("UserId", Self.uniqueId("AIDA", for: user.arn)),
            .text("Arn", user.arn), .text("CreateDate", (createDates[user.arn] ?? world.now).iso8601),
        ])
    }

    private func roleXML(_ role: IAMRole) -> XMLNode {
        .element("Role", [
            .text("Path", "/"), .text("RoleName", role.name), .text("RoleId", Self.uniqueId("AROA", for: role.arn)),
            .text("Arn", role.arn), .text("CreateDate", (createDates[role.arn] ?? world.now).iso8601),
            // IAM returns the trust policy URL-encoded.
            .text("AssumeRolePolicyDocument", URIEncoding.encode(role.trustPolicy?.text ?? "")),
            .text("MaxSessionDuration", String(role.maxSessionDurationSeconds)),
        ])
    }

    private func policyXML(_ p: ManagedPolicy) -> XMLNode {
        let count = attachments.values.filter { $0.contains(p.arn) }.count
        var children: [XMLNode] = [
            .text("PolicyName", p.name), .text("DefaultVersionId", "v1"), .text("PolicyId", p.policyId),
            .text("Path", p.path), .text("Arn", p.arn), .text("AttachmentCount", String(count)),
            .text("PermissionsBoundaryUsageCount", "0"), .text("IsAttachable", "true"),
        ]
        if let d = p.description { children.append(.text("Description", d)) }
        children += [.text("CreateDate", p.createDate.iso8601), .text("UpdateDate", p.createDate.iso8601)]
        return .element("Policy", children)
    }
}
