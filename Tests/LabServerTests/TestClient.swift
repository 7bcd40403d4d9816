import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw-socket HTTP client for the tests: it writes exactly the bytes it is given and reads
/// responses by hand, so the tests see what the server really sends.
final class TestClient {
    let fd: Int32
    var received: [UInt8] = []

    /// A response as read off the wire.
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Connects to `host:port`; reads give up after `readTimeout` seconds so no test hangs.
    init(host: String = "127.0.0.1", port: Int, readTimeout: Double = 10) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        fd = TestPlatform.streamSocket(family: family)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var tv = timeval(tv_sec: Int(readTimeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let result: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect to \(host):\(port) failed (errno \(errno))")
        }
    }

    deinit { close(fd) }

    /// Sends `text` with every `\n` turned into CRLF.
    func send(_ text: String) throws {
        try send(Array(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8))
    }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { TestPlatform.sendNoSignal(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            offset += n
        }
    }

    /// Reads more bytes; `false` at end of stream.
    func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { return false }
        guard n > 0 else { throw Failure(description: "recv failed or timed out (errno \(errno))") }
        received += chunk[0..<n]
        return true
    }

    /// Reads one whole response (head and `Content-Length` body).
    func readResponse() throws -> Response {
        var headEnd: Int?
        while true {
            if let end = Self.find([13, 10, 13, 10], in: received) {
                headEnd = end
                break
            }
            guard try fill() else { throw Failure(description: "connection closed before a response head") }
        }
        let end = headEnd ?? 0
        let head = String(decoding: received[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(head)")
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let bodyStart = end + 4
        while received.count < bodyStart + length {
            guard try fill() else { throw Failure(description: "connection closed inside a body") }
        }
        let body = Array(received[bodyStart..<bodyStart + length])
        received.removeFirst(bodyStart + length)
        return Response(status: status, headers: headers, body: body)
    }

    /// Whether the server closed the connection (reads end of stream) with nothing more sent.
    func readsEndOfStream() throws -> Bool {
        guard received.isEmpty else { return false }
        return try !fill()
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<i + needle.count].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
