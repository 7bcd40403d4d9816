/// What the terminal loop should do after ``LineEditorState`` handled a key.
enum EditAction: Equatable, Sendable {
    /// Keep reading; redraw the line (it or the cursor may have changed).
    case redraw
    /// Keep reading; nothing could be done (no history further back, no completion): ring
    /// the bell.
    case bell
    /// The line was entered (Enter). The state already holds a fresh, empty line.
    case submit(String)
    /// The line was discarded (Ctrl-C). Show a fresh prompt.
    case cancel
    /// Ctrl-D on an empty line: the user is done.
    case endOfInput
    /// Ctrl-L: clear the screen, then redraw the line at the top.
    case clearScreen
    /// Tab: ask for candidates for the word before the cursor (see
    /// ``LineEditorState/completionRequest``), then call ``LineEditorState/complete(with:)``.
    case requestCompletion
    /// A second Tab with several candidates: show them under the line, then redraw it.
    case listCandidates([String])
}
