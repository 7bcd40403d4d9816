/// A run of text inside a paragraph, heading, list item or table cell.
///
/// The subset lessons use: plain text, emphasis, strong emphasis, code spans, links and
/// hard line breaks. Markup that is never closed stays as the literal text it was.
public indirect enum MarkdownInline: Sendable, Hashable {
    /// Literal text; soft line breaks are already single spaces.
    case text(String)
    /// `*x*` or `_x_`.
    case emphasis([MarkdownInline])
    /// `**x**` or `__x__`.
    case strong([MarkdownInline])
    /// `` `x` ``: the code, with no markup inside.
    case code(String)
    /// `[text](url)` or `<https://…>`; the destination is kept as written.
    case link(text: [MarkdownInline], url: String)
    /// A hard line break: two spaces or a backslash at the end of a line.
    case lineBreak
}
