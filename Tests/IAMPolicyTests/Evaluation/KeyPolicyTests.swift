import Testing
@testable import IAMPolicy

/// A KMS key policy must allow even within one account: identity policies count only when
/// the key policy enables the account (or names the caller).
@Suite struct KeyPolicyTests {
    static let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    static let producer = Principal(kind: .assumedRole, arn: "arn:aws:sts::111122223333:assumed-role/producer/s",
                                    account: "111122223333", roleArn: "arn:aws:iam::111122223333:role/producer")
    static let identity = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:GenerateDataKey","Resource":"*"}]}"#

    static func decide(keyPolicy: String?, identity: String?) throws -> Decision {
        var set = PolicySet()
        if let identity { set.identityPolicies = [try AttachedPolicy(id: "role", text: identity)] }
        if let keyPolicy { set.resourcePolicy = try AttachedPolicy(id: "key", text: keyPolicy, type: .resource) }
        set.resourcePolicyRequired = true
        let request = AuthorizationRequest(principal: producer, action: "kms:GenerateDataKey", resource: key)
        let full = Authorizer().authorize(request, against: set).decision
        #expect(Authorizer().decision(for: request, against: set) == full)
        return full
    }

    @Test(arguments: [
        // The key policy enables the account: the role's identity policy then decides.
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#, true, Decision.allowed),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#, false, .implicitDeny),
        // The key policy names the role: no identity policy needed.
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/producer"},"Action":"kms:GenerateDataKey","Resource":"*"}]}"#, false, .allowed),
        // The key policy names someone else: the identity policy alone is not enough.
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/admin"},"Action":"kms:*","Resource":"*"}]}"#, true, .implicitDeny),
    ])
    func keyPolicyMustEnableTheAccountOrTheCaller(keyPolicy: String, withIdentity: Bool, expected: Decision) throws {
        #expect(try Self.decide(keyPolicy: keyPolicy, identity: withIdentity ? Self.identity : nil) == expected)
    }

    @Test func noKeyPolicyMeansNoAccessWhateverIAMSays() throws {
        #expect(try Self.decide(keyPolicy: nil, identity: Self.identity) == .implicitDeny)
    }
}
