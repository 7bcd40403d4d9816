import Testing
@testable import LabKit

@Suite struct ProgressJSONTests {
    let t0 = UTCTimestamp(secondsSinceEpoch: 1_795_947_300)

    @Test func roundTripsWithStableText() throws {
        var state = ProgressState()
        state.recordAttempt(lab: "z-lab", score: 5, maxScore: 5, passed: true, at: t0)
        state.recordGiveUp(lab: "a-lab")
        state.log = LogHead(lines: 2, lastLineSHA256: String(repeating: "b", count: 64))
        let text = state.jsonText
        #expect(try ProgressState(jsonText: text) == state)
        #expect(try ProgressState(jsonText: text).jsonText == text)
        #expect(text == """
            {
              "formatVersion": 1,
              "labs": {
                "a-lab": {
                  "status": "gaveUp",
                  "bestScore": null,
                  "maxScore": null,
                  "attempts": 0,
                  "lastAttemptAt": null,
                  "hintsUsed": 0,
                  "solutionViewed": true,
                  "passedAt": null
                },
                "z-lab": {
                  "status": "passed",
                  "bestScore": 5,
                  "maxScore": 5,
                  "attempts": 1,
                  "lastAttemptAt": "2026-11-29T10:15:00Z",
                  "hintsUsed": 0,
                  "solutionViewed": false,
                  "passedAt": "2026-11-29T10:15:00Z"
                }
              },
              "log": {
                "lines": 2,
                "lastLineSHA256": "\(String(repeating: "b", count: 64))"
              }
            }

            """)
    }

    @Test func newerFormatVersionIsRefusedWhateverTheShape() {
        #expect(throws: ProgressFormatError.unsupportedFormatVersion(found: 2, supported: 1)) {
            try ProgressState(jsonText: #"{"formatVersion": 2, "labs": "something new"}"#)
        }
    }

    @Test("Files that are not progress", arguments: [
        ("{\n  \"formatVersion\": 1,\n  \"labs\": {,}\n}", ProgressFormatError.notJSON(line: 3, column: 12, message: "unexpected `,`; expected a member name in double quotes")),
        (#"{"labs": {}}"#, .wrongShape(path: "formatVersion", expected: "a whole number")),
        (#"{"formatVersion": 1, "labs": []}"#, .wrongShape(path: "labs", expected: "an object")),
        (#"{"formatVersion": 1, "labs": {"a": {"status": "won", "attempts": 1}}}"#,
         .wrongShape(path: "labs.a.status", expected: "one of notStarted, inProgress, passed, gaveUp")),
        (#"{"formatVersion": 1, "labs": {"a": {"status": "passed", "attempts": 1.5}}}"#,
         .wrongShape(path: "labs.a.attempts", expected: "a whole number")),
        (#"{"formatVersion": 1, "labs": {"a": {"status": "passed", "attempts": 1, "passedAt": "yesterday"}}}"#,
         .wrongShape(path: "labs.a.passedAt", expected: "a time such as 2026-11-29T10:15:00Z")),
    ])
    func refused(text: String, error: ProgressFormatError) {
        #expect(throws: error) { try ProgressState(jsonText: text) }
    }

    @Test func eventsRoundTripThroughLogLines() throws {
        let events: [ProgressEvent] = [
            .attempt(Attempt(lab: "a", at: t0, score: 3, maxScore: 5, passed: false,
                             submissionSHA256: String(repeating: "c", count: 64), hintsUsed: 1)),
            .hint(lab: "a", at: t0), .gaveUp(lab: "a", at: t0), .reset(lab: "a", at: t0),
        ]
        for event in events {
            let text = JSONWriterShim.line(event)
            #expect(try ProgressEvent(jsonText: text) == event)
        }
    }

    @Test("Timestamps", arguments: [
        (0, "1970-01-01T00:00:00Z", "19700101T000000Z"),
        (951_782_400, "2000-02-29T00:00:00Z", "20000229T000000Z"),
        (1_795_947_300, "2026-11-29T10:15:00Z", "20261129T101500Z"),
        (-1, "1969-12-31T23:59:59Z", "19691231T235959Z"),
    ])
    func timestamps(seconds: Int64, iso: String, compact: String) {
        let t = UTCTimestamp(secondsSinceEpoch: seconds)
        #expect(t.iso8601 == iso && t.compact == compact)
        #expect(UTCTimestamp(iso8601: iso) == t)
    }

    @Test(arguments: ["2026-02-29T00:00:00Z", "2026-11-29 10:15:00Z", "2026-11-29T24:00:00Z", "2026-11-29T10:15:00+01:00", ""])
    func badTimestampsAreRefused(text: String) {
        #expect(UTCTimestamp(iso8601: text) == nil)
    }
}

import IAMPolicy

/// Writes an event as the store does, minus the hash chain.
enum JSONWriterShim {
    static func line(_ event: ProgressEvent) -> String {
        JSONWriter.string(.object(event.jsonMembers))
    }
}
