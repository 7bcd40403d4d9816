import Testing
import IAMPolicy
@testable import KinesisSim

/// `encodedBody()` writes GetRecords and PutRecord straight to bytes; the text must be what
/// `JSONWriter` writes for `body`, byte for byte.
@Suite struct EncodedBodyTests {
    static func perform(_ world: inout KinesisWorld, _ operation: String, _ body: String, as caller: Caller) throws -> KinesisJSONResponse {
        let response = world.perform(operation, body: try JSONReader().read(body), as: caller)
        #expect(response.status == 200, "\(operation): \(response.body.map { JSONWriter.string($0) } ?? "")")
        return response
    }

    static func expectSameText(_ response: KinesisJSONResponse, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let body = try #require(response.body, sourceLocation: sourceLocation)
        let encoded = try #require(response.encodedBody(), sourceLocation: sourceLocation)
        #expect(String(decoding: encoded, as: UTF8.self) == JSONWriter.string(body), sourceLocation: sourceLocation)
    }

    @Test func putRecordAndGetRecordsMatchTheWriter() throws {
        var (world, admin) = try DataWorld.make(shards: 1, name: "orders")
        // Keys needing escapes, non-ASCII, empty and odd-length data.
        let keys = [#"plain"#, #"quote\" and \\ backslash"#, #"tab\t nl\n \u0001"#, "größe/日本", "/"]
        let data = ["", "YQ==", "YWI=", "YWJj", "AAECAwQFBgcICQ=="]
        for (key, blob) in zip(keys, data) {
            let put = try Self.perform(&world, "PutRecord", #"{"StreamName": "orders", "Data": "\#(blob)", "PartitionKey": "\#(key)"}"#,
                                       as: admin)
            try Self.expectSameText(put)
        }
        world.advance(to: world.now.adding(milliseconds: 1_234))
        let iterator = try #require(try Self.perform(&world, "GetShardIterator",
            #"{"StreamName": "orders", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}"#, as: admin)
            .body?["ShardIterator"]?.stringValue)
        let got = try Self.perform(&world, "GetRecords", #"{"ShardIterator": "\#(iterator)", "Limit": 3}"#, as: admin)
        #expect(got.body?["Records"]?.elements?.count == 3)
        #expect(got.body?["MillisBehindLatest"]?.kind != .number("0"))
        try Self.expectSameText(got)
        let rest = try #require(got.body?["NextShardIterator"]?.stringValue)
        let caughtUp = try Self.perform(&world, "GetRecords", #"{"ShardIterator": "\#(rest)"}"#, as: admin)
        #expect(caughtUp.body?["Records"]?.elements?.count == 2)
        try Self.expectSameText(caughtUp)
        let empty = try Self.perform(&world, "GetRecords",
            #"{"ShardIterator": "\#(try #require(caughtUp.body?["NextShardIterator"]?.stringValue))"}"#, as: admin)
        #expect(empty.body?["Records"]?.elements?.isEmpty == true)
        try Self.expectSameText(empty)
    }

    @Test func encryptedRecordsAndClosedShardsMatchTheWriter() throws {
        var (world, admin) = try DataWorld.make(shards: 1, name: "orders")
        _ = try Self.perform(&world, "StartStreamEncryption",
            #"{"StreamName": "orders", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}"#, as: admin)
        let put = try Self.perform(&world, "PutRecord", #"{"StreamName": "orders", "Data": "YQ==", "PartitionKey": "k"}"#, as: admin)
        #expect(put.body?["EncryptionType"]?.stringValue == "KMS")
        try Self.expectSameText(put)
        let iterator = try #require(try Self.perform(&world, "GetShardIterator",
            #"{"StreamName": "orders", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}"#, as: admin)
            .body?["ShardIterator"]?.stringValue)
        _ = try Self.perform(&world, "SplitShard", """
            {"StreamName": "orders", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "\(UInt128(1) << 127)"}
            """, as: admin)
        let got = try Self.perform(&world, "GetRecords", #"{"ShardIterator": "\#(iterator)"}"#, as: admin)
        #expect(got.body?["Records"]?.elements?.first?["EncryptionType"]?.stringValue == "KMS")
        #expect(got.body?["ChildShards"]?.elements?.count == 2)
        #expect(got.body?["NextShardIterator"] == nil)
        try Self.expectSameText(got)
    }

    @Test func otherOperationsEncodeTheirDocument() throws {
        var (world, admin) = try DataWorld.make(shards: 1, name: "orders")
        let summary = try Self.perform(&world, "DescribeStreamSummary", #"{"StreamName": "orders"}"#, as: admin)
        try Self.expectSameText(summary)
        let created = try Self.perform(&world, "CreateStream", #"{"StreamName": "more", "ShardCount": 1}"#, as: admin)
        #expect(created.body == nil && created.encodedBody() == nil)
    }
}
