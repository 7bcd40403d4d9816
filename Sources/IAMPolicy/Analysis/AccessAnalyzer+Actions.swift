/// What may be asked: the catalog's actions (grouped where no policy can tell them apart),
/// the STS actions on a role, and one stand-in for every class of other services' actions.
extension Walk {
    /// One class of actions that every policy treats alike.
    struct ActionClass {
        /// The action the walk asks about.
        var action: String
        /// Every action it stands for (reports list them all).
        var members: [String]
        /// The shapes of the resources the action takes; empty for `*` only.
        var resourceDomains: [StringLanguage]
        /// Condition keys of its own service that the action may carry (lower-cased;
        /// `${...}` placeholders kept); `nil` for another service's action, whose keys of
        /// its own service are all possible.
        var serviceKeys: [String]?
        /// Whether it is an action of a service the catalog does not detail.
        var otherService: Bool
    }

    /// STS's actions on a role, which a trust policy governs.
    static let stsRoleActions = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
                                 "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext"]

    /// The classes of actions, from the shared cache when another analysis of the same action
    /// patterns (and scope, and partition) made them.
    mutating func actionClasses() throws(AnalysisUnknown) -> [ActionClass] {
        let key = AnalysisCache.ActionClassKey(patterns: facts.actionPatterns + ["|" + model.partition], wanted: scope.actions)
        if let kept = analyzer.cache.actionClasses(key) { return kept }
        let made = try makeActionClasses()
        analyzer.cache.store(made, for: key)
        return made
    }

    private mutating func makeActionClasses() throws(AnalysisUnknown) -> [ActionClass] {
        let patterns = facts.actionPatterns.map { Glob.compile($0, caseInsensitive: true) }
        func signature(_ name: String) -> [Bool] {
            var lowered = name.lowercased()
            return lowered.withUTF8 { b in patterns.map { Glob.matches($0, b, caseInsensitive: true) } }
        }
        struct ClassKey: Hashable {
            var signature: [Bool]
            var types: [String]
            var service: Substring
        }
        var classes: [ActionClass] = []
        var index: [ClassKey: Int] = [:]
        func add(_ name: String, domains: [StringLanguage], keys: [String]?, typeNames: [String]) {
            // Actions that differ only in the service keys they may carry share a class that
            // may carry any of them: a key's presence is then over-approximated, never missed.
            let key = ClassKey(signature: signature(name), types: typeNames, service: name.split(separator: ":")[0])
            if let i = index[key] {
                classes[i].members.append(name)
                if let keys, let current = classes[i].serviceKeys {
                    classes[i].serviceKeys = current + keys.filter { !current.contains($0) }
                }
                return
            }
            index[key] = classes.count
            classes.append(ActionClass(action: name, members: [name], resourceDomains: domains, serviceKeys: keys, otherService: false))
        }
        let wanted = scope.actions.map { Set($0.map { $0.lowercased() }) }
        for a in analyzer.catalog.allActions where wanted?.contains(a.fullName.lowercased()) ?? true {
            let types = a.resourceTypes.compactMap { analyzer.catalog.resourceType(named: $0.name, service: a.servicePrefix) }
            add(a.fullName, domains: types.map { domain(forARNPattern: $0.arnPattern) },
                keys: a.allConditionKeys.map { $0.lowercased() }, typeNames: types.map(\.name))
        }
        for name in Walk.stsRoleActions where wanted?.contains(name.lowercased()) ?? true {
            add(name, domains: [iamHead() + .literal("role/") + StringLanguage.some(Walk.iamNameBytes)], keys: nil, typeNames: ["role"])
        }
        if let wanted {
            // Named actions the catalog does not know: asked about as they are.
            let known = Set(analyzer.catalog.allActions.map { $0.fullName.lowercased() } + Walk.stsRoleActions.map { $0.lowercased() })
            for name in scope.actions ?? [] where !known.contains(name.lowercased()) && wanted.contains(name.lowercased()) {
                classes.append(ActionClass(action: name, members: [name], resourceDomains: [KeyDomain.arnShape], serviceKeys: nil, otherService: true))
            }
            return classes
        }
        // Every other service's actions, one per class the policies tell apart.
        let prefixes = Set(analyzer.catalog.services.map { $0.prefix.lowercased() } + ["sts"])
        let markers = prefixes.sorted().map { StringLanguage.glob($0 + ":*", caseInsensitive: true) }
        let languages = facts.actionPatterns.map { StringLanguage.glob($0, caseInsensitive: true) }
        if languages.contains(where: \.hasNonASCII) { throw AnalysisUnknown("an action pattern holds characters outside ASCII") }
        let serviceBytes = ByteSet.range("a", "z").union(.range("0", "9")).union(.of("-"))
        let nameBytes = ByteSet.range("a", "z").union(.range("A", "Z")).union(.range("0", "9"))
        let actionShape = StringLanguage.some(serviceBytes) + .literal(":") + StringLanguage.some(nameBytes)
        let all = languages + markers
        let others = try partition(domain: actionShape, patterns: all, what: "actions of other services")
        for cell in others.cells where !cell.accepted.suffix(markers.count).contains(true) {
            let nice = ["s3:GetObject", "iam:PassRole", "ec2:RunInstances", "dynamodb:GetItem", "lambda:InvokeFunction"]
            let name = others.firstMember(of: cell, among: nice) ?? cell.witness
            classes.append(ActionClass(action: name, members: [name], resourceDomains: [KeyDomain.arnShape], serviceKeys: nil, otherService: true))
        }
        return classes
    }

    /// The shape of a catalog resource type's ARNs: its placeholders become the characters
    /// AWS allows there (`${Account}` twelve digits, `${StreamName}` letters, digits, `_.-`).
    func domain(forARNPattern pattern: String) -> StringLanguage {
        var out = StringLanguage([])
        let nameBytes = ByteSet.range("a", "z").union(.range("A", "Z")).union(.range("0", "9")).union(.of("_.-"))
        let keyBytes = ByteSet.range("a", "z").union(.range("A", "Z")).union(.range("0", "9")).union(.of("-"))
        var literal = ""
        var placeholder: String?
        var chars = Array(pattern)
        var i = 0
        while i < chars.count {
            if placeholder == nil, chars[i] == "$", i + 1 < chars.count, chars[i + 1] == "{" {
                out = out + .literal(literal)
                literal = ""
                placeholder = ""
                i += 2
                continue
            }
            if var name = placeholder {
                if chars[i] == "}" {
                    switch name {
                    case "Partition": out = out + .literal(model.partition)
                    case "Region": out = out + StringLanguage.some(ByteSet.range("a", "z").union(.range("0", "9")).union(.of("-")))
                    case "Account": out = out + .exactly(12, Walk.digits)
                    case "StreamType": out = out + .literal("stream")
                    case "KeyId": out = out + StringLanguage.some(keyBytes)
                    case "AliasName", "Alias": out = out + StringLanguage.some(nameBytes.union(.of("/")))
                    case "ConsumerCreationTimpstamp", "ConsumerCreationTimestamp": out = out + StringLanguage.some(Walk.digits)
                    default: out = out + StringLanguage.some(nameBytes)
                    }
                    placeholder = nil
                } else {
                    name.append(chars[i])
                    placeholder = name
                }
            } else {
                literal.append(chars[i])
            }
            i += 1
        }
        chars.removeAll()
        return out + .literal(literal)
    }
}
