import Foundation
import Testing
@testable import LabCLI

/// Whether the real clients are installed: python3 with boto3, and the aws CLI. CI's
/// `.ci/run` installs them; elsewhere the suite is skipped.
enum RealClients {
    static let python = ChildProcess.which("python3")
    static let aws = ChildProcess.which("aws")
    static let available: Bool = {
        guard let python, aws != nil else { return false }
        return ChildProcess.run(python, ["-c", "import boto3"], environment: ProcessInfo.processInfo.environment, timeout: 60).status == 0
    }()
    static let skipReason: Comment = "python3 with boto3 and the aws CLI are not installed (pip install boto3 awscli); .ci/run installs them"
}

/// A served world on a free loopback port for one test.
final class RunningEndpoint {
    let endpoint: ServeEndpoint
    let url: String

    init(_ served: ServedWorld) throws {
        let options = try ServeCommand.options(["--port", "0"])
        endpoint = ServeEndpoint(served: served, configuration: options.configuration, log: nil)
        url = "http://127.0.0.1:\(try endpoint.start())"
    }

    deinit { endpoint.stop() }
}

@Suite("kdslab serve with boto3 and the aws CLI", .serialized, .enabled(if: RealClients.available, RealClients.skipReason))
struct RealClientTests {
    let home = ChildProcess.temporaryFolder()

    /// Runs `aws --endpoint-url URL ARGS…` as `key`.
    func aws(_ url: String, _ arguments: [String], key: String = "admin", secret: String? = nil) -> ChildProcess.Result {
        ChildProcess.run(RealClients.aws ?? "aws", ["--endpoint-url", url] + arguments,
                         environment: ChildProcess.awsEnvironment(home: home, key: key, secret: secret ?? key))
    }

    /// The parsed JSON output of a command that must succeed.
    func json(_ result: ChildProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        #expect(result.status == 0, "exit \(result.status): \(result.error)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return try #require(object as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test("boto3 creates, writes, reads, reshards, encrypts and deletes; IAM, STS and the simulator answer")
    func boto3Session() throws {
        let running = try RunningEndpoint(.defaultWorld())
        let script = try #require(Bundle.module.path(forResource: "boto3_session", ofType: "py", inDirectory: "Fixtures/serve"))
        let result = ChildProcess.run(RealClients.python ?? "python3", [script, running.url],
                                      environment: ChildProcess.awsEnvironment(home: home))
        #expect(result.status == 0, "boto3 script failed:\n\(result.output)\n\(result.error)")
        for step in ["create_stream", "put_record and put_records", "get_shard_iterator and get_records", "split_shard and merge_shards",
                     "AccessDenied for a producer that reads", "sts assume_role", "simulate_custom_policy",
                     "managed policies and deletes",
                     "start_stream_encryption", "delete_stream", "bad credentials"] {
            #expect(result.output.contains("ok: \(step)\n"), "step `\(step)` did not pass")
        }
    }

    @Test("boto3's stream_exists and stream_not_exists waiters wait through CREATING, UPDATING and DELETING")
    func boto3Waiters() throws {
        let served = ServedWorld.defaultWorld()
        served.service.setTransitions(ServeTransitions.aws(milliseconds: 1_000).times, now: ServeEndpoint.now())
        let running = try RunningEndpoint(served)
        let script = try #require(Bundle.module.path(forResource: "boto3_lifecycle", ofType: "py", inDirectory: "Fixtures/serve"))
        let result = ChildProcess.run(RealClients.python ?? "python3", [script, running.url],
                                      environment: ChildProcess.awsEnvironment(home: home))
        #expect(result.status == 0, "boto3 script failed:\n\(result.output)\n\(result.error)")
        for step in ["a stream is CREATING and takes no records", "stream_exists waits until it is ACTIVE",
                     "update_shard_count is UPDATING until stream_exists returns", "a consumer is CREATING, ACTIVE, DELETING, gone",
                     "a deleted stream is DELETING until stream_not_exists returns"] {
            #expect(result.output.contains("ok: \(step)\n"), "step `\(step)` did not pass")
        }
    }

    @Test("the aws CLI against the kdslab binary: a script that does not wait fails; wait stream-exists and stream-not-exists work")
    func awsCLIWaiters() throws {
        let binary = TestPlatform.kdslabBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no kdslab binary beside the tests at \(binary)")
        // Long enough for the next aws command to start within it on a busy machine, short
        // enough that the waiters' second look, ten seconds after the first, finds it done.
        let server = try ServerProcess(binary, ["serve", "--port", "0", "--quiet"], home: home,
                                       environment: ["KDSLAB_TRANSITION_MS": "6000"])
        #expect(server.banner.contains("Transitions: as on AWS, 6000 ms each"))
        let url = server.url
        #expect(aws(url, ["kinesis", "create-stream", "--stream-name", "w", "--shard-count", "1"]).status == 0)
        let hasty = aws(url, ["kinesis", "put-record", "--stream-name", "w", "--partition-key", "k", "--data", "eA=="])
        #expect(hasty.status != 0 && hasty.error.contains("ResourceNotFoundException"), "\(hasty.error)")
        let started = Date()
        let waited = aws(url, ["kinesis", "wait", "stream-exists", "--stream-name", "w"])
        #expect(waited.status == 0, "\(waited.error)")
        #expect(Date().timeIntervalSince(started) > 5, "the waiter found the stream ACTIVE at once")
        #expect(aws(url, ["kinesis", "put-record", "--stream-name", "w", "--partition-key", "k", "--data", "eA=="]).status == 0)

        #expect(aws(url, ["kinesis", "delete-stream", "--stream-name", "w"]).status == 0)
        let deleting = try json(aws(url, ["kinesis", "describe-stream-summary", "--stream-name", "w"]))
        #expect((deleting["StreamDescriptionSummary"] as? [String: Any])?["StreamStatus"] as? String == "DELETING")
        let gone = aws(url, ["kinesis", "wait", "stream-not-exists", "--stream-name", "w"])
        #expect(gone.status == 0, "\(gone.error)")
        let after = aws(url, ["kinesis", "describe-stream", "--stream-name", "w"])
        #expect(after.status != 0 && after.error.contains("ResourceNotFoundException"), "\(after.error)")
        #expect(server.terminate().status == 0)
    }

    @Test("the aws CLI drives a stream from creation to deletion")
    func awsCLIStream() throws {
        let running = try RunningEndpoint(.defaultWorld())
        let url = running.url
        #expect(aws(url, ["kinesis", "create-stream", "--stream-name", "cli", "--shard-count", "1"]).status == 0)
        let put = try json(aws(url, ["kinesis", "put-record", "--stream-name", "cli", "--partition-key", "pk", "--data", "hello"]))
        #expect(put["ShardId"] as? String == "shardId-000000000000")
        let batch = try json(aws(url, ["kinesis", "put-records", "--stream-name", "cli", "--records",
                                       "Data=second,PartitionKey=pk", "Data=third,PartitionKey=pk"]))
        #expect(batch["FailedRecordCount"] as? Int == 0)

        let iterator = aws(url, ["kinesis", "get-shard-iterator", "--stream-name", "cli", "--shard-id", "shardId-000000000000",
                                 "--shard-iterator-type", "TRIM_HORIZON", "--query", "ShardIterator", "--output", "text"])
        #expect(iterator.status == 0, "\(iterator.error)")
        let records = try json(aws(url, ["kinesis", "get-records", "--shard-iterator",
                                         iterator.output.trimmingCharacters(in: .whitespacesAndNewlines)]))
        let data = (records["Records"] as? [[String: Any]] ?? []).compactMap { $0["Data"] as? String }
        #expect(data == ["aGVsbG8=", "c2Vjb25k", "dGhpcmQ="])  // hello, second, third

        #expect(aws(url, ["kinesis", "split-shard", "--stream-name", "cli", "--shard-to-split", "shardId-000000000000",
                          "--new-starting-hash-key", "170141183460469231731687303715884105728"]).status == 0)
        #expect(aws(url, ["kinesis", "merge-shards", "--stream-name", "cli", "--shard-to-merge", "shardId-000000000001",
                          "--adjacent-shard-to-merge", "shardId-000000000002"]).status == 0)
        let shards = try json(aws(url, ["kinesis", "list-shards", "--stream-name", "cli"]))
        #expect((shards["Shards"] as? [[String: Any]])?.count == 4)

        #expect(aws(url, ["kinesis", "start-stream-encryption", "--stream-name", "cli", "--encryption-type", "KMS",
                          "--key-id", "alias/aws/kinesis"]).status == 0)
        let summary = try json(aws(url, ["kinesis", "describe-stream-summary", "--stream-name", "cli"]))
        #expect((summary["StreamDescriptionSummary"] as? [String: Any])?["EncryptionType"] as? String == "KMS")

        #expect(aws(url, ["kinesis", "delete-stream", "--stream-name", "cli"]).status == 0)
        let gone = aws(url, ["kinesis", "describe-stream", "--stream-name", "cli"])
        #expect(gone.status != 0 && gone.error.contains("ResourceNotFoundException"), "\(gone.error)")
    }

    @Test("the aws CLI: a producer made through IAM is denied reads; AssumeRole; SimulateCustomPolicy")
    func awsCLIIdentity() throws {
        let running = try RunningEndpoint(.defaultWorld())
        let url = running.url
        let producerPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:DescribeStream"],"Resource":"arn:aws:kinesis:us-east-1:111122223333:stream/orders"}]}"#
        #expect(aws(url, ["kinesis", "create-stream", "--stream-name", "orders", "--shard-count", "1"]).status == 0)
        #expect(aws(url, ["iam", "create-user", "--user-name", "producer"]).status == 0)
        #expect(aws(url, ["iam", "put-user-policy", "--user-name", "producer", "--policy-name", "produce",
                          "--policy-document", producerPolicy]).status == 0)
        let created = try json(aws(url, ["iam", "create-access-key", "--user-name", "producer"]))
        let key = try #require(created["AccessKey"] as? [String: Any])
        let id = try #require(key["AccessKeyId"] as? String), secret = try #require(key["SecretAccessKey"] as? String)

        #expect(aws(url, ["kinesis", "put-record", "--stream-name", "orders", "--partition-key", "a", "--data", "x"],
                    key: id, secret: secret).status == 0)
        let read = aws(url, ["kinesis", "get-shard-iterator", "--stream-name", "orders", "--shard-id", "shardId-000000000000",
                             "--shard-iterator-type", "TRIM_HORIZON"], key: id, secret: secret)
        #expect(read.status != 0)
        #expect(read.error.contains("AccessDeniedException"), "\(read.error)")
        #expect(read.error.contains("user/producer is not authorized to perform: kinesis:GetShardIterator"), "\(read.error)")

        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#
        let role = try json(aws(url, ["iam", "create-role", "--role-name", "reader", "--assume-role-policy-document", trust]))
        let roleArn = try #require((role["Role"] as? [String: Any])?["Arn"] as? String)
        let assumed = try json(aws(url, ["sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli-session"]))
        #expect((assumed["AssumedRoleUser"] as? [String: Any])?["Arn"] as? String
                == "arn:aws:sts::111122223333:assumed-role/reader/cli-session")
        let credentials = try #require(assumed["Credentials"] as? [String: Any])
        #expect((credentials["AccessKeyId"] as? String)?.hasPrefix("ASIA") == true)
        #expect(credentials["SessionToken"] is String)

        let simulated = try json(aws(url, ["iam", "simulate-custom-policy", "--policy-input-list", producerPolicy,
                                           "--action-names", "kinesis:PutRecord", "kinesis:GetRecords",
                                           "--resource-arns", "arn:aws:kinesis:us-east-1:111122223333:stream/orders"]))
        let decisions = (simulated["EvaluationResults"] as? [[String: Any]] ?? []).map {
            "\($0["EvalActionName"] ?? "?")=\($0["EvalDecision"] ?? "?")"
        }
        #expect(decisions == ["kinesis:PutRecord=allowed", "kinesis:GetRecords=implicitDeny"])
    }

    @Test("--lab serves the lab's world with the learner's draft; role keys act as sessions of their roles")
    func labWorld() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let progress = home + "/progress"
        try FileManager.default.createDirectory(atPath: progress + "/workspace", withIntermediateDirectories: true)
        let solution = try String(contentsOfFile: root + "/labs/producer-only/solution.json", encoding: .utf8)
        try solution.write(toFile: progress + "/workspace/producer-only.json", atomically: true, encoding: .utf8)
        let io = EnvironmentIO(["KDSLAB_HOME": progress])
        var options = try ServeCommand.options(["--lab", "producer-only", "--labs", root + "/labs"])
        options.configuration.port = 0
        let served = try ServeCommand.world(for: options, io: io)
        #expect(served.keys.map(\.accessKeyId) == ["admin", "checkout-producer", "order-auditor"])
        #expect(served.summary.contains("your draft \(progress)/workspace/producer-only.json"))
        let running = try RunningEndpoint(served)
        let url = running.url

        let me = try json(aws(url, ["sts", "get-caller-identity"], key: "checkout-producer"))
        #expect(me["Arn"] as? String == "arn:aws:sts::111122223333:assumed-role/checkout-producer/kdslab-serve")
        #expect(aws(url, ["kinesis", "put-record", "--stream-name", "orders", "--partition-key", "a", "--data", "x"],
                    key: "checkout-producer").status == 0)
        let payments = aws(url, ["kinesis", "put-record", "--stream-name", "payments", "--partition-key", "a", "--data", "x"],
                           key: "checkout-producer")
        #expect(payments.error.contains("AccessDeniedException"), "\(payments.error)")
        let streams = try json(aws(url, ["kinesis", "list-streams"]))
        #expect(streams["StreamNames"] as? [String] == ["orders", "payments"])
    }

    @Test("the kdslab binary stops on SIGTERM, saves its state and replays it on the next start")
    func binaryKeepsState() throws {
        let binary = TestPlatform.kdslabBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no kdslab binary beside the tests at \(binary)")
        let state = home + "/state.jsonl"

        let first = try ServerProcess(binary, ["serve", "--port", "0", "--state", state], home: home)
        #expect(aws(first.url, ["kinesis", "create-stream", "--stream-name", "kept", "--shard-count", "2"]).status == 0)
        let stopped = first.terminate()
        #expect(stopped.status == 0)
        #expect(stopped.error.contains("POST kinesis CreateStream 200"))
        #expect(stopped.error.contains("state saved to \(state) (1 requests)"))

        let second = try ServerProcess(binary, ["serve", "--port", "0", "--state", state, "--quiet"], home: home)
        #expect(second.banner.contains("(1 request replayed)"))
        let streams = try json(aws(second.url, ["kinesis", "list-streams"]))
        #expect(streams["StreamNames"] as? [String] == ["kept"])
        #expect(second.terminate().status == 0)

        try "not json\n".write(toFile: state, atomically: true, encoding: .utf8)
        let refused = ChildProcess.run(binary, ["serve", "--port", "0", "--state", state], environment: ["HOME": home], timeout: 30)
        #expect(refused.status == 2)
        #expect(refused.error == "kdslab: the state file '\(state)', line 1: not a kdslab journal entry (format version 1); fix or move it aside to start\n")
    }
}
