import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct ResourcePolicyTests {
    static let readPolicy = #"""
    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:DescribeStreamSummary","Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"}]}
    """#

    @Test func putGetDeleteRoundTrip() throws {
        var (world, admin) = try TestWorld.withStream()
        let arn = ResourceARNInput(resourceARN: TestWorld.arn("orders"))
        #expect(try world.getResourcePolicy(arn, as: admin) == "{}")
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: Self.readPolicy), as: admin)
        #expect(try world.getResourcePolicy(arn, as: admin) == Self.readPolicy)
        try world.deleteResourcePolicy(arn, as: admin)
        #expect(try world.getResourcePolicy(arn, as: admin) == "{}")
        let error = kinesisError { try world.deleteResourcePolicy(arn, as: admin) }
        #expect(error?.code == .resourceNotFound)
    }

    @Test func putReplacesThePreviousPolicy() throws {
        var (world, admin) = try TestWorld.withStream()
        let other = Self.readPolicy.replacingOccurrences(of: "DescribeStreamSummary", with: "ListShards")
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: Self.readPolicy), as: admin)
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: other), as: admin)
        #expect(try world.getResourcePolicy(ResourceARNInput(resourceARN: TestWorld.arn("orders")), as: admin) == other)
    }

    @Test func consumerHasItsOwnPolicy() throws {
        var (world, admin) = try TestWorld.withStream()
        let consumer = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: TestWorld.arn("orders"), consumerName: "c"), as: admin)
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: consumer.consumerARN, policy: Self.readPolicy), as: admin)
        #expect(try world.getResourcePolicy(ResourceARNInput(resourceARN: consumer.consumerARN), as: admin) == Self.readPolicy)
        #expect(try world.getResourcePolicy(ResourceARNInput(resourceARN: TestWorld.arn("orders")), as: admin) == "{}")
    }

    /// (policy text, expected code, a fragment of the message)
    @Test(arguments: [
        ("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"kinesis:*\", \"Resource\": \"*\"}]\n}",
         KinesisError.Code.invalidArgument, "line 3, column"),
        ("{\"Statement\": [", .invalidArgument, "Invalid resource policy at line 1"),
        ("{\"Version\":\"2012-10-17\",\"Statement\":[]}" + String(repeating: " ", count: 20_480), .invalidArgument, "exceeds the maximum of 20480 bytes"),
    ])
    func malformedOrOversizedPolicyIsInvalidArgument(policy: String, code: KinesisError.Code, fragment: String) throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: policy), as: admin) }
        #expect(error?.code == code)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    @Test func missingPolicyIsValidationException() throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: nil), as: admin) }
        #expect(error?.code == .validation)
    }

    @Test func unknownStreamIsResourceNotFound() throws {
        var (world, admin) = try TestWorld.make()
        let error = kinesisError { try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("nope"), policy: Self.readPolicy), as: admin) }
        #expect(error?.code == .resourceNotFound)
    }

    @Test func otherAccountCannotPutAPolicyEvenWhenGranted() throws {
        var (world, admin) = try TestWorld.withStream()
        let grant = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kinesis:*","Resource":"*"}]}"#
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: grant), as: admin)
        let outsider = try TestWorld.user("outsider", policy: TestWorld.adminPolicy, in: &world, account: TestWorld.other)
        let error = kinesisError {
            try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: TestWorld.arn("orders"), policy: Self.readPolicy), as: outsider)
        }
        #expect(error?.code == .accessDenied)
        #expect(try world.getResourcePolicy(ResourceARNInput(resourceARN: TestWorld.arn("orders")), as: admin) == grant)
    }
}
