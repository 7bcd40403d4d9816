/// How ``LineEditor/readLine(prompt:)`` ended.
enum LineResult: Equatable, Sendable {
    /// The user entered a line (without its line ending).
    case line(String)
    /// The user pressed Ctrl-C: the line was discarded; prompt again.
    case cancelled
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
}
