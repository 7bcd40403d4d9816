/// One statement of a policy: an effect on actions and resources, for principals, under conditions.
public struct Statement: Sendable, Equatable {
    /// 0-based position in the policy's statement list.
    public var index: Int
    /// The `Sid`, when present.
    public var sid: String?
    /// `Allow` or `Deny`.
    public var effect: Effect
    /// `Principal` / `NotPrincipal`; `nil` in identity policies, where it is forbidden.
    public var principal: PrincipalClause?
    /// `Action` / `NotAction`.
    public var action: ActionClause
    /// `Resource` / `NotResource`; `nil` when absent (trust policies have none).
    public var resource: ResourceClause?
    /// The `Condition` block flattened: every (operator, key) pair; all must hold.
    public var conditions: [Condition]
    /// The statement object's span, braces included.
    public var range: SourceRange
    /// Where `Effect`'s value sits.
    public var effectRange: SourceRange

    /// Creates a statement.
    public init(
        index: Int, sid: String? = nil, effect: Effect, principal: PrincipalClause? = nil,
        action: ActionClause, resource: ResourceClause?, conditions: [Condition] = [],
        range: SourceRange, effectRange: SourceRange
    ) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.action = action
        self.resource = resource
        self.conditions = conditions
        self.range = range
        self.effectRange = effectRange
    }

    /// The path a message uses for this statement: `Statement[1]` (1-based, as people count).
    public var path: String { "Statement[\(index + 1)]" }

    /// `Sid "X"` when the statement has one, else its path.
    public var label: String {
        if let sid, !sid.isEmpty { return "statement \"\(sid)\"" }
        return "statement \(index + 1)"
    }
}

/// A statement's effect.
public enum Effect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}

/// `Action` or `NotAction`: a statement holds exactly one.
public enum ActionClause: Sendable, Equatable {
    case action([ActionPattern])
    case notAction([ActionPattern])

    /// The patterns, whichever form.
    public var patterns: [ActionPattern] {
        switch self {
        case .action(let p), .notAction(let p): p
        }
    }

    /// Whether this is the `NotAction` form.
    public var isNegated: Bool {
        if case .notAction = self { return true }
        return false
    }
}

/// `Resource` or `NotResource`: a statement holds exactly one (or none, in a trust policy).
public enum ResourceClause: Sendable, Equatable {
    case resource([ResourcePattern])
    case notResource([ResourcePattern])

    /// The patterns, whichever form.
    public var patterns: [ResourcePattern] {
        switch self {
        case .resource(let p), .notResource(let p): p
        }
    }

    /// Whether this is the `NotResource` form.
    public var isNegated: Bool {
        if case .notResource = self { return true }
        return false
    }
}

/// One entry of `Action`/`NotAction`: `service:Name` (wildcards allowed) or `*`.
public struct ActionPattern: Sendable, Equatable {
    /// The text as written.
    public var text: String
    /// Where it sits (quotes included).
    public var range: SourceRange

    /// Creates a pattern.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }

    /// The service prefix (`kinesis`), lower-cased; `nil` for the bare `*`.
    public var service: String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[..<colon]).lowercased()
    }

    /// The part after the colon (`Get*`); the whole text for the bare `*`.
    public var name: String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        return String(text[text.index(after: colon)...])
    }
}

/// One entry of `Resource`/`NotResource`: an ARN pattern or `*`.
public struct ResourcePattern: Sendable, Equatable {
    /// The text as written.
    public var text: String
    /// Where it sits (quotes included).
    public var range: SourceRange

    /// Creates a pattern.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
