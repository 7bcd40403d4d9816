extension LabTemplate {
    /// A multiple-choice quiz: the learner's answers file maps question ids to choices.
    static let quiz = LabTemplate(
        name: "quiz",
        summary: "the learner answers multiple-choice questions in a JSON answers file",
        files: [
            ("lab.json", """
            {
              "formatVersion": 1,
              "id": "{{ID}}",
              "title": "Replace this title: the idea the quiz checks",
              "order": 1000,
              "difficulty": 1,
              "lessons": ["least-privilege"],
              "world": { "account": "111122223333", "region": "us-east-1" },
              "submission": { "slot": "answers" },
              "hints": [
                "Replace this gentle hint: which lesson section answers these questions?",
                "Replace this more specific hint: think about what each choice would let an attacker do.",
                "Replace this nearly-the-answer hint: least privilege means granting only what the job needs."
              ],
              "checks": [
                {
                  "id": "quiz",
                  "kind": "choice",
                  "title": "every answer is right",
                  "questions": [
                    {
                      "id": "q1",
                      "prompt": "Replace this question: a producer writes to one stream. What should its policy allow?",
                      "choices": { "a": "kinesis:* on *", "b": "kinesis:PutRecord and kinesis:PutRecords on that stream", "c": "kinesis:Put* on that stream" },
                      "answer": "b",
                      "explanation": "Replace this: only the two write actions, on the one stream; kinesis:Put* also grants PutResourcePolicy."
                    },
                    {
                      "id": "q2",
                      "prompt": "Replace this question: with no statement that allows a request, what is the decision?",
                      "choices": { "a": "an implicit deny", "b": "allowed", "c": "an explicit deny" },
                      "answer": "a",
                      "explanation": "Replace this: everything not allowed is denied by default (an implicit deny)."
                    },
                    {
                      "id": "q3",
                      "prompt": "Replace this question: an Allow and a Deny both match a request. What wins?",
                      "choices": { "a": "the Allow", "b": "the statement written first", "c": "the Deny" },
                      "answer": "c",
                      "explanation": "Replace this: an explicit deny always wins."
                    }
                  ]
                }
              ]
            }

            """),
            ("prompt.md", """
            # Replace this title

            <!-- Notes for the author: say what the quiz is about and how to answer. The answers file is a
                 JSON object from question id to the letter of the choice. -->

            Answer each question in your answers file with the letter of the best choice, for example
            `{"q1": "a", "q2": "b", "q3": "c"}`.

            """),
            ("starter.json", answers("", "", "")),
            ("solution.json", answers("b", "a", "c")),
            ("variants/upper-case.json", answers("B", "A", "C")),
            ("mutants/q1-wildcard.json", answers("a", "a", "c")),
            ("mutants/q1-wildcard.expect", "quiz: q1\n"),
            ("mutants/q1-put-star.json", answers("c", "a", "c")),
            ("mutants/q1-put-star.expect", "quiz: q1\n"),
            ("mutants/q2-allowed.json", answers("b", "b", "c")),
            ("mutants/q2-allowed.expect", "quiz: q2\n"),
            ("mutants/q3-allow-wins.json", answers("b", "a", "a")),
            ("mutants/q3-allow-wins.expect", "quiz: q3\n"),
            ("mutants/not-a-choice.json", answers("b", "a", "d")),
            ("mutants/not-a-choice.expect", "quiz: not one of the choices\n"),
            ("AUTHORING.md", authoringGuide(template: "quiz", specifics: """
                This template: a `choice` quiz. Replace the questions, choices, answers and explanations in
                lab.json, then the answer files (solution, variants, mutants) to match. Use a quiz for ideas
                that are not policies to write; for decisions the evaluator can make, a `predict` check
                (see the lab format) asks the learner to predict allowed / explicit deny / implicit deny.
                """)),
        ])

    /// An answers file.
    private static func answers(_ q1: String, _ q2: String, _ q3: String) -> String {
        "{\n  \"q1\": \"\(q1)\",\n  \"q2\": \"\(q2)\",\n  \"q3\": \"\(q3)\"\n}\n"
    }
}
