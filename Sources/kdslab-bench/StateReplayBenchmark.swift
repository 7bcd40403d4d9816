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

/// `serve.replay_200k_records_s`: how long `kdslab serve --state` takes at start to replay a
/// state file of 200,000 PutRecords (100-byte records, 4 shards, the default world with its
/// throughput limits) — reading, checking and applying every line. The best of three.
///
/// `serve.compact_200k_records_s`: how long a compaction takes to write (and sync) the
/// snapshot of that world, and `serve.replay_compacted_200k_records_s` how long the start
/// takes from the compacted file instead. Best of three each.
enum StateReplayBenchmark {
    static let records = 200_000

    /// The compaction figures: seconds to write the snapshot, seconds to start from it.
    static func compactedSeconds() -> (compact: Double, replay: Double) {
        let folder = NSTemporaryDirectory() + "kdslab-bench-compact-\(getpid())"
        mkdir(folder, 0o700)
        let path = folder + "/state.jsonl", compacted = folder + "/compacted.jsonl"
        defer {
            unlink(path)
            unlink(compacted)
            rmdir(folder)
        }
        let bytes = journal()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
        let service = AWSService.withDefaultAdmin()
        do {
            let state = try _StateBenchmark(path: path, service: service)
            state.stop()
        } catch {
            fatalError(error.message)
        }
        let world = service.withWorld { $0 }
        // The file's one request that changed more than records.
        let kept = Array(bytes.prefix { $0 != 0x0A }) + [0x0A]
        var compact = Double.infinity
        for _ in 0..<3 {
            let started = DispatchTime.now().uptimeNanoseconds
            guard let file = FileHandle(forWritingAtPath: compacted) ?? {
                FileManager.default.createFile(atPath: compacted, contents: nil) ? FileHandle(forWritingAtPath: compacted) : nil
            }() else { fatalError("cannot write \(compacted)") }
            file.truncateFile(atOffset: 0)
            var pending = kept
            JournalRecordsLine.write(world) { line in
                pending += line
                if pending.count >= 4 << 20 {
                    file.write(Data(pending))
                    pending.removeAll(keepingCapacity: true)
                }
                return true
            }
            file.write(Data(pending))
            file.synchronizeFile()
            file.closeFile()
            compact = min(compact, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        var replay = Double.infinity
        for _ in 0..<3 {
            let fresh = AWSService.withDefaultAdmin()
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                let state = try _StateBenchmark(path: compacted, service: fresh)
                state.stop()
            } catch {
                fatalError(error.message)
            }
            replay = min(replay, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            let count = fresh.withWorld { $0.storedRecords.count }
            guard count == records else { fatalError("the compacted file put back \(count) of \(records) records") }
        }
        return (compact, replay)
    }

    static func seconds() -> Double {
        let folder = NSTemporaryDirectory() + "kdslab-bench-replay-\(getpid())"
        mkdir(folder, 0o700)
        let path = folder + "/state.jsonl"
        defer {
            unlink(path)
            rmdir(folder)
        }
        let bytes = journal()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
        var best = Double.infinity
        for _ in 0..<3 {
            let service = AWSService.withDefaultAdmin()
            let started = DispatchTime.now().uptimeNanoseconds
            let replayed: Int
            do {
                let state = try _StateBenchmark(path: path, service: service)
                replayed = state.replayed
                state.stop()
            } catch {
                fatalError(error.message)
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            guard replayed == records + 1 else { fatalError("replayed \(replayed) of \(records + 1) entries") }
        }
        return best
    }

    /// The journal: CreateStream, then the PutRecords, three a millisecond (under the four
    /// shards' 4,000 records a second), as the server writes them.
    static func journal() -> [UInt8] {
        let start = Timestamp(milliseconds: 1_767_225_600_000 + 60_000)
        let admin = "arn:aws:iam::111122223333:user/admin"
        func entry(_ ms: Int64, _ operation: String, _ body: String) -> String {
            JournalEntry(time: start.adding(milliseconds: ms), service: "kinesis", operation: operation, accessKeyId: "admin",
                         callerArn: admin, region: "us-east-1", body: body).line
        }
        var out: [UInt8] = []
        out.reserveCapacity(records * 300)
        out += Array(entry(0, "CreateStream", #"{"StreamName":"replay","ShardCount":4}"#).utf8) + [0x0A]
        let data = Base64.encode([UInt8](repeating: 0x61, count: 100))
        for i in 0..<records {
            let body = #"{"StreamName":"replay","PartitionKey":"key-\#(i)","Data":"\#(data)"}"#
            out += Array(entry(1 + Int64(i / 3), "PutRecord", body).utf8) + [0x0A]
        }
        return out
    }
}
