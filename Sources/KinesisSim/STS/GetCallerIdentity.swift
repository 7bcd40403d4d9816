/// `GetCallerIdentity`'s answer.
public struct CallerIdentity: Sendable, Equatable {
    /// `Arn`: the user's, or the role session's.
    public var arn: String
    /// `UserId`: `AIDA…`, or `AROA…:SESSION`.
    public var userId: String
    /// `Account`.
    public var account: String
}

extension KinesisWorld {
    /// `sts:GetCallerIdentity`: who the credentials belong to. Needs no permission: AWS
    /// answers it even when every action is denied.
    public func getCallerIdentity(as caller: Caller) -> CallerIdentity {
        CallerIdentity(arn: caller.principal.arn, userId: IAMIdentifiers.userId(of: caller), account: caller.principal.account)
    }
}
