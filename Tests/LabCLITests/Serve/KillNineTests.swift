import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kdslab serve --state` killed with SIGKILL in the middle of a flood of writes: after a
/// restart, every PutRecord and CreateStream the server acknowledged is there, with the
/// sequence number it was acknowledged with. Drives the real binary beside the tests.
///
/// Every other trial compacts the file as often as it can (``compactingEnvironment``), so
/// kills land before, during and after compactions; a trial says whether the file it
/// restarted from was a compacted one and whether the kill came in the middle of a
/// compaction.
///
/// The server runs with `--transitions instant`, so the flood writes to `flood` at once.
///
/// `KDSLAB_KILL_TRIALS=50 swift test --filter KillNineTests` runs more trials;
/// `KDSLAB_SERVE_BINARY=PATH` tries another build of kdslab.
@Suite("kdslab serve --state under kill -9", .serialized)
struct KillNineTests {
    static let binary = ProcessInfo.processInfo.environment["KDSLAB_SERVE_BINARY"]
        ?? TestPlatform.kdslabBinary
    static let trials = Int(ProcessInfo.processInfo.environment["KDSLAB_KILL_TRIALS"] ?? "") ?? 10
    static let writers = 12
    /// Compaction whenever the file has grown by 4 KiB (the least look interval).
    static let compactingEnvironment = [
        "KDSLAB_STATE_COMPACT_MIN_BYTES": "0", "KDSLAB_STATE_COMPACT_RATIO": "0",
    ]

    /// What the server acknowledged, gathered from the client threads.
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var records: [String: String] = [:]
        private var streams: [String] = []
        private var stopped = false

        func record(_ key: String, sequenceNumber: String) { lock.withLock { records[key] = sequenceNumber } }
        func stream(_ name: String) { lock.withLock { streams.append(name) } }
        func stop() { lock.withLock { stopped = true } }
        var isStopped: Bool { lock.withLock { stopped } }
        var snapshot: (records: [String: String], streams: [String]) { lock.withLock { (records, streams) } }
    }

    @Test("every acknowledged PutRecord and CreateStream survives kill -9")
    func acknowledgedWritesSurviveKill9() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "no kdslab binary beside the tests at \(Self.binary)")
        var generator = SystemRandomNumberGenerator()
        var compacted = 0
        for trial in 1...Self.trials {
            let delay = Int.random(in: 100...500, using: &generator)
            if try runTrial(trial, killAfterMilliseconds: delay, compacting: trial % 2 == 0) { compacted += 1 }
        }
        if Self.trials >= 2 { #expect(compacted > 0, "no trial restarted from a compacted file") }
    }

    /// One trial; returns whether the server restarted from a compacted file.
    func runTrial(_ trial: Int, killAfterMilliseconds delay: Int, compacting: Bool) throws -> Bool {
        let home = ChildProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let state = home + "/state.jsonl"
        let environment = compacting ? Self.compactingEnvironment : [:]
        let server = try ServerProcess(Self.binary, ["serve", "--port", "0", "--state", state, "--quiet", "--transitions", "instant"], home: home,
                                       environment: environment)
        let port = try #require(SignedLoopbackClient.port(of: server.url))
        let setup = try SignedLoopbackClient(port: port)
        #expect(try setup.kinesis("CreateStream", ["StreamName": "flood", "ShardCount": 8]).status == 200)

        let acknowledged = Acknowledged()
        let group = DispatchGroup()
        for writer in 0..<Self.writers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let client = try? SignedLoopbackClient(port: port) else { return }
                var i = 0
                while !acknowledged.isStopped {
                    let key = "t\(trial)-w\(writer)-\(i)"
                    let data = Data("record \(key)".utf8).base64EncodedString()
                    guard let put = try? client.kinesis("PutRecord", ["StreamName": "flood", "PartitionKey": key, "Data": data]) else { return }
                    if put.status == 200, let sequenceNumber = put.json["SequenceNumber"] as? String {
                        acknowledged.record(key, sequenceNumber: sequenceNumber)
                    }
                    i += 1
                }
            }
        }
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            guard let client = try? SignedLoopbackClient(port: port) else { return }
            var k = 0
            while !acknowledged.isStopped {
                let name = "made-\(k)"
                guard let created = try? client.kinesis("CreateStream", ["StreamName": name, "ShardCount": 1]) else { return }
                if created.status == 200 { acknowledged.stream(name) }
                k += 1
                usleep(10_000)
            }
        }
        usleep(UInt32(delay * 1000))
        server.kill9()
        acknowledged.stop()
        let midCompaction = FileManager.default.fileExists(atPath: state + ".compacting")
        // A compacted file holds records lines.
        let compacted = (try? String(contentsOfFile: state, encoding: .utf8))?.contains(#"{"v":1,"records":{"#) == true
        #expect(group.wait(timeout: .now() + 30) == .success, "the clients did not notice the kill")
        let (records, streams) = acknowledged.snapshot
        #expect(!records.isEmpty, "trial \(trial): nothing was acknowledged before the kill")

        let restarted = try ServerProcess(Self.binary, ["serve", "--port", "0", "--state", state, "--quiet", "--transitions", "instant"], home: home,
                                          environment: environment)
        #expect(!FileManager.default.fileExists(atPath: state + ".compacting"), "trial \(trial): the compaction's leftover was not removed")
        let client = try SignedLoopbackClient(port: try #require(SignedLoopbackClient.port(of: restarted.url)))
        let found = try Self.records(in: "flood", client)
        let lost = records.filter { found[$0.key] != $0.value }
        #expect(lost.count == 0, "trial \(trial): \(lost.count) of \(records.count) acknowledged PutRecords lost or changed, e.g. \(lost.first.map { "\($0)" } ?? "")")
        let lostStreams = try streams.filter { try client.kinesis("DescribeStreamSummary", ["StreamName": $0]).status != 200 }
        #expect(lostStreams.count == 0, "trial \(trial): \(lostStreams.count) of \(streams.count) acknowledged CreateStreams lost: \(lostStreams.prefix(5))")
        let compaction = compacting ? " \(compacted ? "compacted" : "not compacted yet")\(midCompaction ? ", killed during a compaction" : "");" : ""
        print("kill -9 trial \(trial): killed after \(delay) ms;\(compaction) \(records.count) PutRecords and \(streams.count) CreateStreams acknowledged, \(found.count) records after the restart, \(lost.count + lostStreams.count) lost")
        #expect(restarted.terminate().status == 0)
        return compacted
    }

    /// Every record of `stream`: partition key → sequence number.
    static func records(in stream: String, _ client: SignedLoopbackClient) throws -> [String: String] {
        let listed = try client.kinesis("ListShards", ["StreamName": stream])
        let shards = (listed.json["Shards"] as? [[String: Any]] ?? []).compactMap { $0["ShardId"] as? String }
        var out: [String: String] = [:]
        for shard in shards {
            var iterator = try client.kinesis("GetShardIterator", ["StreamName": stream, "ShardId": shard,
                                                                   "ShardIteratorType": "TRIM_HORIZON"]).json["ShardIterator"] as? String
            while let current = iterator {
                let got = try client.kinesis("GetRecords", ["ShardIterator": current, "Limit": 10000])
                if got.status == 400 {  // ProvisionedThroughputExceededException: five reads a second per shard
                    usleep(250_000)
                    continue
                }
                let batch = got.json["Records"] as? [[String: Any]] ?? []
                for r in batch {
                    if let key = r["PartitionKey"] as? String, let sequenceNumber = r["SequenceNumber"] as? String { out[key] = sequenceNumber }
                }
                iterator = batch.isEmpty ? nil : got.json["NextShardIterator"] as? String
            }
        }
        return out
    }
}
