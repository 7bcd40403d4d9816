extension AuthorizationResult {
    /// The text of the `AccessDeniedException` AWS returns for this result, in AWS's current
    /// wording; `nil` when the request was allowed.
    ///
    /// `User: arn:aws:iam::111122223333:user/alice is not authorized to perform:
    /// kinesis:PutRecord on resource: arn:aws:kinesis:us-east-1:111122223333:stream/orders
    /// because no identity-based policy allows the kinesis:PutRecord action`
    public var accessDeniedMessage: String? {
        guard let denial else { return nil }
        let action = request.action
        // AWS does not document the resource text for resource-less actions; we print `*`.
        let head = "User: \(request.principal.arn) is not authorized to perform: \(action) on resource: \(request.resource)"
        if denial.explicit {
            return head + " with an explicit deny in \(Self.article(denial.kind)) \(denial.kind.rawValue)"
        }
        return head + " because no \(denial.kind.rawValue) allows the \(action) action"
    }

    static func article(_ kind: PolicyKind) -> String {
        kind == .identity ? "an" : "a"
    }
}
