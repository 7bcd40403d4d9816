/// One request to authorize: who wants to do what to which resource, in what context.
///
/// A value type whose fields live in one shared, copy-on-write box: results carry their
/// request, and copying a box is one reference count instead of one per string.
public struct AuthorizationRequest: Sendable {
    private final class Storage: @unchecked Sendable {
        // INVARIANT: mutated only through `AuthorizationRequest`'s setters, after
        // `isKnownUniquelyReferenced` has made this box private to one value.
        var principal: Principal
        var action: String
        var resource: String
        var resourceAccount: String?
        var context: RequestContext

        init(principal: Principal, action: String, resource: String, resourceAccount: String?, context: RequestContext) {
            self.principal = principal
            self.action = action
            self.resource = resource
            self.resourceAccount = resourceAccount
            self.context = context
        }

        func copy() -> Storage {
            Storage(principal: principal, action: action, resource: resource,
                    resourceAccount: resourceAccount, context: context)
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Creates a request.
    public init(
        principal: Principal, action: String, resource: String,
        resourceAccount: String? = nil, context: RequestContext = RequestContext()
    ) {
        storage = Storage(principal: principal, action: action, resource: resource,
                          resourceAccount: resourceAccount, context: context)
    }

    /// The caller.
    public var principal: Principal {
        get { storage.principal }
        set { unique().principal = newValue }
    }

    /// The action, `service:Name` (any case).
    public var action: String {
        get { storage.action }
        set { unique().action = newValue }
    }

    /// The resource ARN, or `*` for actions that have no resource type.
    public var resource: String {
        get { storage.resource }
        set { unique().resource = newValue }
    }

    /// The account that owns the resource; when `nil`, the ARN's account field (and when
    /// that is empty, the caller's account).
    public var resourceAccount: String? {
        get { storage.resourceAccount }
        set { unique().resourceAccount = newValue }
    }

    /// The request context (condition keys).
    public var context: RequestContext {
        get { storage.context }
        set { unique().context = newValue }
    }

    /// The account owning the resource, as the decision uses it.
    public var owningAccount: String {
        if let resourceAccount { return resourceAccount }
        return Self.arnAccount(resource) ?? principal.account
    }

    /// The account field of an ARN (the fifth component), when it names one.
    static func arnAccount(_ arn: String) -> String? {
        ARN(parsing: arn)?.namedAccount
    }

    /// Whether caller and resource are in different accounts.
    public var isCrossAccount: Bool {
        !principal.account.isEmpty && owningAccount != principal.account
    }
}
