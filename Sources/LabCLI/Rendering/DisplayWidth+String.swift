extension DisplayWidth {
    /// The cells a string takes.
    static func of(text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }
}
