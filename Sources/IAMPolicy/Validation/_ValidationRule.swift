/// One check of a well-formed policy. Rules are values with no state; each reports what it finds.
protocol _ValidationRule: Sendable {
    /// The findings for `context`'s policy.
    func check(_ context: _ValidationContext) -> [Finding]
}
