import LabKit
import Testing

@Suite("The lessons read")
struct ReadingRecordTests {
    @Test("a lesson's first reading is kept, and the file reads back the same")
    func roundTrip() throws {
        var record = ReadingRecord()
        let first = record.noteRead("arns", at: UTCTimestamp(secondsSinceEpoch: 60))
        let again = record.noteRead("arns", at: UTCTimestamp(secondsSinceEpoch: 120))
        #expect(first && !again)
        record.noteRead("anatomy", at: UTCTimestamp(secondsSinceEpoch: 0))
        #expect(record.jsonText == """
            {
              "formatVersion": 1,
              "firstRead": {
                "anatomy": "1970-01-01T00:00:00Z",
                "arns": "1970-01-01T00:01:00Z"
              }
            }

            """)
        #expect(try ReadingRecord(jsonText: record.jsonText) == record)
        #expect(record.lessons == ["arns", "anatomy"])
    }

    @Test("a newer file is refused; a wrong one says where", arguments: [
        (#"{"formatVersion": 2, "firstRead": 7}"#, ProgressFormatError.unsupportedFormatVersion(found: 2, supported: 1)),
        (#"{"formatVersion": 1, "firstRead": {"a": "soon"}}"#,
         .wrongShape(path: "firstRead.a", expected: "a time such as 2026-11-29T10:15:00Z")),
    ])
    func refused(_ text: String, _ expected: ProgressFormatError) {
        #expect(throws: expected) { try ReadingRecord(jsonText: text) }
    }
}
