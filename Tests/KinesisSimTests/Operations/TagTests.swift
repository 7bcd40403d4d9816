import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct TagTests {
    @Test func addOverwritesRemoveIgnoresAbsentKeysListIsSorted() throws {
        var (world, admin) = try TestWorld.withStream(tags: ["team": "a"])
        try world.addTagsToStream(AddTagsToStreamInput(.named("orders"), tags: ["env": "prod", "team": "b"]), as: admin)
        try world.removeTagsFromStream(RemoveTagsFromStreamInput(.named("orders"), tagKeys: ["absent"]), as: admin)
        let listed = try world.listTagsForStream(ListTagsForStreamInput(.named("orders")), as: admin)
        #expect(listed.tags == [ResourceTag(key: "env", value: "prod"), ResourceTag(key: "team", value: "b")])
        #expect(!listed.hasMoreTags)
        try world.removeTagsFromStream(RemoveTagsFromStreamInput(.named("orders"), tagKeys: ["env"]), as: admin)
        #expect(try world.listTagsForStream(ListTagsForStreamInput(.named("orders")), as: admin).tags == [ResourceTag(key: "team", value: "b")])
    }

    @Test func listPagesWithLimitAndExclusiveStartTagKey() throws {
        var (world, admin) = try TestWorld.withStream(tags: ["a": "1", "b": "2", "c": "3"])
        let first = try world.listTagsForStream(ListTagsForStreamInput(.named("orders"), limit: 2), as: admin)
        #expect(first.tags.map(\.key) == ["a", "b"])
        #expect(first.hasMoreTags)
        let second = try world.listTagsForStream(ListTagsForStreamInput(.named("orders"), exclusiveStartTagKey: "b", limit: 2), as: admin)
        #expect(second.tags.map(\.key) == ["c"])
        #expect(!second.hasMoreTags)
    }

    @Test(arguments: [
        (["aws:owner": "x"], KinesisError.Code.invalidArgument),
        (["bad%key": "x"], .invalidArgument),
        (["": "x"], .validation),
        ([String: String](), .validation),
        (["k": String(repeating: "v", count: 257)], .validation),
    ])
    func tagRuleViolationIsRefused(tags: [String: String], code: KinesisError.Code) throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { try world.addTagsToStream(AddTagsToStreamInput(.named("orders"), tags: tags), as: admin) }
        #expect(error?.code == code)
    }

    @Test(arguments: [(50, true), (51, false)])
    func atMostFiftyTagsPerStream(total: Int, accepted: Bool) throws {
        var (world, admin) = try TestWorld.withStream(tags: ["existing": "1"])
        let tags = Dictionary(uniqueKeysWithValues: (1..<total).map { ("k\($0)", "v") })
        let input = AddTagsToStreamInput(.named("orders"), tags: tags)
        if accepted {
            try world.addTagsToStream(input, as: admin)
            #expect(try world.listTagsForResource(ResourceARNInput(resourceARN: TestWorld.arn("orders")), as: admin).count == 50)
        } else {
            let error = kinesisError { try world.addTagsToStream(input, as: admin) }
            #expect(error?.code == .invalidArgument)
        }
    }

    @Test(arguments: [
        (ListTagsForStreamInput(.named("orders"), limit: 0), KinesisError.Code.validation),
        (ListTagsForStreamInput(.named("orders"), limit: 51), .validation),
        (ListTagsForStreamInput(.named("nope")), .resourceNotFound),
        (ListTagsForStreamInput(StreamTarget(name: nil, arn: nil)), .invalidArgument),
    ])
    func badListRequestIsRefused(input: ListTagsForStreamInput, code: KinesisError.Code) throws {
        let (world, admin) = try TestWorld.withStream()
        let error = kinesisError { _ = try world.listTagsForStream(input, as: admin) }
        #expect(error?.code == code)
    }

    @Test(arguments: [[String]?.none, [], (0...50).map { "k\($0)" }])
    func badTagKeyListIsValidationException(keys: [String]?) throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { try world.removeTagsFromStream(RemoveTagsFromStreamInput(.named("orders"), tagKeys: keys), as: admin) }
        #expect(error?.code == .validation)
    }

    @Test func tagsOnUnknownStreamAreResourceNotFound() throws {
        var (world, admin) = try TestWorld.make()
        let error = kinesisError { try world.addTagsToStream(AddTagsToStreamInput(.named("nope"), tags: ["a": "b"]), as: admin) }
        #expect(error?.code == .resourceNotFound)
    }

    @Test func tagResourceUntagResourceAndListWorkOnStreamAndConsumerARNs() throws {
        var (world, admin) = try TestWorld.withStream()
        let consumer = try world.registerStreamConsumer(
            RegisterStreamConsumerInput(streamARN: TestWorld.arn("orders"), consumerName: "reader", tags: ["app": "r"]), as: admin)
        for arn in [TestWorld.arn("orders"), consumer.consumerARN] {
            try world.tagResource(TagResourceInput(resourceARN: arn, tags: ["env": "dev", "cost": "1"]), as: admin)
            try world.untagResource(UntagResourceInput(resourceARN: arn, tagKeys: ["cost", "absent"]), as: admin)
        }
        #expect(try world.listTagsForResource(ResourceARNInput(resourceARN: TestWorld.arn("orders")), as: admin)
                == [ResourceTag(key: "env", value: "dev")])
        #expect(try world.listTagsForResource(ResourceARNInput(resourceARN: consumer.consumerARN), as: admin)
                == [ResourceTag(key: "app", value: "r"), ResourceTag(key: "env", value: "dev")])
    }

    @Test(arguments: [
        (String?.none, KinesisError.Code.validation),
        ("arn:aws:s3:::bucket", .validation),
        ("arn:aws:kinesis:us-west-2:111122223333:stream/orders", .invalidArgument),
        ("arn:aws:kinesis:us-east-1:111122223333:stream/nope", .resourceNotFound),
        ("arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/ghost:1767225600", .resourceNotFound),
    ])
    func badResourceARNIsRefused(arn: String?, code: KinesisError.Code) throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { try world.tagResource(TagResourceInput(resourceARN: arn, tags: ["a": "b"]), as: admin) }
        #expect(error?.code == code)
        let listError = kinesisError { _ = try world.listTagsForResource(ResourceARNInput(resourceARN: arn), as: admin) }
        #expect(listError?.code == code)
    }
}
