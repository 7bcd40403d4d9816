extension QueryRequest {
    /// The integer member `name` (`MaxSessionDuration`), if sent; `ValidationError` when its
    /// value is not a whole number.
    func integer(_ name: String) throws(QueryError) -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text) else {
            throw QueryError("ValidationError", "1 validation error detected: Value '\(text)' at '\(Self.memberName(name))' failed to satisfy constraint: Member must be a number")
        }
        return value
    }

    /// A parameter's name as IAM's messages spell its member: `UserName` → `userName`.
    static func memberName(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }
}
