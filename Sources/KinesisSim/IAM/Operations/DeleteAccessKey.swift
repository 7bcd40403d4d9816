import IAMPolicy

/// `DeleteAccessKey`'s input.
public struct DeleteAccessKeyInput: Sendable, Equatable {
    /// `UserName`; the calling user's own when absent.
    public var userName: String?
    /// `AccessKeyId` (required).
    public var accessKeyId: String?

    /// Creates an input.
    public init(userName: String? = nil, accessKeyId: String?) {
        self.userName = userName
        self.accessKeyId = accessKeyId
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.check(userName, at: "userName", length: IAMLimits.userName, pattern: .name)
        v.required(accessKeyId, at: "accessKeyId")
        v.check(accessKeyId, at: "accessKeyId", length: IAMLimits.accessKeyId, pattern: .word)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:DeleteAccessKey`: the key stops working at once.
    public mutating func deleteAccessKey(_ input: DeleteAccessKeyInput, as caller: Caller) throws(IAMError) {
        try input.validate()
        let account = caller.principal.account
        guard let name = input.userName ?? caller.principal.userName else {
            throw IAMError(.validationError, "Must specify userName when calling with non-User credentials")
        }
        let id = input.accessKeyId ?? ""
        try authorize(caller, .deleteAccessKey, on: arn(of: .user, name, account: account))
        guard accounts[account]?.users[name] != nil else { throw .noSuch(.user, name) }
        guard credentials.keys(ofUser: name, account: account).contains(where: { $0.accessKeyId == id }) else {
            throw IAMError(.noSuchEntity, "The Access Key with id \(id) cannot be found.")
        }
        credentials.remove(accessKeyId: id)
    }
}
