import IAMPolicy

/// Authorizing a call to any service (IAM's and STS's operations use it; so can a front end
/// answering another service itself), with the same policies and request context as Kinesis calls.
extension KinesisWorld {
    /// Authorizes `action` (`iam:CreateUser`) on `resource` owned by `owner` (the caller's
    /// account when `nil`), throwing `ExpiredTokenException` for expired session credentials
    /// and `AccessDeniedException` (with our explanation) when IAM would deny the call.
    public func authorizeCall(_ caller: Caller, action: String, resource: String, owner: String? = nil) throws(KinesisError) {
        try authorize(caller, action, on: resource, owner: owner ?? caller.principal.account)
    }
}
