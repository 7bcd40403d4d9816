/// Who makes a request: an IAM user, a role session, an account root, an AWS service, or no one.
public struct Principal: Sendable, Hashable {
    /// The kinds of caller.
    public enum Kind: String, Sendable, Hashable {
        /// An IAM user (`arn:aws:iam::ACCT:user/NAME`).
        case user
        /// A role itself (SimulatePrincipalPolicy on a role ARN).
        case role
        /// A role session (`arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`).
        case assumedRole
        /// The account root (`arn:aws:iam::ACCT:root`).
        case root
        /// An AWS service principal (`lambda.amazonaws.com`).
        case service
        /// An unauthenticated caller.
        case anonymous
    }

    /// The caller's kind.
    public var kind: Kind
    /// The caller's ARN (for a service, its name; for anonymous, `*`).
    public var arn: String
    /// The caller's 12-digit account (empty for services and anonymous callers).
    public var account: String
    /// For a role session, the role's ARN (`arn:aws:iam::ACCT:role/NAME`).
    public var roleArn: String?

    /// Creates a principal.
    public init(kind: Kind, arn: String, account: String, roleArn: String? = nil) {
        self.kind = kind
        self.arn = arn
        self.account = account
        self.roleArn = roleArn
    }

    /// Reads a principal from its ARN: user, role, assumed-role session or root.
    public init?(arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[3].isEmpty else { return nil }
        let account = String(parts[4])
        let resource = parts[5]
        switch parts[2] {
        case "iam" where resource == "root":
            self.init(kind: .root, arn: arn, account: account)
        case "iam" where resource.hasPrefix("user/"):
            self.init(kind: .user, arn: arn, account: account)
        case "iam" where resource.hasPrefix("role/"):
            self.init(kind: .role, arn: arn, account: account)
        case "sts" where resource.hasPrefix("assumed-role/"):
            let pieces = resource.split(separator: "/")
            guard pieces.count >= 3 else { return nil }
            let role = "arn:\(parts[1]):iam::\(account):role/\(pieces[1])"
            self.init(kind: .assumedRole, arn: arn, account: account, roleArn: role)
        default:
            return nil
        }
    }

    /// An AWS service principal.
    public static func service(_ name: String) -> Principal {
        Principal(kind: .service, arn: name, account: "")
    }

    /// The partition of the caller's ARN (`aws`, `aws-cn`, ...).
    public var partition: String {
        let parts = arn.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count > 1 && parts[0] == "arn" ? String(parts[1]) : "aws"
    }

    /// The caller's name as IAM's `aws:username` holds it (users only).
    public var userName: String? {
        guard kind == .user, let slash = arn.lastIndex(of: "/") else { return nil }
        return String(arn[arn.index(after: slash)...])
    }
}
