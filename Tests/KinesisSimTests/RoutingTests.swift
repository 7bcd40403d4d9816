import Digests
import Testing
@testable import KinesisSim

@Suite struct RoutingTests {
    @Test("even ranges match the shared vectors", arguments: [1, 2, 3, 4, 7])
    func evenRangesMatchVectors(shards: Int) throws {
        let expected = try #require(try HashVectors.load().kinesis_routing.ranges[String(shards)])
        let ranges = HashKeyRange.even(count: shards)
        #expect(ranges.map { [String($0.start), String($0.end)] } == expected)
    }

    @Test func everyRoutingExampleGoesToItsShard() throws {
        let examples = try HashVectors.load().kinesis_routing.examples
        #expect(examples.count == 35)
        for shards in Set(examples.map(\.shards)) {
            var (world, admin) = try DataWorld.make(shards: shards)
            for e in examples where e.shards == shards {
                #expect(String(MD5.hashKey(partitionKey: e.partitionKey)) == e.hashKey, "\(e.partitionKey)")
                let out = try DataWorld.put(&world, admin, key: e.partitionKey)
                #expect(out.shardId == e.shardId, "\(e.partitionKey) on \(shards) shards")
            }
        }
    }

    @Test func pk0GoesToTheFourthOfFourShards() throws {
        var (world, admin) = try DataWorld.make(shards: 4)
        #expect(try DataWorld.put(&world, admin, key: "pk-0").shardId == "shardId-000000000003")
    }

    /// Hash keys at the edges of the key space and of every shard of a 7-shard stream.
    static var edges: [(String, String)] {
        let ranges = HashKeyRange.even(count: 7)
        var rows: [(String, String)] = [("0", Shard.id(0)), (String(UInt128.max), Shard.id(6))]
        for (i, r) in ranges.enumerated() {
            rows.append((String(r.start), Shard.id(i)))
            rows.append((String(r.end), Shard.id(i)))
            if i < 6 { rows.append((String(r.end + 1), Shard.id(i + 1))) }
        }
        return rows
    }

    @Test("explicit hash keys at range edges route inclusively", arguments: edges)
    func explicitHashKeyEdgesRouteInclusively(hashKey: String, shardId: String) throws {
        var (world, admin) = try DataWorld.make(shards: 7)
        #expect(try DataWorld.put(&world, admin, key: "ignored", explicitHashKey: hashKey).shardId == shardId)
    }

    @Test func explicitHashKeyOverridesThePartitionKey() throws {
        var (world, admin) = try DataWorld.make(shards: 4)
        // pk-0 hashes to the last shard; the explicit key sends it to the first.
        #expect(try DataWorld.put(&world, admin, key: "pk-0", explicitHashKey: "5").shardId == "shardId-000000000000")
    }

    @Test func routingSkipsClosedShards() throws {
        var (world, admin) = try DataWorld.make(shards: 1)
        // Rearrange as a split would: shard 0 closed, children 1 and 2 own its halves.
        let halves = HashKeyRange.even(count: 2)
        world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards[0].closedAt = world.now
        for (i, r) in halves.enumerated() {
            world.accounts[TestWorld.account]!.streams[TestWorld.region]!["s"]!.shards
                .append(Shard(index: i + 1, hashKeyRange: r, createdAt: world.now, parentIndex: 0))
        }
        #expect(try DataWorld.put(&world, admin, key: "k", explicitHashKey: "0").shardId == "shardId-000000000001")
        #expect(try DataWorld.put(&world, admin, key: "k", explicitHashKey: String(UInt128.max)).shardId == "shardId-000000000002")
    }
}
