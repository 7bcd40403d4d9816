import IAMPolicy
import Testing
@testable import KinesisSim

/// STS as operations of the world: AssumeRole's sessions are credentials the world keeps and
/// callers that act as the role, within its trust policy and maximum session.
@Suite struct STSOperationTests {
    static let roleArn = "arn:aws:iam::111122223333:role/r"

    static func world(maxSession: Int = 7200) throws -> (KinesisWorld, Caller) {
        var (world, admin) = try TestWorld.make()
        _ = try world.createRole(CreateRoleInput(roleName: "r", assumeRolePolicyDocument: TestWorld.trust,
                                                 maxSessionDuration: maxSession), as: admin)
        try world.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "r", policyName: "put", policyDocument: TestWorld.putPolicy), as: admin)
        return (world, admin)
    }

    @Test func aSessionIsKeptAsCredentialsAndActsAsTheRole() throws {
        var (world, admin) = try Self.world()
        var issuer = CountingIssuer()
        let response = try world.perform(.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1", durationSeconds: 7200,
                                                                     policy: TestWorld.putPolicy)), as: admin, issuer: &issuer)
        guard case .assumedRole(let out) = response else {
            Issue.record("not an AssumeRole answer")
            return
        }
        #expect(out.assumedRoleArn == "arn:aws:sts::111122223333:assumed-role/r/s1")
        #expect(out.assumedRoleId == IAMIdentifiers.uniqueId("AROA", for: Self.roleArn) + ":s1")
        #expect(out.packedPolicySize == 6)
        #expect(out.credentials.accessKeyId.hasPrefix("ASIA") && out.credentials.accessKeyId.count == 20)
        #expect(out.credentials.sessionToken?.hasPrefix(IssuedCredentials.sessionTokenPrefix) == true)
        #expect(out.credentials.expiration == world.now.adding(milliseconds: 7_200_000))
        #expect(issuer.drawn == 3)
        let kept = try #require(world.credentials.key(out.credentials.accessKeyId))
        guard case .roleSession(let session) = kept.identity else {
            Issue.record("not a session")
            return
        }
        #expect(world.getCallerIdentity(as: session) == CallerIdentity(
            arn: "arn:aws:sts::111122223333:assumed-role/r/s1", userId: out.assumedRoleId, account: TestWorld.account))
        _ = try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        _ = try world.putRecord(PutRecordInput(.named("orders"), data: [1], partitionKey: "k"), as: session)
    }

    @Test func theTrustPolicyAndTheRolesMaximumDecide() throws {
        var (world, admin) = try Self.world(maxSession: 3600)
        var issuer = CountingIssuer()
        let tooLong = TestWorld.iamError { () throws(IAMError) in
            _ = try world.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1", durationSeconds: 3601), as: admin, issuer: &issuer)
        }
        #expect(tooLong?.code == .validationError)
        #expect(tooLong?.message == "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        let other = try TestWorld.user("other", policy: TestWorld.adminPolicy, in: &world)
        let untrusted = TestWorld.iamError { () throws(IAMError) in
            _ = try world.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1"), as: other, issuer: &issuer)
        }
        #expect(untrusted?.code == .accessDenied)
        #expect(untrusted?.message.contains("is not authorized to perform: sts:AssumeRole on resource: \(Self.roleArn)") == true)
        let missing = TestWorld.iamError { () throws(IAMError) in
            _ = try world.assumeRole(AssumeRoleInput(roleArn: "arn:aws:iam::111122223333:role/ghost", roleSessionName: "s1"), as: admin, issuer: &issuer)
        }
        #expect(missing?.code == .accessDenied)
        let malformed = TestWorld.iamError { () throws(IAMError) in
            _ = try world.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1", policy: "{"), as: admin, issuer: &issuer)
        }
        #expect(malformed?.code == .malformedPolicyDocument)
        #expect(issuer.drawn == 0 && world.credentials.all.isEmpty)
    }
}
