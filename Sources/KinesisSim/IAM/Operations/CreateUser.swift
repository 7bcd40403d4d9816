import IAMPolicy

/// `CreateUser`'s input.
public struct CreateUserInput: Sendable, Equatable {
    /// `UserName` (required).
    public var userName: String?
    /// `Path` (default `/`).
    public var path: String?

    /// Creates an input.
    public init(userName: String?, path: String? = nil) {
        self.userName = userName
        self.path = path
    }

    func validate() throws(IAMError) {
        var v = IAMValidation()
        v.required(userName, at: "userName")
        v.check(userName, at: "userName", length: IAMLimits.newUserName, pattern: .name)
        v.check(path, at: "path", length: IAMLimits.path, pattern: .path)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `iam:CreateUser`: a new user in the caller's account, without policies or keys.
    public mutating func createUser(_ input: CreateUserInput, as caller: Caller) throws(IAMError) -> IAMUser {
        try input.validate()
        let name = input.userName ?? ""
        let account = caller.principal.account
        let user = IAMUser(name: name, account: account, path: input.path ?? "/", createDate: now)
        try authorize(caller, .createUser, on: user.arn)
        guard accounts[account]?.users[name] == nil else {
            throw IAMError(.entityAlreadyExists, "User with name \(name) already exists.")
        }
        addUser(user, account: account)
        return user
    }
}
