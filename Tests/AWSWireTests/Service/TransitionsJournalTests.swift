import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// The transition times on the wire and in the journal: set once, journaled as a
/// `kdslab SetTransitions` entry, and replayed where they stand so that every replayed call
/// meets the states it met when it was made.
@Suite struct TransitionsJournalTests {
    static let start = AWSServiceTests.start
    static let timed = TransitionTimes.uniform(milliseconds: 500)

    /// A Kinesis call by `admin` received `after` milliseconds past the start.
    static func call(_ service: AWSService, _ operation: String, _ body: String, after: Int64) -> (status: Int, type: String?) {
        let now = start.adding(milliseconds: after)
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:4567"), ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.\(operation)"),
        ], body: Array(body.utf8))
        let response = service.handle(SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin").sign(request, service: "kinesis", at: now),
                                      now: now)
        return (response.status, response.header("x-amzn-ErrorType"))
    }

    static func status(_ service: AWSService) -> StreamStatus? {
        service.withWorld { $0.accounts[AWSService.defaultAccount]?.streams["us-east-1"]?["orders"]?.status }
    }

    static let create = #"{"StreamName":"orders","ShardCount":2}"#
    static let split = #"{"StreamName":"orders","ShardToSplit":"shardId-000000000000","NewStartingHashKey":"1000"}"#

    @Test func settingTheTimesIsJournaledOnceAsASettingNotARequest() throws {
        let service = AWSService.withDefaultAdmin()
        service.startJournal()
        #expect(service.transitions.isInstant)
        #expect(service.setTransitions(Self.timed, now: Self.start) == 1)
        #expect(service.setTransitions(Self.timed, now: Self.start.adding(milliseconds: 5)) == nil)
        #expect(service.transitions == Self.timed)
        let entries = service.takeJournal()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.service == "kdslab" && entry.operation == "SetTransitions" && !entry.isRequest)
        #expect(entry.line == #"{"v":1,"time":1767225600000,"service":"kdslab","operation":"SetTransitions","accessKeyId":"","caller":"","region":"","body":"{\"creatingMilliseconds\":500,\"updatingMilliseconds\":500,\"deletingMilliseconds\":500,\"consumerMilliseconds\":500}"}"#)
        #expect(JournalEntry(line: entry.line)?.transitionTimes == Self.timed)
        #expect(JournalLine(number: 1, text: entry.line).isRequest == false)
        #expect(JournalLine(number: 1, text: entry.line).isKeptByCompaction)
    }

    @Test func aReplayMeetsTheStatesTheCallsMetLive() throws {
        let live = AWSService.withDefaultAdmin()
        live.startJournal()
        live.setTransitions(Self.timed, now: Self.start)
        #expect(Self.call(live, "CreateStream", Self.create, after: 0).status == 200)
        // Too early: ResourceInUse, not journaled. Then ACTIVE, journaled.
        #expect(Self.call(live, "SplitShard", Self.split, after: 300).type == "ResourceInUseException")
        #expect(Self.call(live, "SplitShard", Self.split, after: 600).status == 200)
        let lines = live.takeJournal().map(\.line)
        #expect(lines.count == 3)

        let replayed = AWSService.withDefaultAdmin()
        #expect(try replayed.replay(lines: lines) == 3)
        #expect(replayed.transitions == Self.timed)
        // The split left it UPDATING, as it was live, until 500 ms after it.
        #expect(Self.status(replayed) == .updating)
        #expect(Self.call(replayed, "MergeShards", #"{"StreamName":"orders","ShardToMerge":"shardId-000000000002","AdjacentShardToMerge":"shardId-000000000003"}"#,
                          after: 1_000).type == "ResourceInUseException")
        #expect(Self.call(replayed, "DescribeStreamSummary", #"{"StreamName":"orders"}"#, after: 1_100).status == 200)
        #expect(Self.status(replayed) == .active)

        // Without the setting, the entries replay as if they were made instantly: the same
        // calls succeed, but the stream would be ACTIVE at once; with it, in flight.
        let without = AWSService.withDefaultAdmin()
        #expect(try without.replay(lines: Array(lines.dropFirst())) == 2)
        #expect(Self.status(without) == .active)
    }

    @Test func aTransitionInFlightAtShutdownEndsWhenItWasDue() throws {
        let live = AWSService.withDefaultAdmin()
        live.startJournal()
        live.setTransitions(Self.timed, now: Self.start)
        #expect(Self.call(live, "CreateStream", Self.create, after: 0).status == 200)
        let lines = live.takeJournal().map(\.line)

        let restarted = AWSService.withDefaultAdmin()
        try restarted.replay(lines: lines)
        #expect(Self.status(restarted) == .creating)
        // The first request after a restart, later on the clock, finds it ACTIVE.
        #expect(Self.call(restarted, "PutRecord", #"{"StreamName":"orders","Data":"aGk=","PartitionKey":"k"}"#, after: 500).status == 200)
    }

    @Test func aCallMadeUnderInstantTimesStillReplaysAfterASwitchToTimedOnes() throws {
        let live = AWSService.withDefaultAdmin()
        live.startJournal()
        #expect(Self.call(live, "CreateStream", Self.create, after: 0).status == 200)
        #expect(Self.call(live, "SplitShard", Self.split, after: 10).status == 200)
        live.setTransitions(Self.timed, now: Self.start.adding(milliseconds: 20))
        #expect(Self.call(live, "DeleteStream", #"{"StreamName":"orders"}"#, after: 30).status == 200)
        let lines = live.takeJournal().map(\.line)

        let replayed = AWSService.withDefaultAdmin()
        #expect(try replayed.replay(lines: lines) == 4)
        #expect(Self.status(replayed) == .deleting)
        // Replaying the timed setting first would refuse the split, 10 ms after the create.
        let reordered = [lines[2], lines[0], lines[1]]
        #expect(throws: JournalReplayError(line: 3, message: "kinesis SplitShard no longer succeeds: ResourceInUseException: Stream orders under account 111122223333 not ACTIVE, instead in state CREATING")) {
            try AWSService.withDefaultAdmin().replay(lines: reordered)
        }
    }

    @Test("A setting that cannot be read stops the replay at its line", arguments: [
        (#"{"creatingMilliseconds":500}"#, "kdslab SetTransitions no longer succeeds: the body does not give the four transition times in milliseconds"),
        (#"{"creatingMilliseconds":-1,"updatingMilliseconds":0,"deletingMilliseconds":0,"consumerMilliseconds":0}"#,
         "kdslab SetTransitions no longer succeeds: the body does not give the four transition times in milliseconds"),
        ("not json", "kdslab SetTransitions no longer succeeds: the body does not give the four transition times in milliseconds"),
    ])
    func unreadableSetting(body: String, message: String) throws {
        let entry = JournalEntry(time: Self.start, service: "kdslab", operation: "SetTransitions", accessKeyId: "", callerArn: "",
                                 region: "", body: body)
        #expect(throws: JournalReplayError(line: 1, message: message)) {
            try AWSService.withDefaultAdmin().replay(lines: [entry.line])
        }
    }

    @Test func anUnknownSettingStopsTheReplay() throws {
        let entry = JournalEntry(time: Self.start, service: "kdslab", operation: "SetWeather", accessKeyId: "", callerArn: "",
                                 region: "", body: "{}")
        #expect(throws: JournalReplayError(line: 1, message: "kdslab SetWeather no longer succeeds: `SetWeather` is not a kdslab setting")) {
            try AWSService.withDefaultAdmin().replay(lines: [entry.line])
        }
    }
}
