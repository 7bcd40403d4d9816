import AWSWire
import Dispatch
import Foundation
import LabServer
import Testing

@Suite("HTTPServer")
struct HTTPServerTests {
    /// Answers `METHOD target body`.
    static let echo: HTTPServer.Handler = { request in
        HTTPResponse(
            status: 200, headers: [("Content-Type", "text/plain")],
            body: Array("\(request.method) \(request.target) ".utf8) + request.body)
    }

    static func configuration(_ edit: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.port = 0
        edit(&configuration)
        return configuration
    }

    /// Runs `body` against a started server and stops it afterwards.
    static func withServer(
        _ configuration: ServerConfiguration = configuration(), handler: @escaping HTTPServer.Handler = echo,
        _ body: (HTTPServer, Int) throws -> Void
    ) throws {
        let server = HTTPServer(configuration: configuration, clock: { 784_111_777 }, handler: handler)
        let port = try server.start()
        defer { server.stop() }
        try body(server, port)
    }

    @Test("a request gets its response, with Date and Content-Length")
    func requestResponse() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /hello?x=1 HTTP/1.1\nHost: localhost\n\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "GET /hello?x=1 ")
            #expect(response.header("Date") == "Sun, 06 Nov 1994 08:49:37 GMT")
            #expect(response.header("Content-Length") == "15")
            #expect(response.header("Connection") == nil)
        }
    }

    @Test("keep-alive: two requests on one connection, then Connection: close ends it")
    func keepAlive() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("POST /one HTTP/1.1\nHost: x\nContent-Length: 3\n\nabc")
            #expect(try client.readResponse().text == "POST /one abc")
            try client.send("POST /two HTTP/1.1\nHost: x\nContent-Length: 2\n\nde")
            #expect(try client.readResponse().text == "POST /two de")
            try client.send("GET /three HTTP/1.1\nHost: x\nConnection: close\n\n")
            let last = try client.readResponse()
            #expect(last.text == "GET /three ")
            #expect(last.header("Connection") == "close")
            #expect(try client.readsEndOfStream())
        }
    }

    @Test("an HTTP/1.0 request is answered and the connection closed")
    func http10() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.0\n\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readsEndOfStream())
        }
    }

    @Test("a chunked request body arrives de-chunked")
    func chunkedBody() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("POST /c HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n4\nWiki\n5;ext\npedia\nE\n in\n\nchunks.\n0\nX-Trailer: t\n\n")
            #expect(try client.readResponse().text == "POST /c Wikipedia in\r\n\r\nchunks.")
        }
    }

    @Test("pipelined requests are answered in order")
    func pipelined() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            var stream = ""
            for i in 0..<20 { stream += "POST /\(i) HTTP/1.1\nHost: x\nContent-Length: 1\n\n\(i % 10)" }
            try client.send(stream)
            for i in 0..<20 {
                #expect(try client.readResponse().text == "POST /\(i) \(i % 10)")
            }
        }
    }

    @Test("Expect: 100-continue gets 100 Continue before the body is sent")
    func expectContinue() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("PUT /up HTTP/1.1\nHost: x\nExpect: 100-continue\nContent-Length: 4\n\n")
            #expect(try client.readResponse().status == 100)
            try client.send("body")
            #expect(try client.readResponse().text == "PUT /up body")
        }
    }

    @Test("an oversized body is answered 413 and the connection closed")
    func oversizedBody() throws {
        let configuration = Self.configuration { $0.maxBodyBytes = 1000 }
        try Self.withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            try client.send("POST / HTTP/1.1\nHost: x\nContent-Length: 1001\n\n" + String(repeating: "a", count: 1001))
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(try client.readsEndOfStream())
        }
    }

    @Test("an oversized head is answered 431, a malformed one 400")
    func badHeads() throws {
        let configuration = Self.configuration { $0.maxHeaderBytes = 200 }
        try Self.withServer(configuration) { _, port in
            let big = try TestClient(port: port)
            try big.send("GET / HTTP/1.1\nHost: x\nX-Pad: " + String(repeating: "p", count: 300) + "\n\n")
            #expect(try big.readResponse().status == 431)
            #expect(try big.readsEndOfStream())
            let bad = try TestClient(port: port)
            try bad.send("GET / HTTP/1.1\nHost: x\nX-A: 1\n folded\n\n")
            #expect(try bad.readResponse().status == 400)
            #expect(try bad.readsEndOfStream())
        }
    }

    @Test("a stalled client is answered 408 and cut off after the request timeout")
    func stalledClient() throws {
        let configuration = Self.configuration { $0.requestTimeoutSeconds = 0.3 }
        try Self.withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            let started = Date()
            try client.send("POST / HTTP/1.1\nHost: x\nContent-Length: 10\n\nabc")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(try client.readsEndOfStream())
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed >= 0.25)
            #expect(elapsed < 8)
        }
    }

    @Test("an idle keep-alive connection is closed after the idle timeout")
    func idleTimeout() throws {
        let configuration = Self.configuration { $0.idleTimeoutSeconds = 0.3 }
        try Self.withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.1\nHost: x\n\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readsEndOfStream())
        }
    }

    @Test("a client that disconnects mid-request does not disturb the server")
    func disconnectMidRequest() throws {
        try Self.withServer { _, port in
            for _ in 0..<5 {
                let client = try TestClient(port: port)
                try client.send("POST / HTTP/1.1\nHost: x\nContent-Length: 100\n\npartial")
            }
            // Clients that leave without reading their responses: the writes fail quietly
            // (no SIGPIPE).
            do {
                let rude = try TestClient(port: port)
                var pipeline = ""
                for i in 0..<50 { pipeline += "POST /\(i) HTTP/1.1\nHost: x\nContent-Length: 1000\n\n" + String(repeating: "r", count: 1000) }
                try rude.send(pipeline)
            }
            let client = try TestClient(port: port)
            try client.send("GET /still-here HTTP/1.1\nHost: x\n\n")
            #expect(try client.readResponse().text == "GET /still-here ")
        }
    }

    @Test("50 concurrent connections are all answered")
    func concurrentConnections() throws {
        try Self.withServer { _, port in
            let clients = try (0..<50).map { _ in try TestClient(port: port) }
            for (i, client) in clients.enumerated() {
                try client.send("POST /\(i) HTTP/1.1\nHost: x\nContent-Length: 2\n\nhi")
            }
            for (i, client) in clients.enumerated() {
                #expect(try client.readResponse().text == "POST /\(i) hi")
            }
            // All 50 are still open: each answers a second request.
            for (i, client) in clients.enumerated().reversed() {
                try client.send("GET /again/\(i) HTTP/1.1\nHost: x\n\n")
                #expect(try client.readResponse().text == "GET /again/\(i) ")
            }
        }
    }

    @Test("more clients than maxConnections wait their turn and are served")
    func connectionCap() throws {
        let configuration = Self.configuration { $0.maxConnections = 2 }
        try Self.withServer(configuration) { _, port in
            let clients = try (0..<6).map { _ in try TestClient(port: port) }
            for (i, client) in clients.enumerated() {
                try client.send("GET /\(i) HTTP/1.1\nHost: x\nConnection: close\n\n")
            }
            for (i, client) in clients.enumerated() {
                #expect(try client.readResponse().text == "GET /\(i) ")
            }
        }
    }

    @Test("stop() with an idle connection returns promptly and closes it")
    func stopWithIdleConnection() throws {
        let server = HTTPServer(configuration: Self.configuration(), handler: Self.echo)
        let port = try server.start()
        let client = try TestClient(port: port)
        try client.send("GET / HTTP/1.1\nHost: x\n\n")
        #expect(try client.readResponse().status == 200)
        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 5)  // the idle timeout is 60 s
        #expect(try client.readsEndOfStream())
        server.waitUntilStopped()
        #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }
    }

    @Test("stop() finishes a request under way and answers it with Connection: close")
    func stopWithRequestInFlight() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let server = HTTPServer(configuration: Self.configuration()) { _ in
            entered.signal()
            release.wait()
            return HTTPResponse(status: 200, body: Array("done".utf8))
        }
        let port = try server.start()
        let client = try TestClient(port: port)
        try client.send("GET / HTTP/1.1\nHost: x\n\n")
        entered.wait()
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.stop()
            stopped.signal()
        }.start()
        // stop() waits for the handler …
        #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut)
        release.signal()
        // … whose response still goes out, closing the connection.
        let response = try client.readResponse()
        #expect(response.text == "done")
        #expect(response.header("Connection") == "close")
        #expect(stopped.wait(timeout: .now() + 10) == .success)
    }

    @Test("a port in use is a one-line error naming port and host")
    func portInUse() throws {
        try Self.withServer { _, port in
            var configuration = Self.configuration()
            configuration.port = port
            let second = HTTPServer(configuration: configuration, handler: Self.echo)
            #expect(throws: HTTPServerError.addressInUse(host: "127.0.0.1", port: port)) { try second.start() }
            #expect(HTTPServerError.addressInUse(host: "127.0.0.1", port: 4567).description
                == "port 4567 on 127.0.0.1 is already in use")
        }
    }

    @Test("a bad host or port is a typed error")
    func badHost() {
        let badHost = HTTPServer(configuration: Self.configuration { $0.host = "not a host!" }, handler: Self.echo)
        #expect(throws: HTTPServerError.invalidHost("not a host!")) { try badHost.start() }
        let badPort = HTTPServer(configuration: Self.configuration { $0.port = 70000 }, handler: Self.echo)
        #expect(throws: HTTPServerError.invalidPort(70000)) { try badPort.start() }
        let foreign = HTTPServer(configuration: Self.configuration { $0.host = "192.0.2.1" }, handler: Self.echo)
        #expect(throws: HTTPServerError.addressNotAvailable(host: "192.0.2.1")) { try foreign.start() }
    }

    @Test("the server listens on IPv6 loopback")
    func ipv6() throws {
        let server = HTTPServer(configuration: Self.configuration { $0.host = "::1" }, handler: Self.echo)
        let port: Int
        do {
            port = try server.start()
        } catch .addressNotAvailable {
            return  // this machine has no IPv6 loopback
        }
        defer { server.stop() }
        let client = try TestClient(host: "::1", port: port)
        try client.send("GET /v6 HTTP/1.1\nHost: [::1]\n\n")
        #expect(try client.readResponse().text == "GET /v6 ")
    }

    @Test("a HEAD response carries the length but no body")
    func head() throws {
        try Self.withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("HEAD /h HTTP/1.1\nHost: x\n\nGET /g HTTP/1.1\nHost: x\n\n")
            // Read the HEAD response head by hand: its Content-Length describes no bytes.
            while TestClient.find(Array("\r\n\r\n".utf8), in: client.received) == nil { _ = try client.fill() }
            let end = try #require(TestClient.find(Array("\r\n\r\n".utf8), in: client.received))
            #expect(String(decoding: client.received[0..<end], as: UTF8.self).contains("Content-Length: 8"))
            client.received.removeFirst(end + 4)
            #expect(try client.readResponse().text == "GET /g ")
        }
    }
}
