import IAMPolicy

/// One version of a managed policy's document.
public struct PolicyVersion: Sendable {
    /// `VersionId`: `v1`, `v2`, …
    public var versionId: String
    /// The document.
    public var document: NamedPolicy
    /// `CreateDate`.
    public var createDate: Timestamp

    /// Creates a version.
    public init(versionId: String, document: NamedPolicy, createDate: Timestamp) {
        self.versionId = versionId
        self.document = document
        self.createDate = createDate
    }
}
