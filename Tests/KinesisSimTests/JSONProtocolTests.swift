import Testing
import IAMPolicy
@testable import KinesisSim

/// The JSON protocol: bodies as the AWS CLI sends them, errors with AWS's `__type`.
@Suite struct JSONProtocolTests {
    static func body(_ text: String) throws -> JSONValue {
        try JSONReader().read(text)
    }

    @Test func createThenDescribeThroughJSON() throws {
        var (world, admin) = try TestWorld.make()
        let created = world.perform("Kinesis_20131202.CreateStream", body: try Self.body(#"{"StreamName": "orders", "ShardCount": 2}"#), as: admin)
        #expect(created.status == 200)
        #expect(created.body == nil)
        let described = world.perform("DescribeStreamSummary", body: try Self.body(#"{"StreamName": "orders"}"#), as: admin)
        #expect(described.status == 200)
        let summary = try #require(described.body?["StreamDescriptionSummary"])
        #expect(summary["StreamStatus"]?.stringValue == "ACTIVE")
        #expect(summary["StreamARN"]?.stringValue == TestWorld.arn("orders"))
        #expect(summary["OpenShardCount"]?.kind == .number("2"))
        #expect(summary["KeyId"] == nil, "absent members are omitted, never null")
    }

    @Test(arguments: [
        (#"{"StreamName": 5, "ShardCount": 1}"#, "SerializationException", "NUMBER_VALUE cannot be converted to String"),
        (#"{"StreamName": "s", "ShardCount": "1"}"#, "SerializationException", "STRING_VALUE can not be converted to an Integer"),
        (#"{"StreamName": "s", "ShardCount": 1.5}"#, "SerializationException", "DECIMAL_VALUE can not be converted to an Integer"),
        (#"{"StreamName": {"a": 1}, "ShardCount": 1}"#, "SerializationException", "Start of structure or map found where not expected."),
        (#"{"StreamName": ["s"], "ShardCount": 1}"#, "SerializationException", "Start of list found where not expected"),
        (#"[1]"#, "SerializationException", "Start of structure or map expected, found array."),
        (#"{"ShardCount": 1}"#, "ValidationException", "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null"),
        (#"{"StreamName": "s", "ShardCount": 1, "StreamModeDetails": {"StreamMode": "FAST"}}"#, "ValidationException", "1 validation error detected: Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]"),
    ])
    func typeErrorsAreSerializationAndConstraintsAreValidation(body: String, type: String, message: String) throws {
        var (world, admin) = try TestWorld.make()
        let response = world.perform("CreateStream", body: try Self.body(body), as: admin)
        #expect(response.status == 400)
        #expect(response.body?["__type"]?.stringValue == type)
        #expect(response.body?["message"]?.stringValue == message)
    }

    @Test func unknownOperationIsUnknownOperationException() throws {
        var (world, admin) = try TestWorld.make()
        let response = world.perform("Kinesis_20131202.MakeItRain", body: try Self.body("{}"), as: admin)
        #expect(response.status == 400)
        #expect(response.body?["__type"]?.stringValue == "UnknownOperationException")
    }

    @Test func accessDeniedCarriesAWSsMessage() throws {
        var (world, admin) = try TestWorld.make()
        _ = world.perform("CreateStream", body: try Self.body(#"{"StreamName": "orders", "ShardCount": 1}"#), as: admin)
        let nobody = try TestWorld.user("nobody", policy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#, in: &world)
        let response = world.perform("DescribeStreamSummary", body: try Self.body(#"{"StreamName": "orders"}"#), as: nobody)
        #expect(response.body?["__type"]?.stringValue == "AccessDeniedException")
        #expect(response.body?["message"]?.stringValue == "User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: kinesis:DescribeStreamSummary on resource: arn:aws:kinesis:us-east-1:111122223333:stream/orders because no identity-based policy allows the kinesis:DescribeStreamSummary action")
    }
}
