/// In what context: the request-context keys the applicable statements read, each cut into
/// its classes, with the keys AWS sets together kept together (see `docs/access-model.md`).
extension Walk {
    /// One way to set a group of keys: each key to a value, or absent (`nil`).
    typealias Option = [(key: String, value: ContextValue?)]

    static let networkKeys: Set<String> = ["aws:sourceip", "aws:sourcevpce", "aws:sourcevpc", "aws:vpcsourceip"]
    static let timeKeys: Set<String> = ["aws:currenttime", "aws:epochtime"]
    static let credentialKeys: Set<String> = ["aws:multifactorauthpresent", "aws:multifactorauthage", "aws:tokenissuetime"]
    static let viaKeys: Set<String> = ["aws:viaawsservice", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "kms:viaservice"]
    static let sourceKeys: Set<String> = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourceowner"]

    /// Decides every context class of one (caller, action, resource); `false` when `body` stopped.
    mutating func contexts(caller: Caller, action: ActionClass, resource: Target,
                           _ body: (AccessAnalyzer.Sample) -> Bool) throws(AnalysisUnknown) -> Bool {
        let p = caller.principal
        let (principalContext, tied) = cachedPrincipalContext(caller)
        let arn = ARN(parsing: resource.arn)
        let sets = (0..<analyzer.models.count).map { policySet(model: $0, caller: caller, action: action.action, target: resource) }
        let resourceAccount = arn?.namedAccount ?? p.account
        // Resource patterns read only the caller's keys and the region called.
        var variables = principalContext
        if let region = arn?.region, !region.isEmpty { variables["aws:RequestedRegion"] = .string(region) }
        var probe = AuthorizationRequest(principal: p, action: action.action, resource: resource.arn,
                                         resourceAccount: resourceAccount, context: variables)
        if !mayBeAllowed(probe, sets[0]) { return true }
        var base = principalContext
        var tiedKeys = tied
        let service = action.action.split(separator: ":").first.map { $0.lowercased() } ?? ""
        let human = p.kind != .service && p.kind != .anonymous
        // The keys that follow from the request itself.
        if let region = arn?.region, !region.isEmpty {
            base["aws:RequestedRegion"] = .string(region)
            tiedKeys.insert("aws:requestedregion")
        }
        if let account = arn?.namedAccount { base["aws:ResourceAccount"] = .string(account) }
        tiedKeys.insert("aws:resourceaccount")
        if let known = resource.known[0] {
            for (k, v) in known.tags { base["aws:ResourceTag/\(k)"] = .string(v) }
        }
        if service == "kms", !p.account.isEmpty { base["kms:CallerAccount"] = .string(p.account) }
        tiedKeys.insert("kms:calleraccount")
        base["aws:SecureTransport"] = .boolean(true)
        base["aws:ViaAWSService"] = .boolean(false)
        if human { base["aws:SourceIp"] = ContextValue(type: .ip, values: ["203.0.113.10"]) }
        if let (current, epoch) = earliestTimeValues {
            base["aws:CurrentTime"] = current
            base["aws:EpochTime"] = epoch
        }
        if caller.known?.first?.temporaryCredentials == true || (caller.known == nil && p.kind == .assumedRole) {
            base["aws:MultiFactorAuthPresent"] = .boolean(false)
        }

        probe.context = base
        let relevant = relevantKeys(probe, sets)

        // Groups of keys, each with its options.
        var groups: [[Option]] = []
        let fixed = Dictionary(scope.fixedContext.map { ($0.key.lowercased(), $0.value) }) { a, _ in a }
        func values(_ key: String, type: ConditionKeyType?) throws(AnalysisUnknown) -> [ContextValue] {
            if let f = fixed[key] { return f.map { [$0] } ?? [] }
            return try KeyDomain.values(key: key, type: type ?? _ConditionKeyTypes.type(of: key, catalog: analyzer.catalog),
                                        conditions: facts.conditions(on: key), base: base, tied: tiedKeys, earliest: nil)
        }
        func free(_ key: String, canBeAbsent: Bool) throws(AnalysisUnknown) -> [Option] {
            var out: [Option] = try values(key, type: nil).map { [(key, $0)] }
            if canBeAbsent && (fixed[key] == nil || fixed[key]! == nil) { out.append([(key, nil)]) }
            return out
        }

        var handled: Set<String> = []
        if !relevant.isDisjoint(with: Walk.networkKeys) {
            handled.formUnion(Walk.networkKeys)
            groups.append(try networkOptions(relevant: relevant, fixed: Set(fixed.keys), human: human, values: values))
        }
        if !relevant.isDisjoint(with: Walk.timeKeys) {
            handled.formUnion(Walk.timeKeys)
            groups.append(timeOptions())
        }
        if !relevant.isDisjoint(with: Walk.credentialKeys) {
            handled.formUnion(Walk.credentialKeys)
            groups.append(try credentialOptions(caller, relevant: relevant, values: values))
        }
        if !relevant.isDisjoint(with: Walk.viaKeys) {
            handled.formUnion(Walk.viaKeys)
            groups.append(try viaOptions(relevant: relevant, kms: service == "kms", human: human, values: values))
        }
        for key in relevant.subtracting(handled).sorted() {
            if fixed.keys.contains(key) { continue }
            if key == "aws:securetransport" {
                groups.append(model.insecureTransport ? [[(key, .boolean(true))], [(key, .boolean(false))]] : [[(key, .boolean(true))]])
            } else if key == "aws:userid", let sessions = try sessionUserIds(caller, base: base, tied: tiedKeys) {
                groups.append(sessions)
            } else if key.hasPrefix("aws:principaltag/") {
                // Principal tags change: an administrator tags a role or user, and whoever
                // assumes a role may pass session tags. So every caller's tags range over
                // every value, present or absent, the world's tags only the first tried. A
                // service or an anonymous caller has none.
                if human && !tiedKeys.contains(key) { groups.append(try free(key, canBeAbsent: true)) }
            } else if tiedKeys.contains(key) || base[key] != nil {
                continue
            } else if key == "aws:userid" {
                groups.append(try free(key, canBeAbsent: !human))
            } else if key == "aws:principalorgid" || key == "aws:principalorgpaths" {
                // The world's accounts belong to no organization; any other may.
                if caller.known == nil && human { groups.append(try free(key, canBeAbsent: true)) }
            } else if key == "aws:requestedregion" {
                groups.append(try free(key, canBeAbsent: false))
            } else if key.hasPrefix("aws:resourcetag/") {
                // Tags change: whoever may tag a resource (the owner, an administrator,
                // TagResource) can give today's stream tomorrow's tag, so a known resource's
                // tags range over every value too, as Access Analyzer treats them. Today's
                // tags are only the first value tried.
                if resource.arn != "*" { groups.append(try free(key, canBeAbsent: true)) }
            } else if Walk.sourceKeys.contains(key) {
                if p.kind == .service { groups.append(try free(key, canBeAbsent: true)) }
            } else if isPossible(key, for: action) {
                groups.append(try free(key, canBeAbsent: true))
            }
            // Any other key is never in this request: its conditions see it absent.
        }
        // Fixed keys no group sets are set here; the groups honour the others.
        for (key, value) in fixed where !handled.contains(key) { base[key] = value }

        // Every combination of the groups' options.
        var count = 1
        for g in groups {
            if g.isEmpty { return true }
            count *= g.count
            if count > Walk.evaluationBudget { throw AnalysisUnknown("the context keys the policies read combine into more than \(Walk.evaluationBudget) classes") }
        }
        evaluations += count * max(1, analyzer.models.count)
        if evaluations > Walk.evaluationBudget {
            throw AnalysisUnknown("the analysis would need more than \(Walk.evaluationBudget) decisions")
        }
        let authorizer = Authorizer()
        var digits = Array(repeating: 0, count: groups.count)
        while true {
            var context = base
            for (g, d) in zip(groups, digits) {
                for (key, value) in g[d] { context[key] = value }
            }
            if consistent(context, fixed) {
                probe.context = context
                let decisions = sets.map { authorizer.decision(for: probe, against: $0) }
                let sample = AccessAnalyzer.Sample(request: probe, actions: action.members, policySets: sets,
                                                   decisions: decisions, knownPrincipal: caller.known != nil)
                if !body(sample) { return false }
            }
            var i = 0
            while i < digits.count {
                digits[i] += 1
                if digits[i] < groups[i].count { break }
                digits[i] = 0
                i += 1
            }
            if i == digits.count { return true }
        }
    }

    /// The classes of `aws:userid` for a session of a known role: `ROLEID:` and then the
    /// session name, which whoever assumes the role chooses, so every name the conditions on
    /// `aws:userid` tell apart is tried. `nil` for any other caller (a user's id is fixed).
    mutating func sessionUserIds(_ caller: Caller, base: RequestContext, tied: Set<String>) throws(AnalysisUnknown) -> [Option]? {
        guard caller.known != nil, caller.principal.kind == .assumedRole,
              let current = base["aws:userid"]?.values.first, let colon = current.firstIndex(of: ":") else { return nil }
        if facts.resourcePatterns.contains(where: { $0.text.lowercased().contains("${aws:userid}") }) {
            throw AnalysisUnknown("a resource names ${aws:userid}, whose session name a role's caller chooses; the analysis does not decide it")
        }
        let sessionBytes = ByteSet.range("a", "z").union(.range("A", "Z")).union(.range("0", "9")).union(.of("+=,.@-_"))
        let domain = StringLanguage.literal(String(current[...colon])) + StringLanguage.some(sessionBytes)
        var patterns: [StringLanguage] = []
        for kc in facts.conditions(on: "aws:userid") where kc.condition.op.base.family == .string {
            for v in kc.condition.values {
                if let l = try KeyDomain.language(of: v.text, kc, base: base, tied: tied) { patterns.append(l) }
            }
        }
        if patterns.contains(where: \.hasNonASCII) { throw AnalysisUnknown("a condition on aws:userid holds characters outside ASCII") }
        let classes = try partition(domain: domain, patterns: patterns, what: "session names")
        return classes.cells.map { cell -> Option in [("aws:userid", ContextValue.string(cell.witness))] }
    }

    /// Whether every fixed key holds its fixed value (or is absent when fixed absent).
    private func consistent(_ context: RequestContext, _ fixed: [String: ContextValue?]) -> Bool {
        for (key, value) in fixed where context[key] != value { return false }
        return true
    }

    /// Whether a service's own condition key can be in a request for `action`: a key the
    /// catalog lists for the action (or for its resource types), or any key of an action's
    /// own service the catalog does not detail. Global keys AWS sets on some requests only
    /// follow the same rule; the rest of the global keys may be in any request.
    func isPossible(_ key: String, for action: ActionClass) -> Bool {
        let prefix = key.split(separator: ":").first.map(String.init) ?? key
        let actionService = action.action.split(separator: ":").first.map { $0.lowercased() } ?? ""
        if prefix == "aws" {
            if key == "aws:tagkeys" || key.hasPrefix("aws:requesttag/") {
                guard let keys = action.serviceKeys else { return true }
                return keys.contains { (pattern: String) -> Bool in Glob.matches(Walk.placeholdersAsWildcards(pattern), key) }
            }
            return _ConditionKeyTypes.global[key] != nil
        }
        guard prefix == actionService else { return false }
        guard let keys = action.serviceKeys else { return true }
        return keys.contains { (pattern: String) -> Bool in Glob.matches(Walk.placeholdersAsWildcards(pattern), key) }
    }

    /// `kms:encryptioncontext:${encryptioncontextkey}` as the glob `kms:encryptioncontext:*`.
    static func placeholdersAsWildcards(_ pattern: String) -> String {
        var glob = ""
        var inside = false
        for ch in pattern {
            if ch == "$" && !inside { continue }
            if ch == "{" { inside = true; glob += "*"; continue }
            if ch == "}" { inside = false; continue }
            if !inside { glob.append(ch) }
        }
        return glob
    }
}
