import AWSWire
import Foundation
@testable import LabServer
import Testing

/// The portable `poll` path (what Darwin runs), exercised on every system.
@Suite("HTTPServer on poll")
struct PollReadinessTests {
    static func withPollServer(
        _ configuration: ServerConfiguration = HTTPServerTests.configuration(),
        _ body: (HTTPServer, Int) throws -> Void
    ) throws {
        let server = HTTPServer(configuration: configuration, clock: { 784_111_777 }, readiness: .poll,
                                handler: HTTPServerTests.echo)
        let port = try server.start()
        defer { server.stop() }
        try body(server, port)
    }

    @Test("keep-alive and pipelined requests are answered in order")
    func pipelined() throws {
        try Self.withPollServer { _, port in
            let client = try TestClient(port: port)
            var stream = ""
            for i in 0..<20 { stream += "POST /\(i) HTTP/1.1\nHost: x\nContent-Length: 1\n\n\(i % 10)" }
            try client.send(stream)
            for i in 0..<20 {
                #expect(try client.readResponse().text == "POST /\(i) \(i % 10)")
            }
            try client.send("GET /again HTTP/1.1\nHost: x\n\n")
            #expect(try client.readResponse().text == "GET /again ")
        }
    }

    @Test("300 idle connections and a slowloris do not delay a new one; the slowloris gets 408")
    func idleAndSlow() throws {
        try Self.withPollServer(HTTPServerTests.configuration { $0.headTimeoutSeconds = 0.5 }) { _, port in
            let idle = try (0..<300).map { _ in try TestClient(port: port) }
            let slow = try SlowClients(count: 1, port: port, interval: 0.1)
            defer { slow.stop() }
            let started = Date()
            let client = try TestClient(port: port)
            try client.send("GET /normal HTTP/1.1\nHost: x\n\n")
            #expect(try client.readResponse().text == "GET /normal ")
            #expect(Date().timeIntervalSince(started) < 2)
            #expect(try slow.clients[0].readResponse().status == 408)
            #expect(try slow.clients[0].readsEndOfStream())
            try idle[299].send("GET /idle HTTP/1.1\nHost: x\n\n")
            #expect(try idle[299].readResponse().text == "GET /idle ")
        }
    }

    @Test("stop() closes idle connections and returns")
    func stop() throws {
        let server = HTTPServer(configuration: HTTPServerTests.configuration(), clock: nil, readiness: .poll,
                                handler: HTTPServerTests.echo)
        let port = try server.start()
        let client = try TestClient(port: port)
        try client.send("GET / HTTP/1.1\nHost: x\n\n")
        #expect(try client.readResponse().status == 200)
        server.stop()
        #expect(try client.readsEndOfStream())
    }
}
