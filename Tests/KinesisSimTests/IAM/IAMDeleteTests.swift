import IAMPolicy
import Testing
@testable import KinesisSim

/// Deleting: a user or role goes only once nothing hangs on it, a managed policy only once
/// detached everywhere (`DeleteConflict`, in IAM's words); what is deleted stops granting.
@Suite struct IAMDeleteTests {
    static let account = TestWorld.account

    @Test func aUserIsDeletedOnlyOnceItsKeysAndPoliciesAreGone() throws {
        var (world, admin) = try TestWorld.make()
        var issuer = CountingIssuer()
        _ = try world.createUser(CreateUserInput(userName: "u"), as: admin)
        let key = try world.createAccessKey(CreateAccessKeyInput(userName: "u"), as: admin, issuer: &issuer)
        try world.putPrincipalPolicy(PutPrincipalPolicyInput(.user, "u", policyName: "p", policyDocument: TestWorld.putPolicy), as: admin)
        let arn = try world.createPolicy(CreatePolicyInput(policyName: "m", policyDocument: TestWorld.putPolicy), as: admin).policy.arn
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(.user, "u", policyArn: arn), as: admin)

        var conflicts: [String] = []
        func delete() throws(IAMError) { try world.deletePrincipal(DeletePrincipalInput(.user, "u"), as: admin) }
        conflicts.append(TestWorld.iamError(delete)?.message ?? "")
        try world.deleteAccessKey(DeleteAccessKeyInput(userName: "u", accessKeyId: key.accessKeyId), as: admin)
        #expect(world.credentials.key(key.accessKeyId) == nil)
        conflicts.append(TestWorld.iamError(delete)?.message ?? "")
        try world.deletePrincipalPolicy(DeletePrincipalPolicyInput(.user, "u", policyName: "p"), as: admin)
        conflicts.append(TestWorld.iamError(delete)?.message ?? "")
        try world.detachPrincipalPolicy(DetachPrincipalPolicyInput(.user, "u", policyArn: arn), as: admin)
        try delete()
        #expect(conflicts == ["Cannot delete entity, must delete access keys first.", "Cannot delete entity, must delete policies first.",
                              "Cannot delete entity, must detach all policies first."])
        #expect(world.accounts[Self.account]?.users["u"] == nil)
        #expect(TestWorld.iamError(delete)?.code == .noSuchEntity)
    }

    @Test func aManagedPolicyIsDeletedOnceDetachedEverywhere() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createRole(CreateRoleInput(roleName: "r", assumeRolePolicyDocument: TestWorld.trust), as: admin)
        let arn = try world.createPolicy(CreatePolicyInput(policyName: "m", policyDocument: TestWorld.putPolicy), as: admin).policy.arn
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(.role, "r", policyArn: arn), as: admin)
        let conflict = TestWorld.iamError { () throws(IAMError) in try world.deletePolicy(DeletePolicyInput(policyArn: arn), as: admin) }
        #expect(conflict?.code == .deleteConflict)
        #expect(conflict?.message == "Cannot delete a policy attached to entities.")
        #expect(conflict?.httpStatus == 409)
        try world.detachPrincipalPolicy(DetachPrincipalPolicyInput(.role, "r", policyArn: arn), as: admin)
        let again = TestWorld.iamError { () throws(IAMError) in
            try world.detachPrincipalPolicy(DetachPrincipalPolicyInput(.role, "r", policyArn: arn), as: admin)
        }
        #expect(again?.message == "Policy \(arn) was not found.")
        try world.deletePolicy(DeletePolicyInput(policyArn: arn), as: admin)
        #expect(world.managedPolicy(arn: arn) == nil)
        let aws = TestWorld.iamError { () throws(IAMError) in
            try world.deletePolicy(DeletePolicyInput(policyArn: AWSManagedPolicies.administratorAccessArn), as: admin)
        }
        #expect(aws?.code == .noSuchEntity)
    }

    @Test func aDeletedRolesSessionsKeepTheirKeysButLoseTheirPermissions() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        _ = try world.createRole(CreateRoleInput(roleName: "r", assumeRolePolicyDocument: TestWorld.trust), as: admin)
        try world.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "r", policyName: "p", policyDocument: TestWorld.putPolicy), as: admin)
        var issuer = CountingIssuer()
        let session = try world.assumeRole(AssumeRoleInput(roleArn: "arn:aws:iam::111122223333:role/r", roleSessionName: "s1"),
                                           as: admin, issuer: &issuer)
        guard case .roleSession(let caller) = session.credentials.identity else {
            Issue.record("not a session")
            return
        }
        let put = PutRecordInput(.named("orders"), data: [1], partitionKey: "k")
        _ = try world.putRecord(put, as: caller)
        try world.deletePrincipalPolicy(DeletePrincipalPolicyInput(.role, "r", policyName: "p"), as: admin)
        try world.deletePrincipal(DeletePrincipalInput(.role, "r"), as: admin)
        #expect(world.accounts[Self.account]?.roles["r"] == nil)
        #expect(throws: KinesisError.self) { _ = try world.putRecord(put, as: caller) }
        let missing = TestWorld.iamError { () throws(IAMError) in
            try world.deletePrincipalPolicy(DeletePrincipalPolicyInput(.role, "r", policyName: "p"), as: admin)
        }
        #expect(missing?.message == "The role with name r cannot be found.")
    }

    @Test func unknownInlinePoliciesAndKeysAreNoSuchEntity() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createUser(CreateUserInput(userName: "u"), as: admin)
        let policy = TestWorld.iamError { () throws(IAMError) in
            try world.deletePrincipalPolicy(DeletePrincipalPolicyInput(.user, "u", policyName: "nope"), as: admin)
        }
        #expect(policy?.message == "The user policy with name nope cannot be found.")
        let key = TestWorld.iamError { () throws(IAMError) in
            try world.deleteAccessKey(DeleteAccessKeyInput(userName: "u", accessKeyId: "AKIAEXAMPLEEXAMPLE00"), as: admin)
        }
        #expect(key?.message == "The Access Key with id AKIAEXAMPLEEXAMPLE00 cannot be found.")
        let shortId = TestWorld.iamError { () throws(IAMError) in
            try world.deleteAccessKey(DeleteAccessKeyInput(userName: "u", accessKeyId: "AKIA-1"), as: admin)
        }
        #expect(shortId?.message == "2 validation errors detected: Value 'AKIA-1' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16; "
                + #"Value 'AKIA-1' at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w]+"#)
    }
}
