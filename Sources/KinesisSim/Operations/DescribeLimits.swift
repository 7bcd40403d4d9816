/// `DescribeLimits`'s output: the account's shard and on-demand quotas in the region, and use.
public struct DescribeLimitsOutput: Sendable, Equatable {
    /// `ShardLimit`.
    public var shardLimit: Int
    /// `OpenShardCount`: open shards across the account's streams in the region.
    public var openShardCount: Int
    /// `OnDemandStreamCount`.
    public var onDemandStreamCount: Int
    /// `OnDemandStreamCountLimit`.
    public var onDemandStreamCountLimit: Int
}

extension KinesisWorld {
    /// `DescribeLimits` for the caller's account in the region it calls.
    /// `kinesis:DescribeLimits` has no resource type, so it is authorized on `*`.
    public func describeLimits(as caller: Caller) throws(KinesisError) -> DescribeLimitsOutput {
        let account = caller.principal.account, region = caller.region
        try authorize(caller, "kinesis:DescribeLimits", on: "*", owner: account)
        let onDemand = accounts[account]?.streams[region]?.values.filter { $0.mode == .onDemand }.count ?? 0
        return DescribeLimitsOutput(shardLimit: settings.shardLimit, openShardCount: openShardCount(account: account, region: region),
                                    onDemandStreamCount: onDemand, onDemandStreamCountLimit: settings.onDemandStreamLimit)
    }
}
