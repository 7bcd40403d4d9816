import Foundation
import Testing
import AWSWire
import KinesisSim
@testable import LabCLI

/// `kdslab serve --transitions instant|aws`: the options, the banner, the states a client
/// sees on the wire under the real clock, and the state file.
@Suite struct ServeTransitionsTests {
    @Test func theDefaultIsAsOnAWSWithThreeSecondsEach() throws {
        let options = try ServeCommand.options([])
        #expect(options.transitions == .aws(milliseconds: 3_000))
        #expect(options.transitions.times == .uniform(milliseconds: 3_000))
    }

    @Test("The options and the environment choose the transitions", arguments: [
        (["--transitions", "instant"], [String: String](), ServeTransitions.instant),
        (["--transitions", "aws"], [:], .aws(milliseconds: 3_000)),
        (["--transition-ms", "50"], [:], .aws(milliseconds: 50)),
        (["--transitions", "aws", "--transition-ms", "600000"], [:], .aws(milliseconds: 600_000)),
        ([], ["KDSLAB_TRANSITION_MS": "120"], .aws(milliseconds: 120)),
        (["--transition-ms", "80"], ["KDSLAB_TRANSITION_MS": "120"], .aws(milliseconds: 80)),
        (["--transitions", "instant"], ["KDSLAB_TRANSITION_MS": "120"], .instant),
    ])
    func choices(arguments: [String], environment: [String: String], expected: ServeTransitions) throws {
        let options = try ServeCommand.options(arguments, environment: { environment[$0] })
        #expect(options.transitions == expected)
        #expect(options.transitions.times.isInstant == (expected == .instant))
    }

    @Test("Bad transition options are one-line usage errors", arguments: [
        (["--transitions", "slow"], [String: String](), "kdslab: --transitions `slow` is not `instant` or `aws` (see 'kdslab serve --help')"),
        (["--transition-ms", "0"], [:], "kdslab: --transition-ms `0` is not a number of milliseconds from 1 to 600000 (--transitions instant skips transitions) (see 'kdslab serve --help')"),
        (["--transition-ms", "1s"], [:], "kdslab: --transition-ms `1s` is not a number of milliseconds from 1 to 600000 (--transitions instant skips transitions) (see 'kdslab serve --help')"),
        (["--transition-ms", "600001"], [:], "kdslab: --transition-ms `600001` is not a number of milliseconds from 1 to 600000 (--transitions instant skips transitions) (see 'kdslab serve --help')"),
        (["--transitions", "instant", "--transition-ms", "5"], [:], "kdslab: --transition-ms `5` applies only with --transitions aws (see 'kdslab serve --help')"),
        ([], ["KDSLAB_TRANSITION_MS": "-3"], "kdslab: KDSLAB_TRANSITION_MS `-3` is not a number of milliseconds from 1 to 600000 (--transitions instant skips transitions) (see 'kdslab serve --help')"),
    ])
    func badOptions(arguments: [String], environment: [String: String], message: String) {
        let io = TestIO(environment: environment)
        #expect(KdslabCommand.run(arguments: ["serve"] + arguments, io: io) == 2)
        #expect(io.error == message + "\n")
        #expect(io.output.isEmpty)
    }

    @Test func theBannerSaysHowLongTransitionsLast() {
        var banner = ServeBanner(served: .defaultWorld(), host: "127.0.0.1", port: 4567, statePath: nil, replayed: 0, quiet: true,
                                 transitions: .aws(milliseconds: 500))
        #expect(banner.text.contains("\nTransitions: as on AWS, 500 ms each (CREATING, UPDATING, DELETING): wait for them, e.g. aws kinesis wait stream-exists.\nState: "))
        banner.transitions = .instant
        #expect(banner.text.contains("\nTransitions: instant (new streams are ACTIVE at once; AWS takes seconds, so wait there).\n"))
    }

    @Test func theHelpNamesTheOptions() {
        let io = TestIO()
        #expect(KdslabCommand.run(arguments: ["serve", "--help"], io: io) == 0)
        #expect(io.output.contains("[--transitions instant|aws] [--transition-ms MS]"))
        #expect(io.output.contains("$KDSLAB_TRANSITION_MS"))
    }

    @Test func theStateFileKeepsTheTimesAsASettingNotCountedAsARequest() throws {
        let folder = NSTemporaryDirectory() + "kdslab-transitions-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/state.jsonl"
        let live = AWSService.withDefaultAdmin()
        live.startJournal()
        live.setTransitions(.uniform(milliseconds: 500), now: ServeEndpoint.now())
        #expect(StateJournalTests.call(live, "CreateStream", #"{"StreamName":"kept","ShardCount":1}"#).response.status == 200)
        try (live.takeJournal().map(\.line).joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)

        let service = AWSService.withDefaultAdmin()
        let journal = try StateJournal.open(path)
        defer { journal.close() }
        #expect(try journal.load(into: service).replayed == 1)
        #expect(journal.entryCount == 1)
        #expect(service.transitions == .uniform(milliseconds: 500))

        service.startJournal()
        let committer = JournalCommitter(service: service, journal: journal)
        committer.start()
        // The same times again: nothing to keep. Others: one setting, on disk, not a request.
        #expect(service.setTransitions(.uniform(milliseconds: 500), now: ServeEndpoint.now()) == nil)
        let position = try #require(service.setTransitions(.instant, now: ServeEndpoint.now()))
        #expect(committer.waitUntilKept(position) == nil)
        #expect(committer.stop() == nil)
        #expect(journal.entryCount == 1)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last?.contains(#""service":"kdslab","operation":"SetTransitions""#) == true)
        #expect(lines.last.flatMap { JournalEntry(line: String($0)) }?.isRequest == false)
    }

    /// Polls `body` until it is true or `seconds` pass; whether it became true.
    static func eventually(within seconds: Double = 10, _ body: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try body() { return true }
            usleep(20_000)
        }
        return try body()
    }

    @Test("On the wire a stream is CREATING, UPDATING and DELETING for a while, on the real clock")
    func statesOnTheWire() throws {
        let served = ServedWorld.defaultWorld()
        served.service.setTransitions(ServeTransitions.aws(milliseconds: 300).times, now: ServeEndpoint.now())
        let running = try RunningEndpoint(served)
        let client = try SignedLoopbackClient(port: try #require(SignedLoopbackClient.port(of: running.url)))
        let stream = ["StreamName": "orders"]
        func status() throws -> String? {
            (try client.kinesis("DescribeStream", stream).json["StreamDescription"] as? [String: Any])?["StreamStatus"] as? String
        }

        #expect(try client.kinesis("CreateStream", ["StreamName": "orders", "ShardCount": 2]).status == 200)
        let creating = try client.kinesis("DescribeStream", stream).json["StreamDescription"] as? [String: Any]
        #expect(creating?["StreamStatus"] as? String == "CREATING")
        #expect((creating?["Shards"] as? [Any])?.isEmpty == true)
        let early = try client.kinesis("PutRecord", ["StreamName": "orders", "PartitionKey": "k", "Data": "aGk="])
        #expect(early.status == 400 && early.json["__type"] as? String == "ResourceNotFoundException")
        #expect(try Self.eventually { try status() == "ACTIVE" })
        #expect(try client.kinesis("PutRecord", ["StreamName": "orders", "PartitionKey": "k", "Data": "aGk="]).status == 200)

        #expect(try client.kinesis("UpdateShardCount", ["StreamName": "orders", "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"]).status == 200)
        #expect(try status() == "UPDATING")
        let busy = try client.kinesis("SplitShard", ["StreamName": "orders", "ShardToSplit": "shardId-000000000002", "NewStartingHashKey": "1000"])
        #expect(busy.json["__type"] as? String == "ResourceInUseException")
        #expect(busy.json["message"] as? String == "Stream orders under account 111122223333 not ACTIVE, instead in state UPDATING")
        #expect(try client.kinesis("PutRecord", ["StreamName": "orders", "PartitionKey": "k", "Data": "aGk="]).status == 200)
        #expect(try Self.eventually { try status() == "ACTIVE" })

        #expect(try client.kinesis("DeleteStream", stream).status == 200)
        let listed = try client.kinesis("ListStreams", [:]).json["StreamSummaries"] as? [[String: Any]]
        #expect(listed?.map { $0["StreamStatus"] as? String } == ["DELETING"])
        #expect(try Self.eventually { try client.kinesis("DescribeStream", stream).json["__type"] as? String == "ResourceNotFoundException" })
        #expect((try client.kinesis("ListStreams", [:]).json["StreamNames"] as? [String]) == [])
    }
}
