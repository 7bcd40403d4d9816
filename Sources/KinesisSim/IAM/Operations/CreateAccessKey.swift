import IAMPolicy

/// `CreateAccessKey`'s input.
public struct CreateAccessKeyInput: Sendable, Equatable {
    /// `UserName`; the calling user's own when absent.
    public var userName: String?

    /// Creates an input.
    public init(userName: String? = nil) {
        self.userName = userName
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.check(userName, at: "userName", length: IAMLimits.userName, pattern: .name)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:CreateAccessKey`: a new long-term key of a user (at most
    /// ``IAMLimits/accessKeysPerUser``), its id and secret drawn from `issuer`.
    public mutating func createAccessKey<I: CredentialIssuer>(_ input: CreateAccessKeyInput, as caller: Caller,
                                                              issuer: inout I) throws(IAMError) -> AccessKey {
        try input.validate()
        let account = caller.principal.account
        guard let name = input.userName ?? caller.principal.userName else {
            throw IAMError(.validationError, "Must specify userName when calling with non-User credentials")
        }
        try authorize(caller, .createAccessKey, on: arn(of: .user, name, account: account))
        guard accounts[account]?.users[name] != nil else { throw .noSuch(.user, name) }
        guard credentials.keys(ofUser: name, account: account).count < IAMLimits.accessKeysPerUser else {
            throw .quota("AccessKeysPerUser", IAMLimits.accessKeysPerUser)
        }
        let drawn = IssuedCredentials.draw(temporary: false, from: &issuer)
        let key = AccessKey(accessKeyId: drawn.id, secretAccessKey: drawn.secret, createDate: now,
                            identity: .user(name: name, account: account))
        credentials.add(key)
        return key
    }
}
