import AWSWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IAMPolicy
import KinesisSim
import LabServer

/// `serve.put_record_with_idle_ms`: how long a new client waits for a PutRecord while the
/// server holds 5,000 idle connections and 300 slowloris ones (each sending one byte of a
/// request head a second, and reconnecting when the server cuts it off). Each sample is a
/// fresh connection: connect, send, read the response, close; one every 5 ms for about 6 s,
/// so the slowloris clients are cut off (head timeout 5 s) and reconnect meanwhile. The
/// figures are the median and the 99th percentile.
extension ServeBenchmarks {
    static let idleConnections = 5_000
    static let slowConnections = 300
    static let crowdSamples = 1_200
    static let crowdPause = 0.005

    static func runCrowd(filter: String?) -> [(String, Double, String)] {
        let names = ["serve.put_record_with_idle_ms", "serve.put_record_with_idle_p99_ms"]
        guard names.contains(where: { name in filter.map { name.hasPrefix($0) || $0.hasPrefix(name) } ?? true })
        else { return [] }
        guard let (median, p99) = measureCrowd() else { return [] }
        return [(names[0], median, "ms"), (names[1], p99, "ms")]
    }

    /// Median and 99th-percentile milliseconds, or `nil` (with a note on standard error) when
    /// the process cannot open enough descriptors.
    static func measureCrowd() -> (Double, Double)? {
        let service = service()
        var configuration = ServerConfiguration()
        configuration.port = 0
        if let workers { configuration.workerThreads = workers }
        let server = HTTPServer(configuration: configuration, clock: { Int(time(nil)) }) { service.handle($0, now: now()) }
        guard let port = try? server.start() else { fatalError("cannot start the server") }
        defer { server.stop() }
        // The server raised the soft limit; clients and server share it.
        var limit = rlimit()
        #if canImport(Glibc)
        _ = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        _ = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        let needed = 2 * (idleConnections + slowConnections) + 200
        guard limit.rlim_cur >= rlim_t(needed) else {
            FileHandle.standardError.write(Data(
                "serve.put_record_with_idle_ms: skipped, needs \(needed) open descriptors (limit \(limit.rlim_cur))\n".utf8))
            return nil
        }

        var idle: [Int32] = []
        for _ in 0..<idleConnections {
            guard let fd = LoopbackClient.connectSocket(port: port) else { fatalError("cannot open idle connection") }
            idle.append(fd)
        }
        defer { for fd in idle { close(fd) } }
        let slow = SlowlorisCrowd(port: port, count: slowConnections)
        defer { slow.stop() }
        Thread.sleep(forTimeInterval: 1)

        let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
        let signedAt = now()
        let data = Base64.encode([UInt8](repeating: 0x63, count: 100))
        var samples: [Double] = []
        samples.reserveCapacity(crowdSamples)
        for i in 0..<crowdSamples {
            let body = #"{"StreamName":"bench","PartitionKey":"crowd-\#(i)","Data":"\#(data)"}"#
            let bytes = wire(signer.sign(request("PutRecord", body), service: "kinesis", at: signedAt))
            let started = DispatchTime.now().uptimeNanoseconds
            guard var client = LoopbackClient(port: port) else { fatalError("cannot connect") }
            guard let status = client.exchange(bytes) else { fatalError("the connection failed") }
            guard status == 200 else { fatalError("status \(status)") }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
            client.close()
            Thread.sleep(forTimeInterval: crowdPause)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)])
    }
}

/// Slowloris clients for the benchmark: each sends a request line, then one byte of header a
/// second, from a background thread; one the server has answered (408) or closed is replaced
/// by a new one.
final class SlowlorisCrowd: @unchecked Sendable {
    let port: Int
    let condition = NSCondition()
    // INVARIANT: `stopping` and `running` are read and written with `condition` locked;
    // `fds` only by the background thread (and by `stop()` once it has ended).
    var stopping = false
    var running = true
    var fds: [Int32] = []

    init(port: Int, count: Int) {
        self.port = port
        for _ in 0..<count { fds.append(Self.open(port: port)) }
        Thread { [self] in drip() }.start()
    }


    static func open(port: Int) -> Int32 {
        guard let fd = LoopbackClient.connectSocket(port: port) else { fatalError("cannot open slow connection") }
        let line = Array("POST / HTTP/1.1\r\n".utf8)
        _ = line.withUnsafeBytes { Platform.sendNoSignal(fd, $0.baseAddress!, $0.count) }
        return fd
    }

    func drip() {
        var scratch = [UInt8](repeating: 0, count: 512)
        condition.lock()
        while !stopping {
            condition.unlock()
            for i in fds.indices {
                let fd = fds[i]
                let received = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                var byte = UInt8(ascii: "X")
                if received >= 0 || Platform.sendNoSignal(fd, &byte, 1) != 1 {
                    close(fd)
                    fds[i] = Self.open(port: port)
                }
            }
            condition.lock()
            _ = condition.wait(until: Date(timeIntervalSinceNow: 1))
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
        for fd in fds { close(fd) }
    }
}
