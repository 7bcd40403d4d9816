/// Which prefix of the attempt log a saved ``ProgressState`` reflects.
///
/// Stored in `progress.json` so that a session killed between appending to the log and
/// saving the state can catch up from the log, and so that a changed or shortened log is
/// noticed even at its last line (which no later line's hash covers).
public struct LogHead: Sendable, Hashable {
    /// How many log lines the state reflects.
    public var lines: Int
    /// The SHA-256 (64 lowercase hex digits) of the last of those lines, without its newline;
    /// 64 zeros when `lines` is 0.
    public var lastLineSHA256: String

    /// Creates a head.
    public init(lines: Int, lastLineSHA256: String) {
        self.lines = lines
        self.lastLineSHA256 = lastLineSHA256
    }

    /// The head of an empty log.
    public static let empty = LogHead(lines: 0, lastLineSHA256: String(repeating: "0", count: 64))
}
