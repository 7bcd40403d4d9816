/// The course's progress in a few cells: `7/18 ▓▓▓▓░░░░░░`. No escape sequences, so it
/// reads the same on any terminal.
enum CourseProgressBar {
    /// `passed` of `total` with a bar of `cells`; a bar is full only when every lab is
    /// passed, and shows something once one is.
    static func text(passed: Int, total: Int, cells: Int = 10) -> String {
        let total = max(total, 1)
        let passed = min(max(passed, 0), total)
        var filled = passed * cells / total
        if passed > 0 && filled == 0 { filled = 1 }
        if passed < total && filled == cells { filled = cells - 1 }
        return "\(passed)/\(total) " + String(repeating: "▓", count: filled) + String(repeating: "░", count: cells - filled)
    }
}
