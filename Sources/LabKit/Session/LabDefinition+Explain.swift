import IAMPolicy

extension LabDefinition {
    /// Whom `explain` asks about unless told: the principal the submission is attached to,
    /// else the first principal a check names.
    public var defaultPrincipal: PrincipalRef? {
        if case .identityPolicy(let p, _) = submission { return p }
        for check in checks {
            switch check.kind {
            case .access(let a): return a.request.principal
            case .exactAccess(let e): return e.principal
            case .workload(let w): if let step = w.steps.first { return step.principal }
            case .predict(let p): if let q = p.questions.first { return q.request.principal }
            case .findings, .choice: continue
            }
        }
        if case .trustPolicy(let role) = submission { return PrincipalRef(kind: .role, name: role) }
        return nil
    }

    /// The request `explain` asks about, read against the lab's world: an action without a
    /// service prefix is a Kinesis action; resources may use the lab files' short forms and
    /// must be in the world (except a stream `CreateStream` would create); `as` takes a user
    /// or role by name; the other clauses set the request context as the connection and
    /// the clock would.
    public func explainRequest(_ question: ExplainQuestion) -> Result<AccessRequestSpec, ExplainRequestError> {
        do throws(ExplainRequestError) {
            return .success(try explainSpec(question))
        } catch {
            return .failure(error)
        }
    }

    func explainSpec(_ question: ExplainQuestion) throws(ExplainRequestError) -> AccessRequestSpec {
        let action = try explainAction(question.action)
        let resource = try explainResource(question.resource, action: action)
        let who = try explainPrincipal(question.principal)
        var via = ConnectionSpec()
        var context: [String: ContextValue] = [:]
        if let over = question.over {
            guard let endpoint = ConnectionSpec.Endpoint(rawValue: over.lowercased()), endpoint != .vpce else {
                throw .badTransport(over)
            }
            via.endpoint = endpoint
        }
        if let vpce = question.via {
            guard Self.isEndpointID(vpce) else { throw .badEndpoint(vpce) }
            guard via.endpoint == .https else { throw .endpointConflict(question.over ?? "") }
            via.endpoint = .vpce
            via.vpce = vpce.lowercased()
        }
        if let from = question.from {
            guard IPAddress(parsing: from) != nil else { throw .badAddress(from) }
            via.sourceIp = from
        }
        if let at = question.at {
            guard let date = PolicyDate(parsing: at) else { throw .badTime(at) }
            context["aws:CurrentTime"] = ContextValue(type: .date, values: [date.iso8601String])
            context["aws:EpochTime"] = ContextValue(type: .numeric, values: [String(date.epochMilliseconds / 1000)])
        }
        var keys: Set<String> = []
        for pair in question.with {
            guard keys.insert(pair.key.lowercased()).inserted else { throw .repeatedKey(pair.key) }
            context[pair.key] = try Self.contextValue(pair)
        }
        return AccessRequestSpec(principal: who, action: action, resource: resource, context: context, via: via)
    }

    /// `service:Action` in the catalog's spelling. Kinesis and KMS actions must be in the
    /// catalog; other services' actions are taken as written when the service is known.
    func explainAction(_ text: String) throws(ExplainRequestError) -> String {
        if text.contains("*") || text.contains("?") { throw .actionPattern(text) }
        let full = text.contains(":") ? text : "kinesis:\(text)"
        let catalog = ServiceCatalog.aws
        if let known = catalog.action(full) { return known.fullName }
        let parts = full.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .unknownAction(text, suggestion: nil) }
        let prefix = String(parts[0])
        if catalog.service(prefix: prefix) == nil {
            guard catalog.isKnownService(prefix) else { throw .unknownService(prefix) }
            return full
        }
        // Did you mean: the nearest action of the service; for a bare name, of any service.
        let typed = String(parts[1]).lowercased()
        let sameService = catalog.allActions.filter { $0.servicePrefix.lowercased() == prefix.lowercased() }
        let near = Self.nearest(typed, in: sameService) ?? (text.contains(":") ? nil : Self.nearest(typed, in: catalog.allActions))
        throw .unknownAction(text, suggestion: near.map { text.contains(":") || $0.servicePrefix != "kinesis" ? $0.fullName : $0.name })
    }

    /// The action named most like `typed` (lower case): the only one starting with it, else
    /// the nearest within a few edits.
    static func nearest(_ typed: String, in actions: [ActionDefinition]) -> ActionDefinition? {
        let prefixed = actions.filter { $0.name.lowercased().hasPrefix(typed) }
        if prefixed.count == 1 { return prefixed[0] }
        let limit = max(2, typed.count / 4)
        return actions.map { ($0, ReplCommandSpec.editDistance(typed, $0.name.lowercased())) }
            .filter { $0.1 <= limit }.min { $0.1 < $1.1 }?.0
    }

    /// The resource's ARN; a stream must be in the world unless the action creates it.
    func explainResource(_ text: String, action: String) throws(ExplainRequestError) -> String {
        guard let arn = world.expandResource(text) else { throw .unknownResource(text) }
        guard action != "kinesis:CreateStream", let parsed = ARN(parsing: arn), parsed.service == "kinesis",
              parsed.resource.hasPrefix("stream/") else { return arn }
        let name = String(parsed.resource.dropFirst(7).prefix { $0 != "/" })
        if Glob.hasWildcard(name) || Glob.hasWildcard(parsed.account) || Glob.hasWildcard(parsed.region) {
            throw .unknownResource(text)
        }
        let inWorld = world.streams.contains { $0.name == name && $0.account == parsed.account && $0.region == parsed.region }
        guard inWorld else {
            let names = Array(Set(world.streams.map(\.name))).sorted()
            throw .streamNotInWorld(name, suggestion: ReplCommandSpec.closest(name, in: names).flatMap { $0 == name ? nil : $0 },
                                    streams: names)
        }
        return arn
    }

    /// `as NAME`: `role/NAME`, `user/NAME` (optionally with an account), or a bare name the
    /// world has one user or role by; nobody given means ``defaultPrincipal``.
    func explainPrincipal(_ text: String?) throws(ExplainRequestError) -> PrincipalRef {
        guard let text else {
            guard let ref = defaultPrincipal else { throw .noPrincipal }
            return ref
        }
        if let ref = PrincipalRef(parsing: text) {
            guard world.principal(ref) != nil else { throw .unknownPrincipal(text, suggestion: principalSuggestion(ref.name)) }
            return ref
        }
        let users = world.users.filter { $0.name == text }
        let roles = world.roles.filter { $0.name == text }
        let home = { (p: PrincipalSpec) in p.account == world.account }
        switch (roles.count, users.count) {
        case (1, 0):
            return PrincipalRef(kind: .role, name: text, account: home(roles[0]) ? nil : roles[0].account)
        case (0, 1):
            return PrincipalRef(kind: .user, name: text, account: home(users[0]) ? nil : users[0].account)
        case (0, 0):
            throw .unknownPrincipal(text, suggestion: principalSuggestion(text))
        default:
            throw .ambiguousPrincipal(text)
        }
    }

    /// The world's user or role named most like `name`, as `role/NAME` or `user/NAME`.
    func principalSuggestion(_ name: String) -> String? {
        let named = world.roles.map { ($0.name, "role/\($0.name)") } + world.users.map { ($0.name, "user/\($0.name)") }
        guard let near = ReplCommandSpec.closest(name, in: named.map(\.0)) else { return nil }
        return named.first { $0.0 == near }?.1
    }

    /// `vpce-` and letters and digits.
    static func isEndpointID(_ text: String) -> Bool {
        let t = text.lowercased()
        return t.hasPrefix("vpce-") && t.count > 5 && t.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// A `with` value, typed as AWS types the key; a value that cannot be of that type is refused.
    static func contextValue(_ pair: ExplainQuestion.ContextPair) throws(ExplainRequestError) -> ContextValue {
        let type = _LabDecoder.contextType(of: pair.key)
        let values = type.isList ? pair.value.split(separator: ",").map(String.init) : [pair.value]
        for v in values {
            switch type {
            case .boolean, .booleanList:
                guard ["true", "false"].contains(v.lowercased()) else {
                    throw .badContextValue(key: pair.key, value: pair.value, expected: "true or false")
                }
            case .ip, .ipList:
                guard IPAddress(parsing: v) != nil else {
                    throw .badContextValue(key: pair.key, value: pair.value, expected: "an IP address such as 203.0.113.10")
                }
            case .date, .dateList:
                guard PolicyDate(parsing: v) != nil else {
                    throw .badContextValue(key: pair.key, value: pair.value, expected: "a time such as 2026-03-01T12:00:00Z")
                }
            case .numeric, .numericList:
                guard DecimalNumber(parsing: v) != nil else {
                    throw .badContextValue(key: pair.key, value: pair.value, expected: "a number")
                }
            default:
                break
            }
        }
        return ContextValue(type: type, values: type == .boolean ? values.map { $0.lowercased() } : values)
    }
}
