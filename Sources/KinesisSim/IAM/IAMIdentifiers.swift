import Digests

/// IAM's unique ids: `AIDA…` for users, `AROA…` for roles, `ANPA…` for managed policies;
/// stable for an ARN, so a rebuilt world gives the same ids.
public enum IAMIdentifiers {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// `prefix` and 17 characters derived from `arn`.
    public static func uniqueId(_ prefix: String, for arn: String) -> String {
        prefix + String(SHA256.hash(Array(arn.utf8)).prefix(17).map { alphabet[Int($0) % alphabet.count] })
    }

    /// `UserId` as STS reports it: the user's `AIDA…` id, or `AROA…:SESSION` for a role session.
    public static func userId(of caller: Caller) -> String {
        let p = caller.principal
        if p.kind == .assumedRole, let role = p.roleArn {
            return uniqueId("AROA", for: role) + ":" + (p.arn.split(separator: "/").last.map(String.init) ?? "")
        }
        return uniqueId("AIDA", for: p.arn)
    }
}
