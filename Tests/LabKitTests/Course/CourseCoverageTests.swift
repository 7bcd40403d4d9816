import Foundation
import Testing
import LabKit

/// The lessons in `content/` teach the course plan (issue 5): every idea is covered by a
/// lesson, no lesson claims an idea outside the plan, and every lesson's "Try it" sends the
/// learner to labs that exist or are planned.
@Suite struct CourseCoverageTests {
    /// The ideas of the course plan, each taught by some lesson's `covers:` comment.
    static let plannedIdeas: Set<String> = [
        "least-privilege", "default-deny", "data-stewardship", "modular-controls", "statement-parts",
        "policy-attachment", "explicit-deny", "evaluation-order", "action-wildcards", "arns",
        "wildcard-only-actions", "over-broad", "role-policies", "shard-discovery", "temporary-credentials",
        "encryption-in-flight", "encryption-at-rest", "cross-account", "client-side-encryption", "fips",
        "vpc-endpoints", "managed-endpoints", "course-review",
    ]

    /// The labs of the course plan; some are written in parallel and may not exist yet.
    static let plannedLabs: Set<String> = [
        "why-least-privilege", "producer-only", "read-a-policy", "consumer-only", "efo-consumer",
        "fix-rbe-wildcard", "explicit-deny-guardrail", "predict-the-decision", "arn-wildcards", "notaction-trap",
        "resharding-operator", "stream-administrator", "https-only", "kms-producer-consumer",
        "client-side-encryption", "fips-endpoints", "vpce-only", "assume-role",
        "cross-account-consumer", "least-privilege-audit",
    ]

    /// The lesson files of the plan, by file name, in reading order: cross-account access comes
    /// after the roles and key policies it builds on (issue 13).
    static let plannedLessonFiles: [String] = [
        "01-least-privilege.md", "02-policy-anatomy.md", "03-explicit-deny.md", "04-action-wildcards.md",
        "05-arns-and-resources.md", "06-over-broad-policies.md", "07-role-policies.md",
        "08-temporary-credentials.md", "09-encryption-in-flight.md", "10-encryption-at-rest.md",
        "11-cross-account-access.md", "12-client-side-encryption.md", "13-fips-endpoints.md",
        "14-vpc-endpoints.md", "15-course-review.md",
    ]

    /// Points of the lecture the course is built from, each with words its lesson must say
    /// (case-insensitive), so a rewrite cannot drop them unnoticed.
    static let lecturePoints: [(file: String, point: String, words: String)] = [
        ("01-least-privilege.md", "the personal reason: we are stewards of the data", "steward"),
        ("01-least-privilege.md", "the technical reason: modular controls make compliance easier", "modular"),
        ("01-least-privilege.md", "the technical reason: modular controls make compliance easier", "compliance"),
        ("02-policy-anatomy.md", "identity policies attach to users, groups and roles", "a **group**"),
        ("02-policy-anatomy.md", "trust policies have no Resource", "no `Resource` at all"),
        ("03-explicit-deny.md", "boundaries and session policies only cap", "only **cap**"),
        ("05-arns-and-resources.md", "UpdateShardCount takes only *", "`UpdateShardCount`"),
        ("05-arns-and-resources.md", "Resource * reaches other accounts", "is not \"this account\""),
        ("07-role-policies.md", "discovery is one of three actions", "**one of**"),
        ("09-encryption-in-flight.md", "Kinesis endpoints are HTTPS only", "only HTTPS"),
        ("09-encryption-in-flight.md", "TLS 1.2 required, 1.3 recommended", "**TLS 1.3**"),
        ("11-cross-account-access.md", "resource policies since November 2023", "November 2023"),
        ("12-client-side-encryption.md", "records up to 10 MiB", "10 MiB"),
        ("14-vpc-endpoints.md", "VPC endpoints are AWS-managed and scale", "managed"),
        ("14-vpc-endpoints.md", "one endpoint interface per Availability Zone", "**each Availability Zone**"),
        ("15-course-review.md", "the closing review", "checklist"),
    ]

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func contentFiles() throws -> [(fileName: String, text: String)] {
        let content = repositoryRoot.appendingPathComponent("content")
        let names = try FileManager.default.contentsOfDirectory(atPath: content.path).sorted()
        return try names.filter { $0.hasSuffix(".md") }.map {
            ($0, try String(contentsOf: content.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static func catalog() throws -> LessonCatalog {
        LessonCatalog(files: try contentFiles())
    }

    /// The labs named as `` `start ID` `` code spans in the lesson's "Try it" section (from its
    /// `## Try it` heading to the next heading of level 1 or 2).
    static func tryItLabs(_ lesson: Lesson) -> [String]? {
        let blocks = lesson.document.blocks
        guard let start = blocks.firstIndex(where: {
            if case .heading(2, let text) = $0.content { return text.plainText.trimmingCharacters(in: .whitespaces) == "Try it" }
            return false
        }) else { return nil }
        var labs: [String] = []
        for block in blocks[(start + 1)...] {
            if case .heading(let level, _) = block.content, level <= 2 { break }
            labs += startCommands(in: block)
        }
        return labs
    }

    private static func startCommands(in block: MarkdownBlock) -> [String] {
        switch block.content {
        case .paragraph(let inlines), .heading(_, let inlines):
            return startCommands(in: inlines)
        case .list(let list):
            return list.items.flatMap { $0.blocks.flatMap(startCommands(in:)) }
        case .quote(let inner):
            return inner.flatMap(startCommands(in:))
        case .table(let table):
            return (table.header + table.rows.flatMap { $0 }).flatMap(startCommands(in:))
        case .code, .rule, .comment:
            return []
        }
    }

    private static func startCommands(in inlines: [MarkdownInline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .code(let text):
                let words = text.split(separator: " ")
                return words.count == 2 && words[0] == "start" ? [String(words[1])] : []
            case .emphasis(let inner), .strong(let inner), .link(let inner, _):
                return startCommands(in: inner)
            case .text, .lineBreak:
                return []
            }
        }
    }

    @Test("every lesson of the plan is in content/ and reads without problems")
    func lessonsParse() throws {
        let files = try Self.contentFiles()
        #expect(Set(files.map(\.fileName)) == Set(Self.plannedLessonFiles))
        let catalog = LessonCatalog(files: files)
        #expect(catalog.problems.map(\.description) == [])
        #expect(catalog.lessons.map(\.fileName) == Self.plannedLessonFiles)
        for lesson in catalog.lessons {
            #expect(!lesson.covers.isEmpty, "\(lesson.fileName) has no covers comment")
        }
    }

    @Test("the lessons together cover exactly the ideas of the plan, each once")
    func coversThePlan() throws {
        let lessons = try Self.catalog().lessons
        let covered = lessons.flatMap(\.covers)
        #expect(Set(covered) == Self.plannedIdeas,
                "missing: \(Self.plannedIdeas.subtracting(covered).sorted()), not planned: \(Set(covered).subtracting(Self.plannedIdeas).sorted())")
        let repeated = Dictionary(grouping: covered, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated == [], "covered by more than one lesson: \(repeated)")
    }

    @Test("every lesson's Try it names at least one lab, and only labs that exist or are planned")
    func tryItNamesKnownLabs() throws {
        let known = Self.plannedLabs.union(CourseLabs.ids)
        for lesson in try Self.catalog().lessons {
            let labs = try #require(Self.tryItLabs(lesson), "\(lesson.fileName) has no `## Try it` section")
            #expect(!labs.isEmpty, "\(lesson.fileName)'s Try it names no lab (`start ID`)")
            let unknown = labs.filter { !known.contains($0) }
            #expect(unknown == [], "\(lesson.fileName) names labs that are neither in labs/ nor planned: \(unknown)")
        }
    }

    @Test("every lab of the plan is named by some lesson's Try it")
    func everyPlannedLabIsReachable() throws {
        let named = Set(try Self.catalog().lessons.flatMap { Self.tryItLabs($0) ?? [] })
        #expect(Self.plannedLabs.subtracting(named).sorted() == [])
    }

    @Test("every lesson ends by naming the next one, and the last names none", arguments: plannedLessonFiles.indices)
    func lessonNamesTheNext(index: Int) throws {
        let lesson = try #require(try Self.catalog().lessons.first { $0.fileName == Self.plannedLessonFiles[index] })
        let text = try #require(try Self.contentFiles().first { $0.fileName == lesson.fileName }?.text)
        let next = index + 2
        if index + 1 < Self.plannedLessonFiles.count {
            #expect(text.contains("**Next:** lesson \(next), "), "\(lesson.fileName) does not name lesson \(next)")
            #expect(text.contains("(`read \(next)`)"), "\(lesson.fileName) does not say `read \(next)`")
        } else {
            #expect(!text.contains("`read \(next)`"), "the last lesson names a lesson that does not exist")
        }
    }

    @Test("every lesson cites the AWS pages it relies on")
    func lessonsCiteSources() throws {
        for file in try Self.contentFiles() {
            #expect(file.text.contains("<!-- Sources:") && file.text.contains("https://docs.aws.amazon.com/"),
                    "\(file.fileName) has no Sources comment with an AWS documentation page")
        }
    }

    @Test("the lecture's points are taught, each in its lesson", arguments: lecturePoints.indices)
    func lecturePointIsTaught(index: Int) throws {
        let point = Self.lecturePoints[index]
        let text = try #require(try Self.contentFiles().first { $0.fileName == point.file }?.text, "\(point.file) is missing")
        #expect(text.lowercased().contains(point.words.lowercased()), "\(point.file) does not teach: \(point.point)")
    }

    @Test("every lab names the lesson it practises and comes after it in the course")
    func labsFollowTheirLessons() throws {
        let order = Dictionary(uniqueKeysWithValues: try Self.catalog().lessons.map { ($0.id, $0.order) })
        let labs = try CourseLabs.ids.map { try CourseLabs.lab($0).definition }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        var reached = 0
        var reachedBy = ""
        for lab in labs {
            #expect(!lab.lessons.isEmpty, "\(lab.id) names no lesson")
            let last = lab.lessons.compactMap { order[$0] }.max() ?? 0
            #expect(last >= reached, "\(lab.id) practises lesson \(last) but comes after \(reachedBy), which practises lesson \(reached)")
            if last > reached { (reached, reachedBy) = (last, lab.id) }
            let prompt = try #require(CourseLabs.files(lab.id).prompt)
            for id in lab.lessons {
                let n = try #require(order[id], "\(lab.id) names `\(id)`, which is not a lesson")
                #expect(prompt.contains("lesson \(n), "), "\(lab.id)'s prompt does not name lesson \(n)")
            }
        }
    }

    @Test("the Try it reader finds start commands in lists and emphasis, and nothing after the section")
    func tryItReader() throws {
        let text = """
            <!-- covers: x -->
            # T

            Run `start not-here` first.

            ## Try it

            1. Run **`start one`** then `start  spaced out`.
            2. Then `start two`; `kdslab start` is not a lab.

            ## Further reading

            `start three`
            """
        let lesson = try Lesson(fileName: "99-x.md", text: text)
        #expect(Self.tryItLabs(lesson) == ["one", "two"])
        let without = try Lesson(fileName: "98-y.md", text: "# T\n\nRun `start one`.\n")
        #expect(Self.tryItLabs(without) == nil)
    }
}
