extension LabTemplate {
    /// A stream's resource policy that shares the stream with one role of another account.
    static let streamPolicy = LabTemplate(
        name: "stream-policy",
        summary: "the learner writes a stream's resource policy for another account's reader",
        files: [
            ("lab.json", """
            {
              "formatVersion": 1,
              "id": "{{ID}}",
              "title": "Replace this title: what the learner writes, in a few words",
              "order": 1000,
              "difficulty": 3,
              "lessons": ["cross-account-access"],
              "world": {
                "account": "111122223333",
                "region": "us-east-1",
                "otherAccounts": ["444455556666"],
                "roles": [
                  {
                    "name": "partner-reader",
                    "account": "444455556666",
                    "description": "Replace this: the partner's service that reads the shared stream.",
                    "trustPolicy": {
                      "Version": "2012-10-17",
                      "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }]
                    },
                    "policies": {
                      "partner-side": {
                        "Version": "2012-10-17",
                        "Statement": [{ "Effect": "Allow", "Action": "kinesis:*", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/shared-events" }]
                      }
                    }
                  },
                  {
                    "name": "partner-intern",
                    "account": "444455556666",
                    "description": "Another role in the partner's account, with a generous identity policy: your stream policy must not let it in.",
                    "trustPolicy": {
                      "Version": "2012-10-17",
                      "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole" }]
                    },
                    "policies": {
                      "anything-kinesis": {
                        "Version": "2012-10-17",
                        "Statement": [{ "Effect": "Allow", "Action": "kinesis:*", "Resource": "*" }]
                      }
                    }
                  }
                ],
                "streams": [
                  { "name": "shared-events", "shards": 1, "records": { "count": 3, "partitionKey": "event-${n}", "data": "event-${n}" } }
                ]
              },
              "submission": { "slot": "stream-policy", "stream": "shared-events" },
              "hints": [
                "Replace this gentle hint: a stream policy names who (Principal) may do what (Action) to this stream.",
                "Replace this more specific hint: name the partner's role by its ARN, not the account or *.",
                "Replace this nearly-the-answer hint: allow arn:aws:iam::444455556666:role/partner-reader kinesis:DescribeStreamSummary, kinesis:ListShards, kinesis:GetShardIterator and kinesis:GetRecords on the stream's ARN."
              ],
              "checks": [
                {
                  "id": "partner-can-read",
                  "kind": "access",
                  "title": "the partner's reader can read shared-events",
                  "as": "444455556666:role/partner-reader",
                  "action": "kinesis:GetRecords",
                  "resource": "stream/shared-events",
                  "expect": "allowed"
                },
                {
                  "id": "partner-cannot-write",
                  "kind": "access",
                  "title": "the partner's reader cannot write to shared-events",
                  "as": "444455556666:role/partner-reader",
                  "action": "kinesis:PutRecord",
                  "resource": "stream/shared-events",
                  "expect": "denied"
                },
                {
                  "id": "intern-cannot-read",
                  "kind": "access",
                  "title": "another role of the partner's account cannot read shared-events",
                  "as": "444455556666:role/partner-intern",
                  "action": "kinesis:GetRecords",
                  "resource": "stream/shared-events",
                  "expect": "denied"
                },
                {
                  "id": "exactly-reader",
                  "kind": "exact-access",
                  "title": "the partner's reader gets exactly a reader's access",
                  "points": 3,
                  "as": "444455556666:role/partner-reader",
                  "required": [
                    { "actions": ["kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"],
                      "resources": ["stream/shared-events"] }
                  ]
                },
                {
                  "id": "no-errors",
                  "kind": "findings",
                  "title": "the policy has no errors or security warnings",
                  "failAt": "SECURITY_WARNING"
                }
              ]
            }

            """),
            ("prompt.md", """
            # Replace this title

            <!-- Notes for the author: tell the story (who owns the stream, who the partner is, why they read it),
                 say exactly who may do what. Every sentence of the task needs a check in lab.json. -->

            Account 111122223333 owns the Kinesis data stream `shared-events` (us-east-1). A partner's
            service in account 444455556666 runs as the role `partner-reader` and must read it.

            Write the stream's resource policy: the partner's reader may read the stream (describe
            it, list its shards, get a shard iterator, get records) and nothing else. No other role of
            the partner's account may get in.

            """),
            ("starter.json", streamPolicy(principal: #""arn:aws:iam::444455556666:root""#,
                                          actions: #""kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords""#)),
            ("solution.json", streamPolicy(principal: #""arn:aws:iam::444455556666:role/partner-reader""#,
                                           actions: #""kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords""#)),
            ("variants/principal-list.json", streamPolicy(principal: #"["arn:aws:iam::444455556666:role/partner-reader"]"#,
                                                          actions: #""kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:DescribeStreamSummary""#)),
            ("mutants/whole-account.json", streamPolicy(principal: #""arn:aws:iam::444455556666:root""#,
                                                        actions: #""kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords""#)),
            ("mutants/whole-account.expect", "intern-cannot-read\n"),
            ("mutants/kinesis-star.json", streamPolicy(principal: #""arn:aws:iam::444455556666:role/partner-reader""#, actions: #""kinesis:*""#)),
            ("mutants/kinesis-star.expect", "partner-cannot-write\nexactly-reader\n"),
            ("mutants/get-star.json", streamPolicy(principal: #""arn:aws:iam::444455556666:role/partner-reader""#,
                                                   actions: #""kinesis:Get*", "kinesis:ListShards", "kinesis:DescribeStreamSummary""#)),
            ("mutants/get-star.expect", "exactly-reader: GetResourcePolicy\n"),
            ("mutants/no-iterator.json", streamPolicy(principal: #""arn:aws:iam::444455556666:role/partner-reader""#,
                                                      actions: #""kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetRecords""#)),
            ("mutants/no-iterator.expect", "exactly-reader: GetShardIterator\n"),
            ("mutants/also-writes.json", streamPolicy(principal: #""arn:aws:iam::444455556666:role/partner-reader""#,
                                                      actions: #""kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:PutRecord""#)),
            ("mutants/also-writes.expect", "partner-cannot-write\nexactly-reader: PutRecord\n"),
            ("AUTHORING.md", authoringGuide(template: "stream-policy", specifics: """
                This template: the learner writes the resource policy of stream `shared-events`. Cross-account
                access needs both sides: the partner's roles carry identity policies in the world (generous on
                purpose), so the stream policy is what decides. `intern-cannot-read` is what fails an answer
                that names the whole account; `exactly-reader` pins the reader's grants.
                """)),
        ])

    /// A one-statement stream policy with the given Principal (AWS) and Action JSON.
    private static func streamPolicy(principal: String, actions: String) -> String {
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "PartnerReads",
              "Effect": "Allow",
              "Principal": { "AWS": \(principal) },
              "Action": [\(actions)],
              "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/shared-events"
            }
          ]
        }

        """
    }
}
