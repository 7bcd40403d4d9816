import Foundation
import IAMPolicy
import KinesisSim

/// The simulated stream's figures: PutRecords and GetRecords throughput in-process (each call
/// authorized by the evaluator), and resident memory per stored record.
enum StreamBenchmarks {
    static let account = "111122223333"
    static let producerPolicy = #"""
    {"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords","kinesis:DescribeStream"],
       "Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"},
      {"Effect":"Deny","Action":"kinesis:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
    """#
    static let consumerPolicy = #"""
    {"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["kinesis:GetRecords","kinesis:GetShardIterator","kinesis:DescribeStream","kinesis:ListShards"],
       "Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"}]}
    """#

    /// A world with stream `orders` (4 shards), a producer and a consumer; throughput limits off
    /// (the clock does not move while the benchmark runs).
    static func world() -> (KinesisWorld, producer: Caller, consumer: Caller) {
        var settings = WorldSettings.instant
        settings.enforceThroughputLimits = false
        var world = KinesisWorld(settings: settings)
        do {
            world.addUser(IAMUser(name: "admin", account: account, policies: [
                try NamedPolicy(name: "admin", text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#),
            ]), account: account)
            world.addRole(IAMRole(name: "producer", account: account, policies: [try NamedPolicy(name: "p", text: producerPolicy)]),
                          account: account)
            world.addRole(IAMRole(name: "consumer", account: account, policies: [try NamedPolicy(name: "c", text: consumerPolicy)]),
                          account: account)
            guard let admin = world.caller(user: "admin", account: account),
                  let producer = world.session(of: "producer", account: account),
                  let consumer = world.session(of: "consumer", account: account) else { fatalError("benchmark world") }
            try world.createStream(CreateStreamInput(streamName: "orders", shardCount: 4), as: admin)
            return (world, producer, consumer)
        } catch {
            fatalError("benchmark world: \(error)")
        }
    }

    /// 500 records of 100 bytes with distinct partition keys.
    static func batch(_ round: Int) -> PutRecordsInput {
        let data = [UInt8](repeating: 0x61, count: 100)
        return PutRecordsInput(.named("orders"), records: (0..<500).map {
            PutRecordsRequestEntry(data: data, partitionKey: "customer-\(round)-\($0)")
        })
    }

    static func run(filter: String?) -> [(String, Double, String)] {
        var out: [(String, Double, String)] = []
        func want(_ name: String) -> Bool { filter.map { name.hasPrefix($0) || $0.hasPrefix(name) } ?? true }
        if want("stream.put_records_per_s") || want("stream.get_records_per_s") {
            let (put, get) = putAndGet()
            if want("stream.put_records_per_s") { out.append(("stream.put_records_per_s", put, "1/s")) }
            if want("stream.get_records_per_s") { out.append(("stream.get_records_per_s", get, "1/s")) }
        }
        if want("stream.resident_bytes_per_record") {
            out.append(("stream.resident_bytes_per_record", residentBytesPerRecord(), "B"))
        }
        return out
    }

    /// PutRecords (500 × 100 B per call) then GetRecords of everything, records per second.
    static func putAndGet() -> (Double, Double) {
        var (world, producer, consumer) = world()
        let calls = 400
        let batches = (0..<calls).map(batch)
        var written = 0
        let put = bestRate(rounds: 3, operations: calls * 500) {
            for b in batches {
                guard let out = try? world.putRecords(b, as: producer) else { fatalError("PutRecords failed") }
                written += 500 - out.failedRecordCount
            }
        }
        var read = 0
        let get = bestRate(rounds: 3, operations: written) {
            read = 0
            for shard in 0..<4 {
                let start = GetShardIteratorInput(.named("orders"), shardId: Shard.id(shard), shardIteratorType: "TRIM_HORIZON")
                guard var iterator = try? world.getShardIterator(start, as: consumer).shardIterator else { fatalError("iterator") }
                while true {
                    guard let page = try? world.getRecords(GetRecordsInput(shardIterator: iterator, limit: 10_000), as: consumer)
                    else { fatalError("GetRecords failed") }
                    read += page.records.count
                    guard page.millisBehindLatest > 0 || !page.records.isEmpty, let next = page.nextShardIterator else { break }
                    if page.records.isEmpty { break }
                    iterator = next
                }
            }
        }
        guard read == written else { fatalError("read \(read) of \(written) records") }
        return (put, get)
    }

    /// Resident bytes added per record when one million 100-byte records are stored.
    static func residentBytesPerRecord() -> Double {
        var (world, producer, _) = world()
        let before = residentBytes()
        for round in 0..<2000 {
            guard (try? world.putRecords(batch(round), as: producer)) != nil else { fatalError("PutRecords failed") }
        }
        let after = residentBytes()
        consume(world)
        return Double(after - before) / 1_000_000
    }

    /// This process's resident set size (``Platform/residentBytes()``).
    static func residentBytes() -> Int {
        Platform.residentBytes()
    }
}
