import AWSWire
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LabServer
import Testing

@Suite("HTTPServer with many idle and slow connections")
struct ManyConnectionsTests {
    /// Whether this process may open `count` descriptors, after raising its soft limit to the
    /// hard limit (as the server does when it starts).
    static func descriptorsAvailable(_ count: Int) -> Bool {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return false }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            #if canImport(Darwin)
            raised.rlim_cur = min(raised.rlim_cur, rlim_t(OPEN_MAX))
            #endif
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur >= rlim_t(count)
    }

    static func configuration(_ edit: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        HTTPServerTests.configuration(edit)
    }

    /// Sends one request on a new connection; its response's body and the seconds it took.
    static func timedRequest(port: Int, path: String = "/normal") throws -> (String, Double) {
        let started = Date()
        let client = try TestClient(port: port)
        try client.send("GET \(path) HTTP/1.1\nHost: x\n\n")
        let response = try client.readResponse()
        return (response.text, Date().timeIntervalSince(started))
    }

    @Test(
        "1,000 idle and 50 slowloris connections do not delay a normal request",
        .enabled(if: ManyConnectionsTests.descriptorsAvailable(2_300), "needs 2,300 open descriptors; the hard limit is lower"))
    func idleAndSlowloris() throws {
        try HTTPServerTests.withServer { _, port in
            let idle = try (0..<1_000).map { _ in try TestClient(port: port) }
            let slow = try SlowClients(count: 50, port: port, interval: 0.2)
            defer { slow.stop() }
            Thread.sleep(forTimeInterval: 0.5)  // the slow clients have dripped a few bytes
            for i in 0..<3 {
                let (text, seconds) = try Self.timedRequest(port: port, path: "/normal/\(i)")
                #expect(text == "GET /normal/\(i) ")
                #expect(seconds < 2)
            }
            // The idle connections are still open and served.
            for client in [idle[0], idle[499], idle[999]] {
                try client.send("GET /late HTTP/1.1\nHost: x\n\n")
                #expect(try client.readResponse().text == "GET /late ")
            }
        }
    }

    @Test("a slowloris connection gets 408 and is closed within the head timeout")
    func slowlorisTimedOut() throws {
        let configuration = Self.configuration { $0.headTimeoutSeconds = 0.5 }
        try HTTPServerTests.withServer(configuration) { _, port in
            let started = Date()
            let slow = try SlowClients(count: 1, port: port, interval: 0.1)
            defer { slow.stop() }
            let client = slow.clients[0]
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
            #expect(try client.readsEndOfStream())
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed >= 0.45)
            #expect(elapsed < 3)
            // A request that sends its head in time is still answered.
            #expect(try Self.timedRequest(port: port).0 == "GET /normal ")
        }
    }

    @Test("a slow body is allowed the request timeout, not the head timeout")
    func slowBodyWithinRequestTimeout() throws {
        let configuration = Self.configuration {
            $0.headTimeoutSeconds = 0.2
            $0.requestTimeoutSeconds = 5
        }
        try HTTPServerTests.withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            try client.send("POST /upload HTTP/1.1\nHost: x\nContent-Length: 4\n\n")
            for byte in "body".utf8 {
                Thread.sleep(forTimeInterval: 0.15)
                try client.send([byte])
            }
            #expect(try client.readResponse().text == "POST /upload body")
        }
    }

    @Test("300 idle connections do not delay a new one")
    func threeHundredIdle() throws {
        try HTTPServerTests.withServer { _, port in
            let idle = try (0..<300).map { _ in try TestClient(port: port) }
            let (text, seconds) = try Self.timedRequest(port: port)
            #expect(text == "GET /normal ")
            #expect(seconds < 2)
            try idle[0].send("GET /first HTTP/1.1\nHost: x\n\n")
            #expect(try idle[0].readResponse().text == "GET /first ")
        }
    }

    @Test("when full, the connection idle longest is closed to make room for a new client")
    func evictsOldestIdle() throws {
        let configuration = Self.configuration { $0.maxConnections = 3 }
        try HTTPServerTests.withServer(configuration) { _, port in
            let clients = try (0..<3).map { _ in try TestClient(port: port) }
            for (i, client) in clients.enumerated() {
                try client.send("GET /\(i) HTTP/1.1\nHost: x\n\n")
                #expect(try client.readResponse().text == "GET /\(i) ")
            }
            Thread.sleep(forTimeInterval: 1.1)  // past the eviction grace
            let (text, seconds) = try Self.timedRequest(port: port, path: "/newcomer")
            #expect(text == "GET /newcomer ")
            #expect(seconds < 2)
            #expect(try clients[0].readsEndOfStream())
            try clients[1].send("GET /still HTTP/1.1\nHost: x\n\n")
            #expect(try clients[1].readResponse().text == "GET /still ")
        }
    }

    @Test("pipelined large responses to a client that reads late all arrive, in order")
    func slowReaderGetsEverything() throws {
        let body = [UInt8](repeating: UInt8(ascii: "z"), count: 256 * 1024)
        let handler: HTTPServer.Handler = { request in
            HTTPResponse(status: 200, headers: [("X-Target", request.target)], body: body)
        }
        try HTTPServerTests.withServer(handler: handler) { _, port in
            let client = try TestClient(port: port)
            var pipeline = ""
            for i in 0..<20 { pipeline += "GET /\(i) HTTP/1.1\nHost: x\n\n" }
            try client.send(pipeline)
            Thread.sleep(forTimeInterval: 0.2)  // the server fills the socket and waits
            for i in 0..<20 {
                let response = try client.readResponse()
                #expect(response.header("X-Target") == "/\(i)")
                #expect(response.body.count == body.count)
            }
        }
    }

    @Test("a handler that blocks holds one worker; other clients are still served")
    func blockedHandler() throws {
        let release = DispatchSemaphore(value: 0)
        let handler: HTTPServer.Handler = { request in
            if request.target == "/block" { release.wait() }
            return HTTPResponse(status: 200, body: Array(request.target.utf8))
        }
        try HTTPServerTests.withServer(Self.configuration { $0.workerThreads = 2 }, handler: handler) { _, port in
            let blocked = try TestClient(port: port)
            try blocked.send("GET /block HTTP/1.1\nHost: x\n\n")
            Thread.sleep(forTimeInterval: 0.1)
            for i in 0..<5 {
                let client = try TestClient(port: port)
                try client.send("GET /free/\(i) HTTP/1.1\nHost: x\n\n")
                #expect(try client.readResponse().text == "/free/\(i)")
            }
            release.signal()
            #expect(try blocked.readResponse().text == "/block")
        }
    }
}
