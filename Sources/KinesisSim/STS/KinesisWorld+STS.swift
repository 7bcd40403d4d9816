/// STS as operations of the world.
extension KinesisWorld {
    /// Performs an STS call as `caller`; session credentials are drawn from `issuer`.
    public mutating func perform<I: CredentialIssuer>(_ request: STSRequest, as caller: Caller,
                                                      issuer: inout I) throws(IAMError) -> STSResponse {
        switch request {
        case .getCallerIdentity: .callerIdentity(getCallerIdentity(as: caller))
        case .assumeRole(let input): .assumedRole(try assumeRole(input, as: caller, issuer: &issuer))
        }
    }
}
