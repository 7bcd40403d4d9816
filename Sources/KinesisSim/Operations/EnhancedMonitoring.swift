/// The input of `EnableEnhancedMonitoring` and `DisableEnhancedMonitoring` (the same shape).
public struct EnhancedMonitoringInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `ShardLevelMetrics` (required; 1–7 names from the enum, `ALL` meaning all seven).
    public var shardLevelMetrics: [String]?

    /// Creates an input.
    public init(_ target: StreamTarget, shardLevelMetrics: [String]?) {
        self.target = target
        self.shardLevelMetrics = shardLevelMetrics
    }

    /// The seven shard-level metrics, in the model's order.
    public static let allMetrics = [
        "IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
        "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds",
    ]

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(shardLevelMetrics, at: "shardLevelMetrics")
        if let metrics = shardLevelMetrics {
            if metrics.isEmpty { v.fail("[]", at: "shardLevelMetrics", "Member must have length greater than or equal to 1") }
            if metrics.count > 7 {
                v.fail("[\(metrics.joined(separator: ", "))]", at: "shardLevelMetrics", "Member must have length less than or equal to 7")
            }
            for (i, m) in metrics.enumerated() {
                v.check(m, at: "shardLevelMetrics.\(i + 1).member", oneOf: Self.allMetrics + ["ALL"])
            }
        }
        try v.throwIfAny()
    }

    /// The metrics named, with `ALL` expanded.
    var expanded: Set<String> {
        let metrics = shardLevelMetrics ?? []
        return metrics.contains("ALL") ? Set(Self.allMetrics) : Set(metrics)
    }
}

/// The output of `EnableEnhancedMonitoring` and `DisableEnhancedMonitoring`.
public struct EnhancedMonitoringOutput: Sendable, Equatable {
    /// `StreamName`.
    public var streamName: String
    /// `StreamARN`.
    public var streamARN: String
    /// `CurrentShardLevelMetrics`: enabled before the call (sorted).
    public var currentShardLevelMetrics: [String]
    /// `DesiredShardLevelMetrics`: enabled after the call (sorted).
    public var desiredShardLevelMetrics: [String]
}

extension KinesisWorld {
    /// `EnableEnhancedMonitoring`: turns shard-level metrics on. The action has no resource
    /// type, so IAM authorizes it on `*` (a statement naming the stream ARN does not grant it).
    public mutating func enableEnhancedMonitoring(_ input: EnhancedMonitoringInput, as caller: Caller) throws(KinesisError) -> EnhancedMonitoringOutput {
        try changeMonitoring(input, enable: true, as: caller)
    }

    /// `DisableEnhancedMonitoring`: turns shard-level metrics off; authorized on `*`.
    public mutating func disableEnhancedMonitoring(_ input: EnhancedMonitoringInput, as caller: Caller) throws(KinesisError) -> EnhancedMonitoringOutput {
        try changeMonitoring(input, enable: false, as: caller)
    }

    private mutating func changeMonitoring(_ input: EnhancedMonitoringInput, enable: Bool, as caller: Caller) throws(KinesisError) -> EnhancedMonitoringOutput {
        try input.validate()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, enable ? "kinesis:EnableEnhancedMonitoring" : "kinesis:DisableEnhancedMonitoring",
                      on: "*", owner: ref.account, region: ref.region)
        let metrics = input.expanded
        return try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> EnhancedMonitoringOutput in
            try Self.requireActive(s)
            let current = s.shardLevelMetrics
            if enable { s.shardLevelMetrics.formUnion(metrics) } else { s.shardLevelMetrics.subtract(metrics) }
            return EnhancedMonitoringOutput(streamName: s.name, streamARN: s.arn,
                                            currentShardLevelMetrics: current.sorted(),
                                            desiredShardLevelMetrics: s.shardLevelMetrics.sorted())
        }
    }
}
