/// Something wrong with a lesson file, with where it is: `file:line:column: message`.
public struct LessonProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The lesson's file name.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// One line saying what is wrong.
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String {
        "\(file):\(line):\(column): \(message)"
    }
}
