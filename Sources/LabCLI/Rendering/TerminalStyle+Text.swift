extension TerminalStyle {
    /// `text` in `textStyle` when colour is on; `text` unchanged when it is off.
    func paint(_ text: String, _ textStyle: TextStyle) -> String {
        let codes = textStyle.sgrCodes
        guard enabled, !codes.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }

    /// A styled line as terminal text, one escape sequence per run of equal style.
    func paint(_ line: StyledLine) -> String {
        var out = ""
        var run = ""
        var runStyle = TextStyle.plain
        for fragment in line.fragments {
            if fragment.style != runStyle {
                out += paint(run, runStyle)
                run = ""
                runStyle = fragment.style
            }
            run += fragment.text
        }
        return out + paint(run, runStyle)
    }
}
