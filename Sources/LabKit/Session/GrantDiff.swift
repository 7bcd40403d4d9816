/// What a draft grants that the lab's reference solution does not, and the reverse, over
/// every principal the lab cares about and every action, resource and request context.
///
/// Built on the access analysis (``GrantDiff/compare(draft:in:cache:)``): each entry stands
/// for a whole class of requests that one side allows and the other does not, with a
/// representative principal, resource and context.
public struct GrantDiff: Sendable, Equatable {
    /// Whose access was compared.
    public enum Scope: Sendable, Equatable {
        /// These principals (by the ARN policies name them by): those the lab's checks measure
        /// when the submission is an identity policy.
        case principals([String])
        /// Everyone: the world's principals, any other user, role or root of any account, AWS
        /// services and anonymous callers (a resource, key or trust policy).
        case everyone
    }

    /// One class of requests (or several, merged where only their actions differ) that one
    /// side allows and the other does not.
    public struct Entry: Sendable, Equatable {
        /// The actions, in the analysis's order.
        public var actions: [String]
        /// Whether the actions stand for another service's actions (a class the catalog does
        /// not detail, such as `s3:GetObject`), not for themselves alone.
        public var otherService: Bool
        /// The resource (an ARN, or `*`).
        public var resource: String
        /// Whether the resource is one of the lab's world (or `*`); else it stands for every
        /// resource the policies cannot tell from it.
        public var resourceInWorld: Bool
        /// The request context in which it differs: each key a policy of the request reads, as
        /// `key=value` or `key absent`. Empty when no policy reads one.
        public var context: [String]
        /// For what the draft alone grants: the draft's statement that grants it.
        public var grantedBy: String?
        /// For what the reference alone grants: the draft's statement that denies it, when the
        /// draft denies it explicitly.
        public var deniedBy: String?

        /// Creates an entry.
        public init(actions: [String], otherService: Bool = false, resource: String, resourceInWorld: Bool = true,
                    context: [String] = [], grantedBy: String? = nil, deniedBy: String? = nil) {
            self.actions = actions
            self.otherService = otherService
            self.resource = resource
            self.resourceInWorld = resourceInWorld
            self.context = context
            self.grantedBy = grantedBy
            self.deniedBy = deniedBy
        }

        /// The actions in a few words: all of them up to `limit`, else the first few and how
        /// many more ("kinesis:AddTagsToStream, kinesis:CreateStream, … and 20 more").
        public func actionsPhrase(limit: Int = 5) -> String {
            if otherService { return "another service's actions, such as " + actions.joined(separator: ", ") }
            guard actions.count > limit else { return actions.joined(separator: ", ") }
            let shown = max(1, limit - 1)
            return actions.prefix(shown).joined(separator: ", ") + " and \(actions.count - shown) more actions"
        }

        /// The resource in a few words: its ARN, or "any resource such as ARN" for one the
        /// world does not have.
        public var resourcePhrase: String {
            resourceInWorld ? resource : "any resource such as \(resource)"
        }
    }

    /// The entries of one principal (or one class of principals).
    public struct Group: Sendable, Equatable {
        /// Who, in a few words: an ARN, "any principal such as …", "an anonymous caller".
        public var principal: String
        /// The entries shown.
        public var entries: [Entry]
        /// How many more entries this principal has.
        public var more: Int

        /// Creates a group.
        public init(principal: String, entries: [Entry], more: Int = 0) {
            self.principal = principal
            self.entries = entries
            self.more = more
        }
    }

    /// One direction of the comparison, grouped by principal, capped.
    public struct Side: Sendable, Equatable {
        /// The principals shown, in the analysis's order (the world's first).
        public var groups: [Group]
        /// Principals not shown, past the cap.
        public var morePrincipals: Int
        /// Entries not shown with them.
        public var moreEntries: Int

        /// Creates a side.
        public init(groups: [Group] = [], morePrincipals: Int = 0, moreEntries: Int = 0) {
            self.groups = groups
            self.morePrincipals = morePrincipals
            self.moreEntries = moreEntries
        }

        /// Whether nothing differs in this direction.
        public var isEmpty: Bool { groups.isEmpty && morePrincipals == 0 }
    }

    /// Whose access was compared.
    public var scope: Scope
    /// Allowed by the draft, not by the reference solution.
    public var onlyInDraft: Side
    /// Allowed by the reference solution, not by the draft.
    public var onlyInReference: Side

    /// Creates a diff.
    public init(scope: Scope, onlyInDraft: Side, onlyInReference: Side) {
        self.scope = scope
        self.onlyInDraft = onlyInDraft
        self.onlyInReference = onlyInReference
    }

    /// Whether the two allow exactly the same requests, to everyone in scope.
    public var isEmpty: Bool { onlyInDraft.isEmpty && onlyInReference.isEmpty }
}
