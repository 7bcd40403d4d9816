import Foundation
import Testing
@testable import LabCLI

/// `diff` in the REPL: what the draft alone and the reference alone allow, grouped by
/// principal, wrapped to the terminal, as piped sessions record it.
@Suite("REPL diff")
struct ReplDiffTests {
    /// `KDSLAB_RECORD=1 swift test --filter ReplDiffTests` records the transcripts afresh.
    static func compare(_ name: String, script: String, columns: Int, verbatim: String) throws {
        try ReplTranscript.compare(name, script: script, columns: columns, home: "diff", fitting: true, verbatim: verbatim)
    }

    static func file(_ path: String) -> String { ReplHarness.courseFile(path) }

    @Test("an identity lab at 80 columns: refused before giving up; an extra action, a missing one, a conditional grant, none")
    func identityTranscript() throws {
        let conditional = Self.file("labs/producer-only/solution.json").replacingOccurrences(of: "\n  ]\n}", with: """
            ,
                {
                  "Sid": "ReadFromTheOffice",
                  "Effect": "Allow",
                  "Action": "kinesis:GetRecords",
                  "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders",
                  "Condition": { "IpAddress": { "aws:SourceIp": "198.51.100.0/24" } }
                }
              ]
            }
            """)
        try Self.compare("diff-identity-policy", script: """
            start producer-only
            diff
            solution --give-up
            paste
            \(Self.file("labs/producer-only/mutants/put-star.json")).
            diff
            paste
            \(Self.file("labs/producer-only/mutants/missing-putrecords.json")).
            diff
            paste
            \(conditional)
            .
            diff
            paste
            \(Self.file("labs/producer-only/solution.json")).
            diff

            """, columns: 80, verbatim: Self.file("labs/producer-only/solution.json"))
    }

    @Test("a stream policy at 60 columns: Principal \"*\" lets in other accounts, services and anonymous callers; unknown is one line")
    func everyoneTranscript() throws {
        let federated = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/shared-events"}]}"#
        try Self.compare("diff-stream-policy", script: """
            start cross-account-consumer
            solution --give-up
            paste
            \(Self.file("labs/cross-account-consumer/mutants/principal-star.json")).
            diff
            paste
            \(federated)
            .
            diff

            """, columns: 60, verbatim: Self.file("labs/cross-account-consumer/solution.json"))
    }

    @Test("a quiz lab has no grants to compare")
    func quiz() throws {
        let harness = try ReplHarness()
        let (io, status) = harness.run("start predict-the-decision\nstop\nsolution --give-up\ndiff\n")
        #expect(status == 0)
        #expect(io.output.contains("✘ this lab is answered, not written as a policy, so there are no grants to compare"))
    }
}
