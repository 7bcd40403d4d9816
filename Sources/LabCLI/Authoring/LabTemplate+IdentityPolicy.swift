extension LabTemplate {
    /// An identity policy for one role: a producer that writes to one stream.
    static let identityPolicy = LabTemplate(
        name: "identity-policy",
        summary: "the learner writes a role's identity policy (a producer that writes to one stream)",
        files: [
            ("lab.json", """
            {
              "formatVersion": 1,
              "id": "{{ID}}",
              "title": "Replace this title: what the learner writes, in a few words",
              "order": 1000,
              "difficulty": 1,
              "lessons": ["least-privilege"],
              "world": {
                "account": "111122223333",
                "region": "us-east-1",
                "roles": [
                  {
                    "name": "example-producer",
                    "description": "Replace this: the service behind the role and what it does with which stream.",
                    "trustPolicy": {
                      "Version": "2012-10-17",
                      "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ecs-tasks.amazonaws.com" }, "Action": "sts:AssumeRole" }]
                    }
                  }
                ],
                "streams": [
                  { "name": "example-events", "shards": 1 },
                  { "name": "example-other", "shards": 1 }
                ]
              },
              "submission": { "slot": "identity-policy", "principal": "role/example-producer", "policyName": "example-producer-policy" },
              "hints": [
                "Replace this gentle hint: a producer only writes. Which actions does writing need, and to which stream?",
                "Replace this more specific hint: writing needs kinesis:PutRecord and kinesis:PutRecords.",
                "Replace this nearly-the-answer hint: allow exactly kinesis:PutRecord and kinesis:PutRecords on arn:aws:kinesis:us-east-1:111122223333:stream/example-events."
              ],
              "checks": [
                {
                  "id": "can-put",
                  "kind": "access",
                  "title": "the producer can put a record into example-events",
                  "as": "role/example-producer",
                  "action": "kinesis:PutRecord",
                  "resource": "stream/example-events",
                  "expect": "allowed"
                },
                {
                  "id": "can-put-batch",
                  "kind": "access",
                  "title": "the producer can put a batch into example-events",
                  "as": "role/example-producer",
                  "action": "kinesis:PutRecords",
                  "resource": "stream/example-events",
                  "expect": "allowed"
                },
                {
                  "id": "cannot-read",
                  "kind": "access",
                  "title": "the producer cannot read example-events",
                  "as": "role/example-producer",
                  "action": "kinesis:GetRecords",
                  "resource": "stream/example-events",
                  "expect": "denied"
                },
                {
                  "id": "cannot-touch-other",
                  "kind": "access",
                  "title": "the producer cannot write to example-other",
                  "as": "role/example-producer",
                  "action": "kinesis:PutRecord",
                  "resource": "stream/example-other",
                  "expect": "denied"
                },
                {
                  "id": "exactly-producer",
                  "kind": "exact-access",
                  "title": "the producer gets exactly a producer's access",
                  "points": 3,
                  "as": "role/example-producer",
                  "required": [
                    { "actions": ["kinesis:PutRecord", "kinesis:PutRecords"], "resources": ["stream/example-events"] }
                  ],
                  "optional": [
                    { "actions": ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards"], "resources": ["stream/example-events"] },
                    { "actions": ["kinesis:ListStreams"], "resources": ["*"] }
                  ],
                  "hints": [
                    "Look at the extra grants the check lists: each names the statement and line that grants it.",
                    "kinesis:Put* also matches kinesis:PutResourcePolicy. List the two actions by name."
                  ]
                },
                {
                  "id": "producer-workload",
                  "kind": "workload",
                  "title": "the producer writes five events",
                  "steps": [
                    { "title": "the producer writes events one at a time", "as": "role/example-producer", "call": "PutRecord", "repeat": 5,
                      "input": { "StreamName": "example-events", "PartitionKey": "event-${n}", "Text": "event-${n}" } }
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

            <!-- Notes for the author (learners see a rendered prompt; keep these comments or delete them):
                 tell the story (a named service, realistic streams), say exactly what to write and what it
                 must and must not allow. The checks in lab.json must test every sentence of the task. -->

            The **example** service runs as the IAM role `example-producer`. It writes events to the
            Kinesis data stream `example-events` in account 111122223333, region us-east-1.

            Write the role's identity policy so that it can put records (one at a time and in batches)
            into `example-events`, and nothing else: no reading, no other stream, no wildcards that
            grant more than writing.

            """),
            ("starter.json", """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "WriteEvents",
                  "Effect": "Allow",
                  "Action": "kinesis:*",
                  "Resource": "*"
                }
              ]
            }

            """),
            ("solution.json", """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "WriteEvents",
                  "Effect": "Allow",
                  "Action": [
                    "kinesis:PutRecord",
                    "kinesis:PutRecords"
                  ],
                  "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/example-events"
                }
              ]
            }

            """),
            ("variants/statement-per-action.json", """
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "PutOne", "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/example-events" },
                { "Sid": "PutBatch", "Effect": "Allow", "Action": "kinesis:PutRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/example-events" }
              ]
            }

            """),
            ("mutants/put-star.json", identityPolicyMutant(#""kinesis:Put*""#, #""arn:aws:kinesis:us-east-1:111122223333:stream/example-events""#)),
            ("mutants/put-star.expect", "exactly-producer: PutResourcePolicy\n"),
            ("mutants/resource-star.json", identityPolicyMutant(#""kinesis:PutRecord", "kinesis:PutRecords""#, #""*""#)),
            ("mutants/resource-star.expect", "cannot-touch-other\nexactly-producer\n"),
            ("mutants/also-reads.json", identityPolicyMutant(#""kinesis:PutRecord", "kinesis:PutRecords", "kinesis:GetRecords""#,
                                                             #""arn:aws:kinesis:us-east-1:111122223333:stream/example-events""#)),
            ("mutants/also-reads.expect", "cannot-read\nexactly-producer: GetRecords\n"),
            ("mutants/missing-batch.json", identityPolicyMutant(#""kinesis:PutRecord""#, #""arn:aws:kinesis:us-east-1:111122223333:stream/example-events""#)),
            ("mutants/missing-batch.expect", "can-put-batch\nexactly-producer: PutRecords\n"),
            ("mutants/kinesis-star.json", identityPolicyMutant(#""kinesis:*""#, #""arn:aws:kinesis:us-east-1:111122223333:stream/example-events""#)),
            ("mutants/kinesis-star.expect", "cannot-read\nexactly-producer\n"),
            ("AUTHORING.md", authoringGuide(template: "identity-policy", specifics: """
                This template: the learner writes `role/example-producer`'s identity policy. Rename the role
                and streams everywhere (lab.json, prompt.md and every .json answer), then change the task:
                the access checks say what must and must not be allowed, `exactly-producer` pins the whole
                grant set, the workload runs real calls, `no-errors` keeps the policy free of findings.
                """)),
        ])

    /// A one-statement producer policy with the given Action and Resource JSON.
    private static func identityPolicyMutant(_ actions: String, _ resource: String) -> String {
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "WriteEvents", "Effect": "Allow", "Action": [\(actions)], "Resource": \(resource) }
          ]
        }

        """
    }
}
