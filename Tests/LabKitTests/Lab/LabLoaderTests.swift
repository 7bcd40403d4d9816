import Testing
import LabKit

/// `lab.json` problems are reported with file, line and column, all at once.
@Suite struct LabLoaderTests {
    /// A small, valid lab with a predict quiz; tests break it in one place at a time.
    static let quizLab = """
    {
      "formatVersion": 1,
      "id": "quiz",
      "title": "Predict the decision",
      "lessons": ["explicit-deny"],
      "world": {
        "roles": [
          {
            "name": "reader",
            "policies": {
              "read": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "kinesis:Get*", "Resource": "*"},
                {"Effect": "Deny", "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/secrets"}
              ]}
            }
          }
        ],
        "streams": [{"name": "secrets"}, {"name": "public"}]
      },
      "submission": {"slot": "answers"},
      "hints": ["An explicit Deny beats every Allow."],
      "checks": [
        {"id": "quiz", "kind": "predict", "title": "three requests", "points": 3, "questions": [
          {"id": "q1", "prompt": "reader reads public", "as": "role/reader", "action": "kinesis:GetRecords", "resource": "stream/public"},
          {"id": "q2", "prompt": "reader reads secrets", "as": "role/reader", "action": "kinesis:GetRecords", "resource": "stream/secrets"},
          {"id": "q3", "prompt": "reader writes public", "as": "role/reader", "action": "kinesis:PutRecord", "resource": "stream/public"}
        ]}
      ]
    }
    """

    static func files(_ definition: String, folder: String = "quiz") -> LabFiles {
        LabFiles(folderName: folder, definition: definition, prompt: "# Quiz", starter: "{}",
                 solution: "{\"q1\": \"allowed\", \"q2\": \"explicit deny\", \"q3\": \"implicit deny\"}")
    }

    @Test func validLabLoads() throws {
        let (lab, problems) = LabLoader(knownLessons: ["explicit-deny"]).load(Self.files(Self.quizLab))
        #expect(problems.isEmpty, "\(problems)")
        let loaded = try #require(lab)
        #expect(loaded.definition.checks.count == 1)
        #expect(loaded.definition.maxScore == 3)
    }

    @Test func predictQuizIsGradedByTheEvaluator() throws {
        let lab = try #require(LabLoader().load(Self.files(Self.quizLab)).lab)
        let grader = Grader(definition: lab.definition)
        #expect(grader.grade(lab.solution, name: "right").passed)
        let wrong = grader.grade("{\"q1\": \"allowed\", \"q2\": \"implicit deny\", \"q3\": \"implicit deny\"}", name: "wrong")
        #expect(!wrong.passed)
        let check = try #require(wrong.checks.first)
        #expect(check.message == "2 of 3 predictions are right.")
        #expect(check.details.first?.hasPrefix("q2: you said implicitly denied, but it is explicitly denied.") == true)
        #expect(check.line == 1)
        // One score, one meaning: two right answers of three earn two of the three points.
        #expect(check.points == 2 && wrong.score == 2)
        let missing = grader.grade("{\"q1\": \"allowed\"}", name: "short")
        #expect(missing.checks.first?.details == ["no answer given: q2, q3"])
        #expect(missing.score == 1)
        let nonsense = grader.grade("{\"q1\": \"maybe\", \"q2\": \"explicit deny\", \"q3\": \"implicit deny\"}", name: "nonsense")
        #expect(nonsense.checks.first?.details.first?.contains("`maybe` is not a decision") == true)
    }

    @Test("Broken lab files", arguments: [
        // (what to replace, with what, expected message fragment, line)
        ("\"kind\": \"predict\"", "\"kind\": \"guess\"", "unknown check kind `guess`", 23),
        ("\"resource\": \"stream/public\"},\n      {\"id\": \"q2\"", "\"resource\": \"bucket/reports\"},\n      {\"id\": \"q2\"", "`bucket/reports` is not a resource", 24),
        ("\"as\": \"role/reader\", \"action\": \"kinesis:GetRecords\", \"resource\": \"stream/public\"}",
         "\"as\": \"role/writer\", \"action\": \"kinesis:GetRecords\", \"resource\": \"stream/public\"}", "role `writer` is not in the world", 24),
        ("\"action\": \"kinesis:PutRecord\"", "\"action\": \"kinesis:PutRecordz\"", "`kinesis:PutRecordz` is not an action of kinesis", 26),
        ("\"title\": \"Predict the decision\",", "\"titel\": \"Predict the decision\",", "unknown key `titel`", 4),
        ("\"formatVersion\": 1", "\"formatVersion\": 2", "formatVersion 2 is not supported", 2),
        ("{\"name\": \"secrets\"}", "{\"name\": \"secrets\", \"shards\": 0}", "`shards` must be between 1 and 64", 18),
        ("\"Effect\": \"Deny\"", "\"Effect\": \"Dent\"", "policy `read` is not a valid identity policy", 11),
        ("\"hints\": [\"An explicit Deny beats every Allow.\"],", "", "the lab has no hints", 1),
    ])
    func brokenLab(replace: String, with replacement: String, message: String, line: Int) throws {
        let text = Self.quizLab.replacingOccurrences(of: replace, with: replacement)
        #expect(text != Self.quizLab, "the test's replacement did not apply")
        let (lab, problems) = LabLoader(knownLessons: ["explicit-deny"]).load(Self.files(text))
        if message.isEmpty {
            // Any problem will do for inputs that are simply wrong; nothing may crash.
            #expect(lab == nil || !problems.isEmpty)
            return
        }
        #expect(lab == nil)
        let problem = try #require(problems.first { $0.message.contains(message) }, "\(problems)")
        #expect(problem.file == "lab.json")
        #expect(problem.line == line, "\(problem)")
        #expect(problem.column > 0)
    }

    @Test("a question's section must be a section of its lesson", arguments: [
        ("\"section\": \"How AWS decides\"", nil),
        ("\"lesson\": \"least-privilege\", \"section\": \"Default deny\"", nil),
        ("\"section\": \"How AWS decide\"", "the lesson `explicit-deny` has no section “How AWS decide”; its sections are “How AWS decides”, “Traps”"),
        ("\"lesson\": \"nope\", \"section\": \"Traps\"", "lesson `nope` does not exist in content/"),
        ("\"lesson\": \"least-privilege\"", "question `q2` names a `lesson` but no `section` in it"),
    ] as [(String, String?)])
    func questionSections(_ keys: String, _ message: String?) throws {
        let text = Self.quizLab.replacingOccurrences(of: "{\"id\": \"q2\",", with: "{\"id\": \"q2\", \(keys),")
        let sections = ["explicit-deny": ["How AWS decides", "Traps"], "least-privilege": ["Default deny"]]
        let (lab, problems) = LabLoader(knownLessons: Set(sections.keys), lessonSections: sections).load(Self.files(text))
        guard let message else {
            #expect(problems.isEmpty, "\(problems)")
            guard case .predict(let quiz) = try #require(lab).definition.checks[0].kind else { return }
            #expect(quiz.questions[1].section?.lesson == (keys.contains("least") ? "least-privilege" : "explicit-deny"))
            return
        }
        #expect(lab == nil)
        let problem = try #require(problems.first, "no problem for \(keys)")
        #expect(problem.message == message)
        #expect(problem.line == 25)
    }

    @Test func malformedJSONIsReportedWithItsPosition() throws {
        let (lab, problems) = LabLoader().load(Self.files("{\n  \"id\": \"quiz\",\n  \"title\": }"))
        #expect(lab == nil)
        let p = try #require(problems.first)
        #expect(p.line == 3)
        #expect(p.column == 12)
        #expect(p.description.hasPrefix("lab.json:3:12: error:"))
    }

    @Test func unknownLessonAndWrongFolderAreReported() {
        let (_, problems) = LabLoader(knownLessons: ["least-privilege"]).load(Self.files(Self.quizLab, folder: "other"))
        #expect(problems.contains { $0.message.contains("lesson `explicit-deny` does not exist") })
        #expect(problems.contains { $0.message.contains("differs from its folder's name `other`") })
    }

    @Test func missingFilesAreReported() {
        let files = LabFiles(folderName: "quiz", definition: Self.quizLab, prompt: nil, starter: nil, solution: nil)
        let (lab, problems) = LabLoader().load(files)
        #expect(lab == nil)
        #expect(Set(problems.map(\.file)).isSuperset(of: ["prompt.md", "starter.json", "solution.json"]))
    }

    @Test func everyCourseLabLoadsWithoutProblems() throws {
        for id in ["producer-only", "fix-rbe-wildcard"] {
            let (lab, problems) = LabLoader().load(CourseLabs.files(id))
            #expect(lab != nil)
            #expect(problems.filter { $0.severity == .error }.isEmpty, "\(id): \(problems)")
        }
    }

    @Test("an access check's action pattern must name actions that act on its resource", arguments: [
        ("kinesis:Nope*", "`kinesis:Nope*` matches no action of kinesis"),
        ("kinesis:Subscribe*", "no action `kinesis:Subscribe*` matches acts on arn:aws:kinesis:us-east-1:111122223333:stream/patient-vitals"),
        ("s3:Get*", "`s3` is not a service whose actions kdslab knows"),
        ("*:Get*", "is not an action: write service:Action, or service:Pattern"),
    ])
    func accessActionPattern(pattern: String, message: String) throws {
        var files = CourseLabs.files("https-only")
        let text = try #require(files.definition)
        files.definition = text.replacingOccurrences(of: #""action": "kinesis:*""#, with: "\"action\": \"\(pattern)\"")
        #expect(files.definition != text)
        let (lab, problems) = LabLoader().load(files)
        #expect(lab == nil)
        let problem = try #require(problems.first { $0.message.contains(message) }, "\(problems)")
        #expect(problem.file == "lab.json" && problem.line > 1 && problem.column > 0, "\(problem)")
    }
}
