import AWSWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IAMPolicy
import KinesisSim
import LabCLI
import LabServer

/// `kdslab serve`'s figures: PutRecord and GetRecords requests per second over loopback, with
/// several keep-alive clients at once. Each client sends requests signed in advance (signing
/// is the client's cost, not the server's), so the figure is what the server answers: HTTP
/// decoding, SigV4 verification, the Kinesis operation, the JSON response.
///
/// Unlike the single-core figures, clients and server share the machine's cores here, so the
/// rate depends on what else the machine runs; `…_cpu_us_per_request` (the whole process's
/// CPU time, clients included, per request answered) does much less.
enum ServeBenchmarks {
    /// Concurrent clients (`KDSLAB_BENCH_CLIENTS` overrides 8).
    static let clients = Int(ProcessInfo.processInfo.environment["KDSLAB_BENCH_CLIENTS"] ?? "") ?? 8
    /// Concurrent clients of the `--state` workload (`KDSLAB_BENCH_STATE_CLIENTS` overrides
    /// 32): each waits for its write's sync, so the rate is clients over the sync's latency
    /// until the CPU runs out; a flood has many clients.
    static let stateClients = Int(ProcessInfo.processInfo.environment["KDSLAB_BENCH_STATE_CLIENTS"] ?? "") ?? 32
    static let seconds = 3.0
    /// The server's worker threads (`KDSLAB_BENCH_WORKERS` overrides the server's default).
    static let workers = Int(ProcessInfo.processInfo.environment["KDSLAB_BENCH_WORKERS"] ?? "")

    static func run(filter: String?) -> [(String, Double, String)] {
        func want(_ name: String) -> Bool { filter.map { name.hasPrefix($0) || $0.hasPrefix(name) } ?? true }
        var out: [(String, Double, String)] = []
        for (workload, name) in [(Workload.putRecord, "put_record"), (.getRecords, "get_records"),
                                 (.putRecordWithState, "put_record_with_state")]
        where want("serve.\(name)_requests_per_s") || want("serve.\(name)_cpu_us_per_request") {
            let (rate, cpu) = measure(workload)
            if want("serve.\(name)_requests_per_s") { out.append(("serve.\(name)_requests_per_s", rate, "1/s")) }
            if want("serve.\(name)_cpu_us_per_request") { out.append(("serve.\(name)_cpu_us_per_request", cpu, "us")) }
        }
        if want("serve.replay_200k_records_s") {
            out.append(("serve.replay_200k_records_s", StateReplayBenchmark.seconds(), "s"))
        }
        if want("serve.compact_200k_records_s") || want("serve.replay_compacted_200k_records_s") {
            let (compact, replay) = StateReplayBenchmark.compactedSeconds()
            if want("serve.compact_200k_records_s") { out.append(("serve.compact_200k_records_s", compact, "s")) }
            if want("serve.replay_compacted_200k_records_s") { out.append(("serve.replay_compacted_200k_records_s", replay, "s")) }
        }
        return out + runCrowd(filter: filter)
    }

    /// `putRecordWithState`: PutRecord as `kdslab serve --state` answers it, each
    /// acknowledged once its journal entry is synced to a state file in the temporary folder.
    enum Workload { case putRecord, getRecords, putRecordWithState }

    static func now() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(milliseconds: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec / 1_000_000))
    }

    /// A service with stream `bench` (4 shards) holding 1,000 records; throughput limits off.
    static func service() -> AWSService {
        var settings = WorldSettings.instant
        settings.enforceThroughputLimits = false
        let service = AWSService.withDefaultAdmin(world: KinesisWorld(settings: settings, start: now()))
        let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
        func call(_ operation: String, _ body: String) -> HTTPResponse {
            let t = now()
            return service.handle(signer.sign(request(operation, body), service: "kinesis", at: t), now: t)
        }
        guard call("CreateStream", #"{"StreamName":"bench","ShardCount":4}"#).status == 200 else { fatalError("CreateStream failed") }
        let data = Base64.encode([UInt8](repeating: 0x61, count: 100))
        for i in 0..<1000 {
            guard call("PutRecord", #"{"StreamName":"bench","PartitionKey":"seed-\#(i)","Data":"\#(data)"}"#).status == 200 else {
                fatalError("PutRecord failed")
            }
        }
        return service
    }

    static func request(_ operation: String, _ body: String) -> HTTPRequest {
        HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1"), ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.\(operation)"), ("User-Agent", "kdslab-bench"),
        ], body: Array(body.utf8))
    }

    /// The request as bytes on the wire.
    static func wire(_ r: HTTPRequest) -> [UInt8] {
        var text = "\(r.method) \(r.target) HTTP/1.1\r\n"
        for h in r.headers { text += "\(h.name): \(h.value)\r\n" }
        text += "Content-Length: \(r.body.count)\r\n\r\n"
        return Array(text.utf8) + r.body
    }

    /// This process's user and system CPU time so far, in microseconds.
    static func cpuMicroseconds() -> Double {
        Platform.cpuMicroseconds()
    }

    /// Runs the workload with `clients` threads (`stateClients` with a state file) for
    /// `seconds`: requests per second, and CPU microseconds per request.
    static func measure(_ workload: Workload) -> (Double, Double) {
        let clients = workload == .putRecordWithState ? Self.stateClients : Self.clients
        let service = service()
        var configuration = ServerConfiguration()
        configuration.port = 0
        if let workers { configuration.workerThreads = workers }
        var state: (_StateBenchmark, String)?
        if workload == .putRecordWithState {
            let folder = NSTemporaryDirectory() + "kdslab-bench-\(getpid())"
            mkdir(folder, 0o700)
            do {
                state = (try _StateBenchmark(path: folder + "/state.jsonl", service: service), folder)
            } catch {
                fatalError(error.message)
            }
        }
        defer {
            if let (journal, folder) = state {
                journal.stop()
                unlink(folder + "/state.jsonl")
                rmdir(folder)
            }
        }
        let server: HTTPServer
        if let journal = state?.0 {
            server = HTTPServer(configuration: configuration, clock: { Int(time(nil)) }) { request, responder in
                journal.respond(to: request, responder: responder)
            }
        } else {
            server = HTTPServer(configuration: configuration, clock: { Int(time(nil)) }) { service.handle($0, now: now()) }
        }
        guard let port = try? server.start() else { fatalError("cannot start the server") }
        defer { server.stop() }

        let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
        let signedAt = now()
        var pools: [[[UInt8]]] = []
        for client in 0..<clients {
            var pool: [[UInt8]] = []
            switch workload {
            case .putRecord, .putRecordWithState:
                let data = Base64.encode([UInt8](repeating: 0x62, count: 100))
                for i in 0..<64 {
                    let body = #"{"StreamName":"bench","PartitionKey":"client-\#(client)-\#(i)","Data":"\#(data)"}"#
                    pool.append(wire(signer.sign(request("PutRecord", body), service: "kinesis", at: signedAt)))
                }
            case .getRecords:
                let shard = Shard.id(client % 4)
                let start = service.handle(signer.sign(request("GetShardIterator",
                    #"{"StreamName":"bench","ShardId":"\#(shard)","ShardIteratorType":"TRIM_HORIZON"}"#), service: "kinesis", at: signedAt),
                    now: signedAt)
                let text = String(decoding: start.body, as: UTF8.self)
                guard let json = try? JSONReader().read(text), let iterator = json["ShardIterator"]?.stringValue else {
                    fatalError("GetShardIterator failed: \(text)")
                }
                pool.append(wire(signer.sign(request("GetRecords", #"{"ShardIterator":"\#(iterator)","Limit":10}"#),
                                             service: "kinesis", at: signedAt)))
            }
            pools.append(pool)
        }

        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: clients)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        nonisolated(unsafe) let results = counts
        let cpuBefore = cpuMicroseconds()
        let started = DispatchTime.now().uptimeNanoseconds
        let deadline = started + UInt64(seconds * 1e9)
        let group = DispatchGroup()
        for client in 0..<clients {
            let pool = pools[client]
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard var connection = LoopbackClient(port: port) else { fatalError("cannot connect") }
                defer { connection.close() }
                var n = 0
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    for _ in 0..<16 {
                        guard let status = connection.exchange(pool[n % pool.count]) else { fatalError("the connection failed") }
                        guard status == 200 else { fatalError("status \(status)") }
                        n += 1
                    }
                }
                results[client] = n
            }
        }
        group.wait()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = cpuMicroseconds() - cpuBefore
        let total = Double(counts.reduce(0, +))
        return (total / elapsed, cpu / max(total, 1))
    }
}
