/// A parsed IAM policy document.
///
/// Produced by ``PolicyParser``; every node keeps the span of text it came from so
/// that decisions, findings and errors can point into the learner's policy.
public struct Policy: Sendable, Equatable {
    /// The `Version` element, or `nil` when the document has none.
    public var version: PolicyVersion?
    /// Where `Version`'s value sits, when present.
    public var versionRange: SourceRange?
    /// The `Id` element, when present.
    public var id: String?
    /// The statements, in document order (a single statement object becomes one element).
    public var statements: [Statement]
    /// The whole document's span.
    public var range: SourceRange

    /// Creates a policy.
    public init(
        version: PolicyVersion?, versionRange: SourceRange? = nil, id: String? = nil,
        statements: [Statement], range: SourceRange
    ) {
        self.version = version
        self.versionRange = versionRange
        self.id = id
        self.statements = statements
        self.range = range
    }

    /// The version that governs evaluation: an absent `Version` means 2008-10-17.
    public var effectiveVersion: PolicyVersion { version ?? .v2008_10_17 }

    /// Whether policy variables (`${...}`) are substituted: only under 2012-10-17.
    public var supportsVariables: Bool { effectiveVersion == .v2012_10_17 }
}

/// The policy language versions IAM accepts.
public enum PolicyVersion: String, Sendable, Equatable, CaseIterable {
    /// The current language: policy variables are substituted.
    case v2012_10_17 = "2012-10-17"
    /// The legacy language (and the default when `Version` is absent): `${...}` is plain text.
    case v2008_10_17 = "2008-10-17"
}
