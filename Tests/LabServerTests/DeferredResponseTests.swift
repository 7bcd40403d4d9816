import AWSWire
import Dispatch
import Foundation
@testable import LabServer
import Testing

/// A deferring handler answers later through an `HTTPResponder`: no worker waits meanwhile,
/// answers keep the order of the requests, and a responder answers its own request once.
@Suite("HTTPServer with responses sent later")
struct DeferredResponseTests {
    /// The responders the handler was given, in the order the requests came.
    final class Held: @unchecked Sendable {
        private let condition = NSCondition()
        private var responders: [(target: String, responder: HTTPResponder)] = []

        func add(_ target: String, _ responder: HTTPResponder) {
            condition.lock()
            responders.append((target, responder))
            condition.broadcast()
            condition.unlock()
        }

        /// Waits until `count` requests are held (or `seconds` pass); whether they are.
        func wait(for count: Int, seconds: Double = 10) -> Bool {
            let deadline = Date(timeIntervalSinceNow: seconds)
            condition.lock()
            defer { condition.unlock() }
            while responders.count < count {
                if !condition.wait(until: deadline) { return responders.count >= count }
            }
            return true
        }

        var all: [(target: String, responder: HTTPResponder)] {
            condition.lock()
            defer { condition.unlock() }
            return responders
        }
    }

    static func text(_ body: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Array(body.utf8))
    }

    static func withServer(
        _ configuration: ServerConfiguration = HTTPServerTests.configuration(), readiness: ReadinessKind = .automatic,
        handler: @escaping HTTPServer.DeferringHandler, _ body: (HTTPServer, Int) throws -> Void
    ) throws {
        let server = HTTPServer(configuration: configuration, clock: { 784_111_777 }, readiness: readiness,
                                answering: .nowOrLater(handler))
        let port = try server.start()
        defer { server.stop() }
        try body(server, port)
    }

    @Test("one worker holds 40 requests waiting for their answers, and answers them all", arguments: [ReadinessKind.automatic, .poll])
    func waitingRequestsHoldNoWorker(readiness: ReadinessKind) throws {
        let held = Held()
        let configuration = HTTPServerTests.configuration { $0.workerThreads = 1 }
        try Self.withServer(configuration, readiness: readiness, handler: { request, responder in
            held.add(request.target, responder)
            return nil
        }) { _, port in
            let clients = try (0..<40).map { i in
                let client = try TestClient(port: port)
                try client.send("GET /\(i) HTTP/1.1\nHost: x\n\n")
                return client
            }
            // A worker that waited for its answer would have taken one request, not forty.
            #expect(held.wait(for: 40), "only \(held.all.count) of 40 requests reached the handler")
            let responders = held.all
            DispatchQueue.global().async {
                for (target, responder) in responders.reversed() { responder.send(Self.text("answer to \(target)")) }
            }
            for (i, client) in clients.enumerated() {
                #expect(try client.readResponse().text == "answer to /\(i)")
            }
        }
    }

    @Test("an answer sent later keeps pipelined answers in order")
    func pipelinedAroundALaterAnswer() throws {
        try Self.withServer(handler: { request, responder in
            guard request.target.hasPrefix("/later") else { return Self.text("now \(request.target)") }
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { responder.send(Self.text("later \(request.target)")) }
            return nil
        }) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /a HTTP/1.1\nHost: x\n\nGET /later1 HTTP/1.1\nHost: x\n\nGET /b HTTP/1.1\nHost: x\n\nGET /later2 HTTP/1.1\nHost: x\n\n")
            #expect(try client.readResponse().text == "now /a")
            #expect(try client.readResponse().text == "later /later1")
            #expect(try client.readResponse().text == "now /b")
            #expect(try client.readResponse().text == "later /later2")
            // The connection is kept alive after a later answer.
            try client.send("GET /c HTTP/1.1\nHost: x\n\n")
            #expect(try client.readResponse().text == "now /c")
        }
    }

    @Test("an answer sent from inside the handler, before it returns nil, still goes out")
    func answerSentBeforeTheHandlerReturns() throws {
        try Self.withServer(handler: { request, responder in
            responder.send(Self.text("early \(request.target)"))
            return nil
        }) { _, port in
            let client = try TestClient(port: port)
            for i in 0..<3 {
                try client.send("GET /\(i) HTTP/1.1\nHost: x\n\n")
                #expect(try client.readResponse().text == "early /\(i)")
            }
        }
    }

    @Test("only a responder's first answer counts; it never answers a later request")
    func aResponderAnswersItsOwnRequestOnce() throws {
        let held = Held()
        try Self.withServer(handler: { request, responder in
            held.add(request.target, responder)
            return nil
        }) { _, port in
            let client = try TestClient(port: port, readTimeout: 2)
            try client.send("GET /first HTTP/1.1\nHost: x\n\n")
            #expect(held.wait(for: 1))
            let first = try #require(held.all.first).responder
            first.send(Self.text("one"))
            first.send(Self.text("two"))
            #expect(try client.readResponse().text == "one")
            try client.send("GET /second HTTP/1.1\nHost: x\n\n")
            #expect(held.wait(for: 2))
            first.send(Self.text("stale"))
            try #require(held.all.last).responder.send(Self.text("second"))
            #expect(try client.readResponse().text == "second")
            // Nothing else arrives: the duplicate and the stale answer were dropped.
            try client.send("GET /third HTTP/1.1\nHost: x\n\n")
            #expect(held.wait(for: 3))
            try #require(held.all.last).responder.send(Self.text("third"))
            #expect(try client.readResponse().text == "third")
        }
    }

    @Test("an answer that never comes: the connection is closed after the request timeout")
    func anAnswerThatNeverComesTimesOut() throws {
        let configuration = HTTPServerTests.configuration { $0.requestTimeoutSeconds = 0.5 }
        try Self.withServer(configuration, handler: { request, _ in
            request.target == "/never" ? nil : Self.text("now")
        }) { _, port in
            let started = Date()
            let waiting = try TestClient(port: port)
            try waiting.send("GET /never HTTP/1.1\nHost: x\n\n")
            let other = try TestClient(port: port)
            try other.send("GET /x HTTP/1.1\nHost: x\n\n")
            #expect(try other.readResponse().text == "now")
            #expect(try waiting.readsEndOfStream())
            let waited = Date().timeIntervalSince(started)
            #expect(waited >= 0.4 && waited < 5, "closed after \(waited) s")
        }
    }

    @Test("stop() waits for an answer still to come and sends it with Connection: close")
    func stopWaitsForALaterAnswer() throws {
        let held = Held()
        let server = HTTPServer(configuration: HTTPServerTests.configuration(), deferringHandler: { request, responder in
            held.add(request.target, responder)
            return nil
        })
        let port = try server.start()
        let client = try TestClient(port: port)
        try client.send("GET / HTTP/1.1\nHost: x\n\n")
        #expect(held.wait(for: 1))
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.stop()
            stopped.signal()
        }.start()
        #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut)
        try #require(held.all.first).responder.send(Self.text("done"))
        let response = try client.readResponse()
        #expect(response.text == "done")
        #expect(response.header("Connection") == "close")
        #expect(stopped.wait(timeout: .now() + 10) == .success)
    }
}
