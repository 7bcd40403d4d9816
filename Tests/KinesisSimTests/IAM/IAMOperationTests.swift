import IAMPolicy
import Testing
@testable import KinesisSim

/// IAM as operations of the world: authorized first, then performed on the world's users,
/// roles and policies; the world then authorizes Kinesis calls by what IAM made.
@Suite struct IAMOperationTests {
    static let account = TestWorld.account

    @Test("Every operation asks the evaluator first: a caller who may do nothing is denied, and nothing changes", arguments: [
        (IAMRequest.createUser(CreateUserInput(userName: "u")), "iam:CreateUser", "arn:aws:iam::111122223333:user/u"),
        (.createUser(CreateUserInput(userName: "u", path: "/team/")), "iam:CreateUser", "arn:aws:iam::111122223333:user/team/u"),
        (.createRole(CreateRoleInput(roleName: "r", assumeRolePolicyDocument: TestWorld.trust)), "iam:CreateRole", "arn:aws:iam::111122223333:role/r"),
        (.createAccessKey(CreateAccessKeyInput(userName: "ghost")), "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/ghost"),
        (.putPrincipalPolicy(PutPrincipalPolicyInput(.user, "ghost", policyName: "p", policyDocument: "{")),
         "iam:PutUserPolicy", "arn:aws:iam::111122223333:user/ghost"),
        (.createPolicy(CreatePolicyInput(policyName: "p", policyDocument: "{", path: "/x/")), "iam:CreatePolicy", "arn:aws:iam::111122223333:policy/x/p"),
        (.getPolicy(GetPolicyInput(policyArn: "arn:aws:iam::111122223333:policy/missing")), "iam:GetPolicy", "arn:aws:iam::111122223333:policy/missing"),
        (.attachPrincipalPolicy(AttachPrincipalPolicyInput(.role, "ghost", policyArn: "arn:aws:iam::111122223333:policy/missing")),
         "iam:AttachRolePolicy", "arn:aws:iam::111122223333:role/ghost"),
        (.listAttachedPrincipalPolicies(ListAttachedPrincipalPoliciesInput(.user, "admin")),
         "iam:ListAttachedUserPolicies", "arn:aws:iam::111122223333:user/admin"),
        (.simulateCustomPolicy(SimulateCustomPolicyInput(SimulationParameters(policyInputList: [TestWorld.putPolicy], actionNames: ["kinesis:PutRecord"]))),
         "iam:SimulateCustomPolicy", "*"),
        (.simulatePrincipalPolicy(SimulatePrincipalPolicyInput(policySourceArn: "arn:aws:iam::111122223333:user/ghost", SimulationParameters())),
         "iam:SimulatePrincipalPolicy", "arn:aws:iam::111122223333:user/ghost"),
        (.deletePrincipal(DeletePrincipalInput(.user, "admin")), "iam:DeleteUser", "arn:aws:iam::111122223333:user/admin"),
        (.deletePrincipal(DeletePrincipalInput(.role, "ghost")), "iam:DeleteRole", "arn:aws:iam::111122223333:role/ghost"),
        (.deletePrincipalPolicy(DeletePrincipalPolicyInput(.user, "admin", policyName: "admin")),
         "iam:DeleteUserPolicy", "arn:aws:iam::111122223333:user/admin"),
        (.detachPrincipalPolicy(DetachPrincipalPolicyInput(.role, "ghost", policyArn: AWSManagedPolicies.administratorAccessArn)),
         "iam:DetachRolePolicy", "arn:aws:iam::111122223333:role/ghost"),
        (.deleteAccessKey(DeleteAccessKeyInput(userName: "admin", accessKeyId: "AKIAEXAMPLEEXAMPLE00")),
         "iam:DeleteAccessKey", "arn:aws:iam::111122223333:user/admin"),
        (.deletePolicy(DeletePolicyInput(policyArn: AWSManagedPolicies.administratorAccessArn)),
         "iam:DeletePolicy", AWSManagedPolicies.administratorAccessArn),
    ])
    func accessDeniedBeforeAnythingElse(request: IAMRequest, action: String, resource: String) throws {
        var (world, _, nobody) = try TestWorld.withNobody()
        var issuer = CountingIssuer()
        let error = TestWorld.iamError { () throws(IAMError) in _ = try world.perform(request, as: nobody, issuer: &issuer) }
        #expect(error?.code == .accessDenied)
        #expect(error?.message.hasPrefix("User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: \(action) on resource: \(resource)") == true)
        #expect(error?.explanation != nil)
        #expect(world.accounts[Self.account]?.users.keys.sorted() == ["admin", "nobody"])
        #expect(world.credentials.all.isEmpty && issuer.drawn == 0)
    }

    @Test func expiredSessionCredentialsAreExpiredToken() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createRole(CreateRoleInput(roleName: "r", assumeRolePolicyDocument: TestWorld.trust), as: admin)
        var issuer = CountingIssuer()
        let session = try world.assumeRole(AssumeRoleInput(roleArn: "arn:aws:iam::111122223333:role/r", roleSessionName: "s1",
                                                           durationSeconds: 900), as: admin, issuer: &issuer)
        guard case .roleSession(let caller) = session.credentials.identity else {
            Issue.record("not a session")
            return
        }
        world.advance(milliseconds: 900_000)
        let error = TestWorld.iamError { () throws(IAMError) in _ = try world.createUser(CreateUserInput(userName: "u"), as: caller) }
        #expect(error?.code == .expiredToken)
        #expect(error?.httpStatus == 403)
    }

    @Test func usersAreUniqueAndKeepTheirPathAndCreateDate() throws {
        var (world, admin) = try TestWorld.make()
        world.advance(milliseconds: 5_000)
        let user = try world.createUser(CreateUserInput(userName: "u", path: "/ops/"), as: admin)
        #expect(user.createDate == world.now)
        #expect(world.accounts[Self.account]?.users["u"]?.path == "/ops/")
        let again = TestWorld.iamError { () throws(IAMError) in _ = try world.createUser(CreateUserInput(userName: "u"), as: admin) }
        #expect(again?.code == .entityAlreadyExists)
        #expect(again?.message == "User with name u already exists.")
        #expect(again?.httpStatus == 409)
    }

    @Test func accessKeysComeFromTheIssuerUpToTheQuota() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createUser(CreateUserInput(userName: "u"), as: admin)
        var issuer = CountingIssuer()
        let first = try world.createAccessKey(CreateAccessKeyInput(userName: "u"), as: admin, issuer: &issuer)
        #expect(first.accessKeyId == "AKIA" + String(repeating: "B", count: 16))
        #expect(first.secretAccessKey == String(repeating: "C", count: 40))
        #expect(world.credentials.key(first.accessKeyId)?.secretAccessKey == first.secretAccessKey)
        _ = try world.createAccessKey(CreateAccessKeyInput(userName: "u"), as: admin, issuer: &issuer)
        let third = TestWorld.iamError { () throws(IAMError) in _ = try world.createAccessKey(CreateAccessKeyInput(userName: "u"), as: admin, issuer: &issuer) }
        #expect(third?.code == .limitExceeded)
        #expect(third?.message == "Cannot exceed quota for AccessKeysPerUser: \(IAMLimits.accessKeysPerUser)")
        #expect(issuer.drawn == 4)
        #expect(world.credentials.keys(ofUser: "u", account: Self.account).count == 2)
        // Without a user name, the calling user's own key.
        let own = try world.createAccessKey(CreateAccessKeyInput(), as: admin, issuer: &issuer)
        guard case .user(let name, _) = own.identity else {
            Issue.record("not a user's key")
            return
        }
        #expect(name == "admin")
    }

    @Test func aManagedPolicyGrantsOnceAttachedAndCountsItsAttachments() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 1), as: admin)
        _ = try world.createUser(CreateUserInput(userName: "u"), as: admin)
        let producer = try #require(world.caller(user: "u", account: Self.account))
        let put = PutRecordInput(.named("orders"), data: [1], partitionKey: "k")
        #expect(throws: KinesisError.self) { _ = try world.putRecord(put, as: producer) }

        let created = try world.createPolicy(CreatePolicyInput(policyName: "put", policyDocument: TestWorld.putPolicy, path: "/team/"), as: admin)
        let arn = created.policy.arn
        #expect(arn == "arn:aws:iam::111122223333:policy/team/put")
        #expect(created.policy.policyId == IAMIdentifiers.uniqueId("ANPA", for: arn))
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(.user, "u", policyArn: arn), as: admin)
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(.user, "u", policyArn: arn), as: admin)
        #expect(world.accounts[Self.account]?.users["u"]?.attachedPolicies == [arn])
        _ = try world.putRecord(put, as: producer)
        #expect(try world.getPolicy(GetPolicyInput(policyArn: arn), as: admin).attachmentCount == 1)
        #expect(try world.listAttachedPrincipalPolicies(ListAttachedPrincipalPoliciesInput(.user, "u"), as: admin)
                == [AttachedPolicyReference(policyName: "put", policyArn: arn)])
        // Names are unique in the account, whatever the path.
        let duplicate = TestWorld.iamError { () throws(IAMError) in
            _ = try world.createPolicy(CreatePolicyInput(policyName: "put", policyDocument: TestWorld.putPolicy), as: admin)
        }
        #expect(duplicate?.code == .entityAlreadyExists)
        // An ARN with another path names no policy.
        let wrongPath = TestWorld.iamError { () throws(IAMError) in
            _ = try world.getPolicy(GetPolicyInput(policyArn: "arn:aws:iam::111122223333:policy/put"), as: admin)
        }
        #expect(wrongPath?.code == .noSuchEntity)
        #expect(wrongPath?.message == "Policy arn:aws:iam::111122223333:policy/put does not exist or is not attachable.")
    }

    @Test("At most ten managed policies per user or role", arguments: IAMPrincipalKind.allCases)
    func attachmentQuota(kind: IAMPrincipalKind) throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createUser(CreateUserInput(userName: "p"), as: admin)
        _ = try world.createRole(CreateRoleInput(roleName: "p", assumeRolePolicyDocument: TestWorld.trust), as: admin)
        var arns: [String] = []
        for i in 0...IAMLimits.managedPoliciesPerUser {
            arns.append(try world.createPolicy(CreatePolicyInput(policyName: "p\(i)", policyDocument: TestWorld.putPolicy), as: admin).policy.arn)
        }
        for arn in arns.dropLast() {
            try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(kind, "p", policyArn: arn), as: admin)
        }
        let error = TestWorld.iamError { () throws(IAMError) in
            try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(kind, "p", policyArn: arns[IAMLimits.managedPoliciesPerUser]), as: admin)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message == "Cannot exceed quota for \(kind == .user ? "PoliciesPerUser" : "PoliciesPerRole"): 10")
        // Attaching one already attached is no change, and no error.
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(kind, "p", policyArn: arns[0]), as: admin)
    }

    @Test func inlinePoliciesAreReplacedByName() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createRole(CreateRoleInput(roleName: "r", assumeRolePolicyDocument: TestWorld.trust), as: admin)
        try world.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "r", policyName: "p", policyDocument: TestWorld.putPolicy), as: admin)
        try world.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "r", policyName: "p", policyDocument: TestWorld.adminPolicy), as: admin)
        #expect(world.accounts[Self.account]?.roles["r"]?.policies.map(\.text) == [TestWorld.adminPolicy])
        let malformed = TestWorld.iamError { () throws(IAMError) in
            try world.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "r", policyName: "q", policyDocument: "{\"Statement\": ["), as: admin)
        }
        #expect(malformed?.code == .malformedPolicyDocument)
        let missing = TestWorld.iamError { () throws(IAMError) in
            try world.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "ghost", policyName: "q", policyDocument: TestWorld.putPolicy), as: admin)
        }
        #expect(missing?.message == "The role with name ghost cannot be found.")
        #expect(missing?.httpStatus == 404)
    }

    @Test func simulatePrincipalPolicyNamesThePrincipalsOwnPolicies() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createUser(CreateUserInput(userName: "u"), as: admin)
        try world.putPrincipalPolicy(PutPrincipalPolicyInput(.user, "u", policyName: "inline", policyDocument: TestWorld.putPolicy), as: admin)
        let arn = try world.createPolicy(CreatePolicyInput(policyName: "managed", policyDocument: TestWorld.putPolicy), as: admin).policy.arn
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(.user, "u", policyArn: arn), as: admin)
        try world.attachPrincipalPolicy(AttachPrincipalPolicyInput(.user, "u", policyArn: AWSManagedPolicies.administratorAccessArn), as: admin)
        let simulation = try world.simulatePrincipalPolicy(SimulatePrincipalPolicyInput(
            policySourceArn: "arn:aws:iam::111122223333:user/u", SimulationParameters(actionNames: ["kinesis:PutRecord"])), as: admin)
        #expect(simulation.sources == [
            "PolicyInputList.1": SimulatedPolicySource(id: "inline", type: "user"),
            "PolicyInputList.2": SimulatedPolicySource(id: "managed", type: "user-managed"),
            "PolicyInputList.3": SimulatedPolicySource(id: "AdministratorAccess", type: "aws-managed"),
        ])
        #expect(simulation.response.results.first?.result.decision == .allowed)
    }

    @Test func aPrincipalWithoutPoliciesIsSimulatedAsDeniedEverything() throws {
        var (world, admin) = try TestWorld.make()
        _ = try world.createRole(CreateRoleInput(roleName: "bare", assumeRolePolicyDocument: TestWorld.trust), as: admin)
        let simulation = try world.simulatePrincipalPolicy(SimulatePrincipalPolicyInput(
            policySourceArn: "arn:aws:iam::111122223333:role/bare", SimulationParameters(actionNames: ["kinesis:PutRecord"])), as: admin)
        #expect(simulation.response.results.map(\.result.decision) == [.implicitDeny])
        #expect(simulation.response.results.first?.result.matchedStatements.isEmpty == true)
    }
}
