import IAMPolicy
import KinesisSim

/// A customer managed policy from `iam:CreatePolicy` (or an AWS managed one), attachable by ARN.
public struct ManagedPolicy: Sendable {
    /// `PolicyName`.
    public var name: String
    /// `arn:aws:iam::ACCOUNT:policy/NAME` (`arn:aws:iam::aws:policy/NAME` for AWS's).
    public var arn: String
    /// `PolicyId` (`ANPA…`).
    public var policyId: String
    /// `Path`.
    public var path: String
    /// `Description`.
    public var description: String?
    /// The document; its `name` is the ARN, which is how attached copies are recognised.
    public var document: NamedPolicy
    /// `CreateDate`.
    public var createDate: Timestamp

    /// Creates a managed policy.
    public init(name: String, arn: String, policyId: String, path: String = "/", description: String? = nil,
                document: NamedPolicy, createDate: Timestamp) {
        self.name = name
        self.arn = arn
        self.policyId = policyId
        self.path = path
        self.description = description
        self.document = document
        self.createDate = createDate
    }

    /// The policy text of AWS's `AdministratorAccess`.
    public static let administratorAccessText = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}
        """

    /// `arn:aws:iam::aws:policy/AdministratorAccess`.
    public static let administratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
