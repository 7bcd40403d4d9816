/// The access level AWS's Service Authorization Reference assigns to an action.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    /// Lists resources (`kinesis:ListStreams`).
    case list = "List"
    /// Reads data or metadata (`kinesis:GetRecords`).
    case read = "Read"
    /// Creates, changes or deletes resources or data (`kinesis:PutRecord`).
    case write = "Write"
    /// Only changes tags (`kinesis:AddTagsToStream`).
    case tagging = "Tagging"
    /// Grants or changes permissions (`kms:PutKeyPolicy`, `kms:CreateGrant`).
    case permissionsManagement = "Permissions management"
}
