/// One key press, as the line editor understands it.
///
/// ``KeyDecoder`` turns terminal input bytes into these; ``LineEditorState`` decides what
/// each one does, so the key bindings live in one place.
enum Key: Equatable, Sendable {
    /// A printable character (one Unicode scalar).
    case text(Unicode.Scalar)
    /// Control plus a letter, lowercase (`"a"` for Ctrl-A). Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M
    /// arrive as ``backspace``, ``tab`` and ``enter`` instead.
    case control(Character)
    /// Return or Enter.
    case enter
    /// Tab.
    case tab
    /// Backspace (DEL or Ctrl-H).
    case backspace
    /// The Delete key (`ESC [ 3 ~`).
    case delete
    /// A lone Escape, with nothing following it in time.
    case escape
    /// An arrow key.
    case left, right, up, down
    /// Home and End.
    case home, end
    /// One word left or right (Alt-b / Alt-f, Ctrl- or Alt-arrows).
    case wordLeft, wordRight
    /// Delete the word before the cursor (Alt-Backspace).
    case deleteWordBackward
}
