import IAMPolicy
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AWSWire
import KinesisSim

/// A keep-alive HTTP/1.1 client on one loopback socket that signs each Kinesis request with
/// ``SigV4Signer`` as `admin`, for tests that drive the real `kdslab serve` binary.
final class SignedLoopbackClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private let port: Int
    private let signer = SigV4Signer(accessKeyId: "admin", secretAccessKey: "admin")
    private var received: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads give up after 10 s.
    init(port: Int) throws {
        self.port = port
        fd = TestPlatform.streamSocket(family: AF_INET)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port) failed (errno \(errno))")
        }
    }

    /// The port of an endpoint URL `http://127.0.0.1:PORT`.
    static func port(of url: String) -> Int? {
        url.split(separator: ":").last.flatMap { Int($0) }
    }

    deinit { close(fd) }

    /// Sends a signed Kinesis call; the status and the body's JSON object (empty when none).
    /// Throws when the connection fails before the whole response arrived.
    func kinesis(_ operation: String, _ body: [String: Any]) throws -> (status: Int, json: [String: Any]) {
        let data = try JSONSerialization.data(withJSONObject: body)
        let now = Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let request = signer.sign(HTTPRequest(method: "POST", target: "/", headers: [
            ("Host", "127.0.0.1:\(port)"), ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Kinesis_20131202.\(operation)"),
        ], body: Array(data)), service: "kinesis", at: now)
        var head = "POST / HTTP/1.1\r\n"
        for h in request.headers { head += "\(h.name): \(h.value)\r\n" }
        head += "Content-Length: \(request.body.count)\r\n\r\n"
        try send(Array(head.utf8) + request.body)
        let (status, bytes) = try readResponse()
        let object = bytes.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] ?? [:])
        return (status, object)
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { TestPlatform.sendNoSignal(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            offset += n
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw Failure(description: n == 0 ? "connection closed" : "recv failed (errno \(errno))") }
        received += chunk[0..<n]
    }

    private func readResponse() throws -> (Int, [UInt8]) {
        var end: Int?
        while end == nil {
            if received.count >= 4 {
                end = (0...(received.count - 4)).first { received[$0] == 13 && received[$0 + 1] == 10 && received[$0 + 2] == 13 && received[$0 + 3] == 10 }
            }
            if end == nil { try fill() }
        }
        let headEnd = end ?? 0
        let head = String(decoding: received[0..<headEnd], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var length = 0
        for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        while received.count < headEnd + 4 + length { try fill() }
        let body = Array(received[(headEnd + 4)..<(headEnd + 4 + length)])
        received.removeFirst(headEnd + 4 + length)
        return (status, body)
    }
}
