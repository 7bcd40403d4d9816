import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A keep-alive HTTP/1.1 client over one loopback socket, for the serve benchmark: sends
/// prepared request bytes and reads each response whole (head and `Content-Length` body).
struct LoopbackClient {
    let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var start = 0
    private var end = 0

    /// Connects to 127.0.0.1:`port`; `nil` if it cannot.
    init?(port: Int) {
        guard let s = Self.connectSocket(port: port) else { return nil }
        fd = s
    }

    /// A blocking socket connected to 127.0.0.1:`port`, with `TCP_NODELAY`; `nil` if it cannot.
    static func connectSocket(port: Int) -> Int32? {
        let s = Platform.streamSocket(family: AF_INET)
        guard s >= 0 else { return nil }
        var one: Int32 = 1
        setsockopt(s, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard ok else {
            Platform.closeDescriptor(s)
            return nil
        }
        return s
    }

    /// Sends `request` and returns the response's status, or `nil` if the connection failed.
    mutating func exchange(_ request: [UInt8]) -> Int? {
        let sent = request.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Platform.sendNoSignal(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        guard sent else { return nil }
        while true {
            if let (status, length) = parseResponse() {
                start += length
                if start == end { start = 0; end = 0 }
                return status
            }
            if end == buffer.count {
                // Make room: move what is left to the front (the buffer holds one response).
                buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
                end -= start
                start = 0
                if end == buffer.count { return nil }
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
            if n <= 0 { return nil }
            end += n
        }
    }

    /// The status and total length of a complete response at the buffer's start.
    private func parseResponse() -> (Int, Int)? {
        guard end - start >= 16 else { return nil }
        var i = start
        var headEnd = -1
        while i + 3 < end {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
                headEnd = i + 4
                break
            }
            i += 1
        }
        guard headEnd > 0 else { return nil }
        // "HTTP/1.1 200 ": the status is bytes 9 to 11.
        let status = Int(buffer[start + 9] - 48) * 100 + Int(buffer[start + 10] - 48) * 10 + Int(buffer[start + 11] - 48)
        // Find "content-length:" (any case) at the start of a line.
        let name = Array("content-length:".utf8)
        var length = 0
        var j = start
        while j + name.count < headEnd {
            if buffer[j] == 10 {
                var k = 0
                while k < name.count && (buffer[j + 1 + k] | 0x20) == name[k] { k += 1 }
                if k == name.count {
                    var p = j + 1 + k
                    while buffer[p] == 32 { p += 1 }
                    while buffer[p] >= 48 && buffer[p] <= 57 {
                        length = length * 10 + Int(buffer[p] - 48)
                        p += 1
                    }
                    break
                }
            }
            j += 1
        }
        guard end - headEnd >= length else { return nil }
        return (status, headEnd + length - start)
    }

    func close() {
        Platform.closeDescriptor(fd)
    }
}
