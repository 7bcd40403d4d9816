import Testing
@testable import LabCLI

/// Which course kdslab uses: options, then the environment, then a course folder at or above
/// the working directory, then the built-in course.
@Suite("Choosing the course")
struct CourseLocatorTests {
    /// Two course folders, /a (a pack) and /b (labs and content only), and a working
    /// directory inside /w, a third course.
    static func io(_ environment: [String: String] = [:]) -> TestIO {
        let io = TestIO(files: [
            "/a/course.json": "{}", "/a/labs/x/lab.json": "{}", "/a/content/01-a.md": "# A",
            "/b/labs/y/lab.json": "{}", "/b/content/01-b.md": "# B",
            "/w/course.json": "{}", "/w/labs/z/lab.json": "{}",
            "/lessons/01-c.md": "# C",
        ], environment: environment)
        io.currentDirectory = "/w/deep/down"
        return io
    }

    static let a = CourseLocation(labs: "/a/labs", content: "/a/content", root: "/a", origin: .courseOption)
    static let w = CourseLocation(labs: "/w/labs", content: nil, root: "/w", origin: .foundAbove)

    @Test("first match wins", arguments: [
        // (options, environment, expected labs, expected origin)
        ([], [:], "/w/labs", CourseOrigin.foundAbove),
        (["--course", "/a"], [:], "/a/labs", .courseOption),
        (["--labs", "/b/labs"], ["KDSLAB_COURSE": "/a"], "/b/labs", .labsOption),
        (["--course", "/a"], ["KDSLAB_LABS": "/b/labs"], "/a/labs", .courseOption),
        ([], ["KDSLAB_LABS": "/b/labs", "KDSLAB_COURSE": "/a"], "/b/labs", .labsEnvironment),
        ([], ["KDSLAB_COURSE": "/a"], "/a/labs", .courseEnvironment),
        (["--course", "built-in"], [:], "(built-in)/labs", .courseOption),
        ([], ["KDSLAB_COURSE": "built-in"], "(built-in)/labs", .courseEnvironment),
    ] as [([String], [String: String], String, CourseOrigin)])
    func precedence(options: [String], environment: [String: String], labs: String, origin: CourseOrigin) throws {
        let parsed = try ArgumentScanner(command: "", options: ReplCommandLine.options).scan(options)
        let location = try CourseLocator(parsed).locate(io: Self.io(environment))
        #expect(location.labs == labs && location.origin == origin)
    }

    @Test func aCourseFolderAboveIsFoundWithItsManifestElseTheBuiltInCourse() throws {
        let io = Self.io()
        #expect(try CourseLocator().locate(io: io) == Self.w)
        io.currentDirectory = "/tmp/empty"
        #expect(try CourseLocator().locate(io: io) == .builtIn)
    }

    @Test func aLabsFolderBelongsToTheCourseBesideIt() throws {
        #expect(try CourseLocator(labsFlag: "/a/labs").locate(io: Self.io()).root == "/a")
        #expect(try CourseLocator(labsFlag: "/b/labs").locate(io: Self.io()).root == nil)
    }

    @Test func contentAloneReplacesTheLessonsOfWhicheverCourse() throws {
        let io = Self.io(["KDSLAB_CONTENT": "/lessons"])
        #expect(try CourseLocator().locate(io: io).content == "/lessons")
        #expect(try CourseLocator(courseFlag: "built-in").locate(io: io).content == "/lessons")
    }

    @Test("a course that cannot be used is one line saying what and where", arguments: [
        (["--course", "/nope"], "kdslab: the course folder '/nope' is not a directory (from --course)"),
        (["--course", "/lessons"], "kdslab: '/lessons' is not a course folder: it has no labs/ folder (from --course); `kdslab course new ID` makes one"),
        (["--course", "/a", "--labs", "/b/labs"], "kdslab: give either --course DIR or --labs DIR, not both"),
        (["--labs", "/nope"], "kdslab: the labs folder '/nope' is not a directory (from --labs)"),
    ])
    func unusable(options: [String], message: String) throws {
        let parsed = try ArgumentScanner(command: "", options: ReplCommandLine.options).scan(options)
        #expect(throws: CommandFailure(lines: [message])) { try CourseLocator(parsed).locate(io: Self.io()) }
    }

    @Test func theOptionsThatChooseACourseAgain() {
        #expect(CourseLocation.builtIn.arguments == ["--course", "built-in"])
        #expect(Self.a.arguments == ["--course", "/a"])
        #expect(CourseLocation(labs: "/b/labs", content: "/x").arguments == ["--labs", "/b/labs", "--content", "/x"])
    }
}
