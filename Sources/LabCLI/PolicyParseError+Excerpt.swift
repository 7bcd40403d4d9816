import IAMPolicy

extension PolicyParseError {
    /// `kdslab: FILE:LINE:COLUMN: MalformedPolicyDocument: message detail`, then the line
    /// with a caret under the column.
    func report(file: String, text: String) -> [String] {
        ["kdslab: \(file):\(description)"]
            + SourceExcerpt(text).underlined(SourceRange(at: range.start), maxLines: 1, style: .plain) { $0 }
    }
}

extension JSONReadError {
    /// `kdslab: FILE:LINE:COLUMN: message`, then the line with a caret under the column.
    func report(file: String, text: String) -> [String] {
        ["kdslab: \(file):\(description)"]
            + SourceExcerpt(text).underlined(SourceRange(at: position), maxLines: 1, style: .plain) { $0 }
    }
}
