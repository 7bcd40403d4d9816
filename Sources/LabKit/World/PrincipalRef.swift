/// A principal named in a lab file: `role/NAME`, `user/NAME`, either prefixed with an account
/// (`444455556666:role/NAME`), or a full IAM ARN.
///
/// A lab's world has a home account; a reference without an account means that one.
public struct PrincipalRef: Sendable, Hashable, CustomStringConvertible {
    /// Whether the principal is an IAM user or a role.
    public enum Kind: String, Sendable, Hashable {
        case user, role
    }

    /// User or role.
    public var kind: Kind
    /// The user's or role's name.
    public var name: String
    /// The account, or `nil` for the world's home account.
    public var account: String?

    /// Creates a reference.
    public init(kind: Kind, name: String, account: String? = nil) {
        self.kind = kind
        self.name = name
        self.account = account
    }

    /// Reads `role/NAME`, `user/NAME`, `ACCOUNT:role/NAME` or `arn:aws:iam::ACCOUNT:role/NAME`;
    /// `nil` for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text)
        var account: String?
        if rest.hasPrefix("arn:") {
            let fields = rest.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, fields[2] == "iam", !fields[4].isEmpty else { return nil }
            account = String(fields[4])
            rest = fields[5]
        } else if let colon = rest.firstIndex(of: ":") {
            let prefix = rest[..<colon]
            guard prefix.count == 12, prefix.allSatisfy(\.isNumber) else { return nil }
            account = String(prefix)
            rest = rest[rest.index(after: colon)...]
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        guard let kind = Kind(rawValue: String(rest[..<slash])) else { return nil }
        let name = rest[rest.index(after: slash)...]
        // IAM names: letters, digits and +=,.@_- (paths are not used in labs).
        guard !name.isEmpty, name.count <= 64,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }) else { return nil }
        self.init(kind: kind, name: String(name), account: account)
    }

    /// `role/NAME` or `ACCOUNT:role/NAME`, as a lab file writes it.
    public var description: String {
        (account.map { "\($0):" } ?? "") + "\(kind.rawValue)/\(name)"
    }

    /// The IAM ARN, with `home` standing in for a missing account.
    public func arn(home: String) -> String {
        "arn:aws:iam::\(account ?? home):\(kind.rawValue)/\(name)"
    }
}
