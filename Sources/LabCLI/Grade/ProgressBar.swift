/// A one-line progress bar for long work on a terminal: `grading [██████░░░░] 612/1000`.
enum ProgressBar {
    static func line(done: Int, total: Int, width: Int, label: String = "grading") -> String {
        let total = max(total, 1)
        let filled = min(width, done * width / total)
        return "\(label) [" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(done)/\(total)"
    }
}
