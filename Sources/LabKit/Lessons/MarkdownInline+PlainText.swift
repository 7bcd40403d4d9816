extension MarkdownInline {
    /// The text without markup: emphasis dropped, code as its content, links as their text.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .emphasis(let inner), .strong(let inner), .link(let inner, _): inner.plainText
        case .lineBreak: " "
        }
    }
}

extension [MarkdownInline] {
    /// The concatenated plain text of every inline.
    public var plainText: String {
        map(\.plainText).joined()
    }
}
