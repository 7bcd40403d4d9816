/// One request to authorize: who wants to do what to which resource, in what context.
public struct AuthorizationRequest: Sendable {
    /// The caller.
    public var principal: Principal
    /// The action, `service:Name` (any case).
    public var action: String
    /// The resource ARN, or `*` for actions that have no resource type.
    public var resource: String
    /// The account that owns the resource; when `nil`, the ARN's account field (and when
    /// that is empty, the caller's account).
    public var resourceAccount: String?
    /// The request context (condition keys).
    public var context: RequestContext

    /// Creates a request.
    public init(
        principal: Principal, action: String, resource: String,
        resourceAccount: String? = nil, context: RequestContext = RequestContext()
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.resourceAccount = resourceAccount
        self.context = context
    }

    /// The account owning the resource, as the decision uses it.
    public var owningAccount: String {
        if let resourceAccount { return resourceAccount }
        let parts = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", !parts[4].isEmpty, parts[4] != "*" {
            return String(parts[4])
        }
        return principal.account
    }

    /// Whether caller and resource are in different accounts.
    public var isCrossAccount: Bool {
        !principal.account.isEmpty && owningAccount != principal.account
    }
}
