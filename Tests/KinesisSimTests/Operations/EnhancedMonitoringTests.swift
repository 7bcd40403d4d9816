import Testing
import IAMPolicy
@testable import KinesisSim

@Suite struct EnhancedMonitoringTests {
    @Test func enableAllThenDisableOneReportsCurrentAndDesired() throws {
        var (world, admin) = try TestWorld.withStream()
        let enabled = try world.enableEnhancedMonitoring(EnhancedMonitoringInput(.named("orders"), shardLevelMetrics: ["ALL"]), as: admin)
        #expect(enabled.streamName == "orders")
        #expect(enabled.streamARN == TestWorld.arn("orders"))
        #expect(enabled.currentShardLevelMetrics == [])
        #expect(enabled.desiredShardLevelMetrics == EnhancedMonitoringInput.allMetrics.sorted())
        let disabled = try world.disableEnhancedMonitoring(EnhancedMonitoringInput(.named("orders"), shardLevelMetrics: ["IncomingBytes"]), as: admin)
        #expect(disabled.currentShardLevelMetrics.count == 7)
        #expect(disabled.desiredShardLevelMetrics.count == 6)
        #expect(!disabled.desiredShardLevelMetrics.contains("IncomingBytes"))
        #expect(try world.describeStreamSummary(.named("orders"), as: admin).enhancedMonitoring == disabled.desiredShardLevelMetrics)
    }

    @Test(arguments: [
        ([String]?.none, "Value null at 'shardLevelMetrics'"),
        ([], "Member must have length greater than or equal to 1"),
        (["IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords", "WriteProvisionedThroughputExceeded",
          "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds", "ALL"], "Member must have length less than or equal to 7"),
        (["IncomingBites"], "Value 'IncomingBites' at 'shardLevelMetrics.1.member' failed to satisfy constraint: Member must satisfy enum value set"),
    ])
    func badMetricListIsValidationException(metrics: [String]?, message: String) throws {
        var (world, admin) = try TestWorld.withStream()
        let error = kinesisError { _ = try world.enableEnhancedMonitoring(EnhancedMonitoringInput(.named("orders"), shardLevelMetrics: metrics), as: admin) }
        #expect(error?.code == .validation)
        #expect(error?.message.contains(message) == true)
    }

    @Test func unknownStreamIsResourceNotFound() throws {
        var (world, admin) = try TestWorld.make()
        let error = kinesisError { _ = try world.enableEnhancedMonitoring(EnhancedMonitoringInput(.named("nope"), shardLevelMetrics: ["ALL"]), as: admin) }
        #expect(error?.code == .resourceNotFound)
    }

    @Test(arguments: [("arn:aws:kinesis:us-east-1:111122223333:stream/orders", false), ("*", true)])
    func authorizedOnStarNotOnTheStreamARN(resource: String, allowed: Bool) throws {
        var (world, _) = try TestWorld.withStream()
        let user = try TestWorld.user("ops", policy: TestWorld.allow(["kinesis:EnableEnhancedMonitoring"], on: resource), in: &world)
        let input = EnhancedMonitoringInput(.named("orders"), shardLevelMetrics: ["IncomingBytes"])
        if allowed {
            #expect(try world.enableEnhancedMonitoring(input, as: user).desiredShardLevelMetrics == ["IncomingBytes"])
        } else {
            let error = kinesisError { _ = try world.enableEnhancedMonitoring(input, as: user) }
            #expect(error?.code == .accessDenied)
            #expect(error?.message.contains("on resource: *") == true)
        }
    }
}
