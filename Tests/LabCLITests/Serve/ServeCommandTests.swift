import Digests
import Foundation
import Testing
import AWSWire
@testable import LabCLI

/// `kdslab serve`'s parts that need no network: options, the request log line, the lab
/// world's keys. (The state file: `StateJournalTests`.)
@Suite struct ServeCommandTests {
    @Test("Bad options are one-line usage errors", arguments: [
        (["--port", "http"], "kdslab: --port `http` is not a port number (0 to 65535) (see 'kdslab serve --help')"),
        (["--port", "65536"], "kdslab: --port `65536` is not a port number (0 to 65535) (see 'kdslab serve --help')"),
        (["--host="], "kdslab: --host needs an address, e.g. 127.0.0.1 (see 'kdslab serve --help')"),
        (["extra"], "kdslab: unexpected argument 'extra' for 'serve' (see 'kdslab serve --help')"),
    ])
    func badOptions(arguments: [String], message: String) {
        let io = TestIO()
        #expect(KdslabCommand.run(arguments: ["serve"] + arguments, io: io) == 2)
        #expect(io.error == message + "\n")
        #expect(io.output.isEmpty)
    }

    @Test func defaultsAreLoopbackPort4567() throws {
        let options = try ServeCommand.options([])
        #expect(options.configuration.host == "127.0.0.1")
        #expect(options.configuration.port == 4567)
        #expect(options.configuration.isLoopback)
        #expect(options.statePath == nil && options.labId == nil && !options.quiet)
    }

    @Test func aPortInUseIsRefusedWithExitStatus2() throws {
        let running = try RunningEndpoint(.defaultWorld())
        let port = try #require(running.url.split(separator: ":").last.map(String.init))
        let io = TestIO()
        #expect(KdslabCommand.run(arguments: ["serve", "--port", port], io: io) == 2)
        #expect(io.error == "kdslab: cannot serve: port \(port) on 127.0.0.1 is already in use\n")
    }

    @Test func logLinesNameTheOperationStatusErrorAndKey() {
        let request = HTTPRequest(method: "POST", target: "/", headers: [
            ("X-Amz-Target", "Kinesis_20131202.GetRecords"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=producer/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00"),
        ])
        let denied = HTTPResponse(status: 400, headers: [("x-amzn-ErrorType", "AccessDeniedException")])
        #expect(RequestLogLine.line(request, denied, milliseconds: 0.84)
                == "POST kinesis GetRecords 400 AccessDeniedException 0.8 ms key=producer")
        let query = HTTPRequest(method: "POST", target: "/", headers: [
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=admin/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00"),
        ], body: Array("Action=AssumeRole&Version=2011-06-15".utf8))
        let refused = HTTPResponse(status: 403, body: Array("<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>".utf8))
        #expect(RequestLogLine.line(query, refused, milliseconds: 2) == "POST sts AssumeRole 403 AccessDenied 2.0 ms key=admin")
        #expect(RequestLogLine.line(HTTPRequest(method: "GET", target: "/"), HTTPResponse(status: 200), milliseconds: 0.1)
                == "GET - - 200 0.1 ms")
    }

    @Test func aDraftThatDoesNotParseIsRefusedWithItsPosition() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let home = NSTemporaryDirectory() + "kdslab-draft-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/workspace", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}\n".write(toFile: home + "/workspace/producer-only.json",
                                                                               atomically: true, encoding: .utf8)
        let options = try ServeCommand.options(["--lab", "producer-only", "--labs", root + "/labs"])
        do {
            _ = try ServeCommand.world(for: options, io: EnvironmentIO(["KDSLAB_HOME": home]))
            Issue.record("a broken draft was served")
        } catch {
            let line = try #require(error.lines.first)
            #expect(line.hasPrefix("kdslab: \(home)/workspace/producer-only.json, line 4, column 1: "), "\(line)")
            #expect(line.hasSuffix("; fix it to serve lab 'producer-only'"))
        }
        // Without a draft, the starter is served.
        let starter = try ServeCommand.world(for: options, io: EnvironmentIO(["KDSLAB_HOME": home + "/none"]))
        #expect(starter.summary.contains("the lab's starter (no draft yet)"))
    }
}
