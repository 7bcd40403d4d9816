import IAMPolicy

/// A managed policy: a customer managed one from `iam:CreatePolicy` (or a lab's world), or
/// one of AWS's (``AWSManagedPolicies``); attached to users and roles by ARN.
public struct ManagedPolicy: Sendable {
    /// `PolicyName`.
    public var name: String
    /// `arn:aws:iam::ACCOUNT:policy/PATH/NAME` (`arn:aws:iam::aws:policy/NAME` for AWS's).
    public var arn: String
    /// `PolicyId` (`ANPA…`).
    public var policyId: String
    /// `Path`.
    public var path: String
    /// `Description`.
    public var description: String?
    /// The versions kept, oldest first; one of them is the default.
    /// INVARIANT: never empty, and exactly one version's id is ``defaultVersionId``.
    public private(set) var versions: [PolicyVersion]
    /// `DefaultVersionId`: the version in force (`v1` until versions are added).
    public private(set) var defaultVersionId: String
    /// `CreateDate`.
    public var createDate: Timestamp
    /// `UpdateDate`: when the default version last changed.
    public var updateDate: Timestamp

    /// A policy at version `v1` with `document`; `arn` is built from the account (or `aws`),
    /// the path and the name.
    public init(name: String, owner: String, path: String = "/", description: String? = nil,
                document: NamedPolicy, createDate: Timestamp, policyId: String? = nil) {
        self.name = name
        self.path = path
        self.arn = "arn:aws:iam::\(owner):policy\(path)\(name)"
        self.policyId = policyId ?? IAMIdentifiers.uniqueId("ANPA", for: arn)
        self.description = description
        var named = document
        named.name = arn
        self.versions = [PolicyVersion(versionId: "v1", document: named, createDate: createDate)]
        self.defaultVersionId = "v1"
        self.createDate = createDate
        self.updateDate = createDate
    }

    /// The default version's document, named by the policy's ARN (which is how explanations
    /// and the simulator name an attached managed policy).
    public var document: NamedPolicy {
        versions.first { $0.versionId == defaultVersionId }?.document ?? versions[0].document
    }

    /// Whether AWS owns it (`arn:aws:iam::aws:policy/…`).
    public var isAWSManaged: Bool { arn.hasPrefix("arn:aws:iam::aws:") }
}
