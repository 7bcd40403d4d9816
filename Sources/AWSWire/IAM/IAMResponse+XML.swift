import IAMPolicy
import KinesisSim

/// IAM's query protocol, encoding: a typed answer to the children of `<ActionResult>`.
extension IAMResponse {
    /// The children of the `<ActionResult>` element; `nil` when the answer has none.
    var resultNodes: [XMLNode]? {
        switch self {
        case .user(let user):
            return [.element("User", [
                .text("Path", user.path), .text("UserName", user.name),
                .text("UserId", IAMIdentifiers.uniqueId("AIDA", for: user.arn)), .text("Arn", user.arn),
                .text("CreateDate", user.createDate?.iso8601 ?? ""),
            ])]
        case .role(let role):
            return [.element("Role", [
                .text("Path", role.path), .text("RoleName", role.name),
                .text("RoleId", IAMIdentifiers.uniqueId("AROA", for: role.arn)), .text("Arn", role.arn),
                .text("CreateDate", role.createDate?.iso8601 ?? ""),
                // IAM returns the trust policy URL-encoded.
                .text("AssumeRolePolicyDocument", URIEncoding.encode(role.trustPolicy?.text ?? "")),
                .text("MaxSessionDuration", String(role.maxSessionDurationSeconds)),
            ])]
        case .accessKey(let key, let userName):
            return [.element("AccessKey", [
                .text("UserName", userName), .text("AccessKeyId", key.accessKeyId), .text("Status", "Active"),
                .text("SecretAccessKey", key.secretAccessKey), .text("CreateDate", key.createDate.iso8601),
            ])]
        case .managedPolicy(let described):
            return [Self.policyNode(described)]
        case .attachedPolicies(let attached):
            return [
                .element("AttachedPolicies", attached.map {
                    .element("member", [.text("PolicyName", $0.policyName), .text("PolicyArn", $0.policyArn)])
                }),
                .text("IsTruncated", "false"),
            ]
        case .simulation(let simulation):
            return simulation.resultNodes
        case .empty:
            return nil
        }
    }

    private static func policyNode(_ described: ManagedPolicyDescription) -> XMLNode {
        let p = described.policy
        var children: [XMLNode] = [
            .text("PolicyName", p.name), .text("DefaultVersionId", p.defaultVersionId), .text("PolicyId", p.policyId),
            .text("Path", p.path), .text("Arn", p.arn), .text("AttachmentCount", String(described.attachmentCount)),
            .text("PermissionsBoundaryUsageCount", "0"), .text("IsAttachable", "true"),
        ]
        if let d = p.description { children.append(.text("Description", d)) }
        children += [.text("CreateDate", p.createDate.iso8601), .text("UpdateDate", p.updateDate.iso8601)]
        return .element("Policy", children)
    }
}
