import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct StreamConsumerTests {
    static let streamARN = TestWorld.arn("orders")

    @Test func registerIsCreatingThenActiveWithEpochSecondsARN() throws {
        var settings = WorldSettings.instant
        settings.consumerCreatingMilliseconds = 500
        var (world, admin) = try TestWorld.withStream(settings: settings)
        let c = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "reader"), as: admin)
        #expect(c.consumerStatus == .creating)
        #expect(c.consumerARN == "\(Self.streamARN)/consumer/reader:\(world.now.milliseconds / 1000)")
        world.advance(milliseconds: 500)
        let described = try world.describeStreamConsumer(.arn(c.consumerARN), as: admin)
        #expect(described.consumerStatus == .active)
        #expect(described.streamARN == Self.streamARN)
        #expect(try world.describeStreamConsumer(.named("reader", stream: Self.streamARN), as: admin) == described)
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).consumerCount == 1)
    }

    @Test func deregisterIsDeletingThenGone() throws {
        var settings = WorldSettings.instant
        settings.consumerCreatingMilliseconds = 200
        var (world, admin) = try TestWorld.withStream(settings: settings)
        let c = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "reader"), as: admin)
        world.advance(milliseconds: 200)
        try world.deregisterStreamConsumer(.arn(c.consumerARN), as: admin)
        #expect(try world.describeStreamConsumer(.arn(c.consumerARN), as: admin).consumerStatus == .deleting)
        let again = kinesisError { try world.deregisterStreamConsumer(.arn(c.consumerARN), as: admin) }
        #expect(again?.code == .resourceNotFound)
        world.advance(milliseconds: 200)
        let error = kinesisError { _ = try world.describeStreamConsumer(.arn(c.consumerARN), as: admin) }
        #expect(error?.code == .resourceNotFound)
        #expect(error?.message == "Consumer reader under stream orders under account 111122223333 not found.")
    }

    @Test func duplicateNameIsResourceInUse() throws {
        var (world, admin) = try TestWorld.withStream()
        _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "reader"), as: admin)
        let error = kinesisError { _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "reader"), as: admin) }
        #expect(error?.code == .resourceInUse)
    }

    @Test func consumerQuotaIsLimitExceeded() throws {
        var settings = WorldSettings.instant
        settings.consumersPerStream = 2
        var (world, admin) = try TestWorld.withStream(settings: settings)
        for name in ["a", "b"] {
            _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: name), as: admin)
        }
        let error = kinesisError { _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "c"), as: admin) }
        #expect(error?.code == .limitExceeded)
    }

    @Test(arguments: [
        (RegisterStreamConsumerInput(streamARN: nil, consumerName: "c"), KinesisError.Code.validation),
        (RegisterStreamConsumerInput(streamARN: streamARN, consumerName: nil), .validation),
        (RegisterStreamConsumerInput(streamARN: streamARN, consumerName: "bad name"), .validation),
        (RegisterStreamConsumerInput(streamARN: "orders", consumerName: "c"), .validation),
        (RegisterStreamConsumerInput(streamARN: TestWorld.arn("nope"), consumerName: "c"), .resourceNotFound),
        (RegisterStreamConsumerInput(streamARN: streamARN, consumerName: "c", tags: ["aws:x": "y"]), .invalidArgument),
    ])
    func badRegisterRequestIsRefused(input: RegisterStreamConsumerInput, code: KinesisError.Code) throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { _ = try world.registerStreamConsumer(input, as: admin) }
        #expect(error?.code == code)
    }

    @Test(arguments: [
        (ConsumerTarget(), KinesisError.Code.invalidArgument),
        (ConsumerTarget(streamARN: streamARN), .invalidArgument),
        (ConsumerTarget(consumerARN: "not-an-arn"), .validation),
        (ConsumerTarget.named("ghost", stream: streamARN), .resourceNotFound),
        (ConsumerTarget.arn("\(streamARN)/consumer/ghost:1767225600"), .resourceNotFound),
        (ConsumerTarget.named("reader", stream: TestWorld.arn("nope")), .resourceNotFound),
    ])
    func badDescribeOrDeregisterTargetIsRefused(target: ConsumerTarget, code: KinesisError.Code) throws {
        var (world, admin) = try TestWorld.withStream()
        _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "reader"), as: admin)
        let describe = kinesisError { _ = try world.describeStreamConsumer(target, as: admin) }
        #expect(describe?.code == code)
        let deregister = kinesisError { try world.deregisterStreamConsumer(target, as: admin) }
        #expect(deregister?.code == code)
    }

    @Test func listPagesByNameWithNextToken() throws {
        var (world, admin) = try TestWorld.withStream()
        for name in ["c", "a", "b"] {
            _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: name), as: admin)
        }
        let first = try world.listStreamConsumers(ListStreamConsumersInput(streamARN: Self.streamARN, maxResults: 2), as: admin)
        #expect(first.consumers.map(\.consumerName) == ["a", "b"])
        let token = try #require(first.nextToken)
        let second = try world.listStreamConsumers(ListStreamConsumersInput(streamARN: Self.streamARN, nextToken: token, maxResults: 2), as: admin)
        #expect(second.consumers.map(\.consumerName) == ["c"])
        #expect(second.nextToken == nil)
        let all = try world.listStreamConsumers(ListStreamConsumersInput(streamARN: Self.streamARN), as: admin)
        #expect(all.consumers.count == 3)
    }

    @Test func nextTokenExpiresAfterItsLifetime() throws {
        var (world, admin) = try TestWorld.withStream()
        for name in ["a", "b"] {
            _ = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: name), as: admin)
        }
        let token = try #require(try world.listStreamConsumers(ListStreamConsumersInput(streamARN: Self.streamARN, maxResults: 1), as: admin).nextToken)
        world.advance(milliseconds: world.settings.nextTokenLifetimeMilliseconds + 1)
        let error = kinesisError { _ = try world.listStreamConsumers(ListStreamConsumersInput(streamARN: Self.streamARN, nextToken: token), as: admin) }
        #expect(error?.code == .expiredNextToken)
    }

    @Test(arguments: [
        (ListStreamConsumersInput(streamARN: nil), KinesisError.Code.validation),
        (ListStreamConsumersInput(streamARN: streamARN, maxResults: 0), .validation),
        (ListStreamConsumersInput(streamARN: streamARN, nextToken: "zz"), .invalidArgument),
        (ListStreamConsumersInput(streamARN: TestWorld.arn("nope")), .resourceNotFound),
        (ListStreamConsumersInput(streamARN: streamARN, streamCreationTimestamp: Timestamp(milliseconds: 1)), .resourceNotFound),
    ])
    func badListRequestIsRefused(input: ListStreamConsumersInput, code: KinesisError.Code) throws {
        let (world, admin) = try TestWorld.withStream()
        let error = kinesisError { _ = try world.listStreamConsumers(input, as: admin) }
        #expect(error?.code == code)
    }

    @Test func consumerResourcePolicyGrantsDescribeOnTheConsumerARNOnly() throws {
        var (world, admin) = try TestWorld.withStream()
        let c = try world.registerStreamConsumer(RegisterStreamConsumerInput(streamARN: Self.streamARN, consumerName: "reader"), as: admin)
        let user = try TestWorld.user("app", policy: TestWorld.allow(["kinesis:ListShards"]), in: &world)
        let denied = kinesisError { _ = try world.describeStreamConsumer(.arn(c.consumerARN), as: user) }
        #expect(denied?.code == .accessDenied)
        #expect(denied?.message.contains("on resource: \(c.consumerARN)") == true)
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/app"},"Action":"kinesis:DescribeStreamConsumer","Resource":"\#(c.consumerARN)"}]}"#
        try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: c.consumerARN, policy: policy), as: admin)
        #expect(try world.describeStreamConsumer(.named("reader", stream: Self.streamARN), as: user).consumerName == "reader")
    }
}
