/// On what: for each action, one resource per class of its resource type's ARNs that the
/// policies (and the world's own resources, accounts and regions) tell apart.
extension Walk {
    /// A resource the walk asks about.
    struct Target {
        var arn: String
        /// The known resource in each model, where the world has it.
        var known: [ModelResource?]
    }

    /// The context keys that follow from the caller alone, and which of them the walk may
    /// treat as fixed when filling in a policy variable.
    func principalContext(_ caller: Caller) -> (context: RequestContext, tied: Set<String>) {
        var c = RequestContext()
        var tied: Set<String> = ["aws:principalarn", "aws:principalaccount", "aws:username", "aws:principaltype",
                                 "aws:principalisawsservice", "aws:principalservicename"]
        let p = caller.principal
        if let k = caller.known?.first {
            for (key, value) in k.context { c[key] = value }
            tied.insert("aws:userid")
            // Principal tags are not tied: they change (see `contexts`), so a policy variable
            // naming one cannot be filled in from today's tags, and the analysis says unknown.
        } else if let name = p.userName {
            c["aws:username"] = .string(name)
        }
        let human = p.kind != .service && p.kind != .anonymous
        if c["aws:PrincipalArn"] == nil, human { c["aws:PrincipalArn"] = .string(caller.namedARN) }
        if c["aws:PrincipalAccount"] == nil, !p.account.isEmpty { c["aws:PrincipalAccount"] = .string(p.account) }
        if c["aws:PrincipalType"] == nil {
            switch p.kind {
            case .user: c["aws:PrincipalType"] = .string("User")
            case .assumedRole, .role: c["aws:PrincipalType"] = .string("AssumedRole")
            case .root: c["aws:PrincipalType"] = .string("Account")
            case .service: c["aws:PrincipalType"] = .string("AWSService")
            case .anonymous: c["aws:PrincipalType"] = .string("Anonymous")
            }
        }
        c["aws:PrincipalIsAWSService"] = .boolean(p.kind == .service)
        if p.kind == .service { c["aws:PrincipalServiceName"] = .string(p.arn) }
        return (c, tied)
    }

    mutating func resourcesFor(action: ActionClass, caller: Caller) throws(AnalysisUnknown) -> [Target] {
        func target(_ arn: String) -> Target { Target(arn: arn, known: analyzer.models.map { $0.resource(arn) }) }
        if let wanted = scope.resources { return wanted.map(target) }
        if action.resourceDomains.isEmpty { return [target("*")] }
        var out: [Target] = []
        if action.otherService { out.append(target("*")) }
        if action.resourceDomains.allSatisfy({ resourceTargets[TargetKey(caller: caller.namedARN, domain: $0)] != nil }) {
            for d in action.resourceDomains { out += resourceTargets[TargetKey(caller: caller.namedARN, domain: d)]! }
            return out
        }
        let binding = cachedPrincipalContext(caller)
        var patterns: [StringLanguage] = []
        let knownARNs = model.resources.map(\.arn)
        patterns += knownARNs.map { StringLanguage.literal($0) }
        for (text, variables) in facts.resourcePatterns {
            if variables, let template = PolicyVariableTemplate(text) {
                if template.variableKeys.contains(where: { $0.lowercased() == "aws:requestedregion" }) {
                    patterns.append(try regionFieldPattern(text, binding: binding))
                    continue
                }
                for v in template.variableKeys where !binding.tied.contains(v.lowercased()) {
                    throw AnalysisUnknown("the resource \"\(text)\" names the variable ${\(v)}, which the analysis does not tie to the request")
                }
                guard let tokens = template.resolve(in: binding.context, wildcards: true) else { continue }
                patterns.append(StringLanguage(globTokens: tokens))
            } else if text.utf8.allSatisfy({ $0 == UInt8(ascii: "*") }) {
                continue
            } else {
                patterns.append(.glob(text))
            }
        }
        for a in model.accounts { patterns.append(.arnLike("arn:*:*:*:\(a):*")) }
        for r in model.regions { patterns.append(.arnLike("arn:*:*:\(r):*:*")) }
        for kc in facts.conditions(on: "aws:requestedregion") where kc.condition.op.base.family == .string {
            for v in kc.condition.values {
                guard let l = try KeyDomain.language(of: v.text, kc, base: binding.context, tied: binding.tied) else { continue }
                patterns.append(fieldMarker(l, at: 3))
            }
        }
        for kc in facts.conditions(on: "aws:resourceaccount") where kc.condition.op.base.family == .string {
            for v in kc.condition.values {
                guard let l = try KeyDomain.language(of: v.text, kc, base: binding.context, tied: binding.tied) else { continue }
                patterns.append(fieldMarker(l, at: 4))
            }
        }
        if patterns.contains(where: \.hasNonASCII) { throw AnalysisUnknown("a resource pattern holds characters outside ASCII") }
        for domain in action.resourceDomains {
            let key = TargetKey(caller: caller.namedARN, domain: domain)
            if let cached = resourceTargets[key] {
                out += cached
                continue
            }
            let walk = self
            let (_, arns) = try standIns(domain: domain, patterns: patterns, what: "resources", purpose: "resources") { classes in
                classes.cells.map { walk.prettyResource($0, in: classes) }
            }
            let targets = arns.map(target)
            resourceTargets[key] = targets
            out += targets
        }
        return out
    }

    /// The language of a resource pattern whose region field is `${aws:RequestedRegion}`,
    /// as in `arn:aws:kinesis:${aws:RequestedRegion}:111122223333:stream/orders`.
    ///
    /// A request's `aws:RequestedRegion` is the region of the resource it names, so such a
    /// pattern matches an ARN exactly when the ARN, with its own region in that field, matches
    /// the rest: the field is any region and the rest is matched as written. That holds when the
    /// variable is the whole fourth field and the three fields before it are plain text
    /// (`arn:aws:kinesis:`); anywhere else (`stream/${aws:RequestedRegion}-orders`, or after a
    /// wildcard that could cross a colon) the pattern ties two parts of one ARN together, which
    /// the partitions cannot say, and the analysis answers "unknown" rather than guess.
    func regionFieldPattern(_ text: String, binding: (context: RequestContext, tied: Set<String>)) throws(AnalysisUnknown) -> StringLanguage {
        let unsupported = AnalysisUnknown("the resource \"\(text)\" uses ${aws:RequestedRegion} outside an ARN's region field, which the analysis does not decide")
        guard let dollar = text.firstIndex(of: "$"), text[dollar...].dropFirst().first == "{",
              let close = text[dollar...].firstIndex(of: "}") else { throw unsupported }
        let key = text[text.index(dollar, offsetBy: 2)..<close]
        let prefix = String(text[..<dollar])
        let suffix = String(text[text.index(after: close)...])
        guard key.lowercased() == "aws:requestedregion", prefix.hasPrefix("arn:"),
              prefix.filter({ $0 == ":" }).count == 3, prefix.hasSuffix(":"),
              !prefix.contains(where: { $0 == "*" || $0 == "?" || $0 == "$" }), suffix.hasPrefix(":")
        else { throw unsupported }
        var tokens = Glob.compile(suffix)
        if let rest = PolicyVariableTemplate(suffix) {
            for v in rest.variableKeys where !binding.tied.contains(v.lowercased()) {
                throw AnalysisUnknown("the resource \"\(text)\" names the variable ${\(v)}, which the analysis does not tie to the request")
            }
            // A variable that cannot be filled in matches nothing.
            guard let filled = rest.resolve(in: binding.context, wildcards: true) else { return StringLanguage([.one(ByteSet())]) }
            tokens = filled
        }
        let region = StringLanguage([.run(ByteSet.all(except: ByteSet([UInt8(ascii: ":")])))])
        return .literal(prefix) + region + StringLanguage(globTokens: tokens)
    }

    /// Every ARN whose field `index` (3 the region, 4 the account) is in `value`'s language.
    private func fieldMarker(_ value: StringLanguage, at index: Int) -> StringLanguage {
        let field = StringLanguage([.run(ByteSet.all(except: ByteSet([UInt8(ascii: ":")])))])
        let colon = StringLanguage.literal(":")
        // The value's language may hold a run of any byte (StringLike "us-*"); inside one
        // field of an ARN it must not cross a colon.
        let confined = StringLanguage(value.steps.map { step -> StringLanguage.Step in
            switch step {
            case .one(let s): return .one(s.subtracting(ByteSet([UInt8(ascii: ":")])))
            case .run(let s): return .run(s.subtracting(ByteSet([UInt8(ascii: ":")])))
            }
        })
        var out = StringLanguage.literal("arn")
        for i in 1...4 { out = out + colon + (i == index ? confined : field) }
        return out + colon + .anything
    }

    /// A readable stand-in for a class of resources: a world resource moved to another
    /// region, account or name where the class holds one, else the partition's witness.
    private func prettyResource(_ cell: LanguagePartition.Cell, in classes: LanguagePartition) -> String {
        if cell.accepted.count > 0, let i = cell.accepted.prefix(model.resources.count).firstIndex(of: true) {
            return model.resources[i].arn
        }
        var candidates: [String] = []
        let regions = ["us-west-2", "eu-west-1", "us-east-1", "ap-southeast-2"]
        let accounts = ["999988887777", "444455556666", "777788889999"] + model.accounts
        for r in model.resources {
            guard let arn = ARN(parsing: r.arn) else { continue }
            let name = arn.resource
            for region in regions {
                candidates.append(ARN(partition: arn.partition, service: arn.service, region: region, account: arn.account, resource: name).description)
            }
            for account in accounts {
                candidates.append(ARN(partition: arn.partition, service: arn.service, region: arn.region, account: account, resource: name).description)
            }
            if let slash = name.firstIndex(of: "/") {
                let kind = name[..<slash]
                for other in ["unlisted", "other-\(kind)", String(name[name.index(after: slash)...]) + "-dev"] {
                    candidates.append(ARN(partition: arn.partition, service: arn.service, region: arn.region, account: arn.account, resource: "\(kind)/\(other)").description)
                }
            }
        }
        return classes.firstMember(of: cell, among: candidates) ?? cell.witness
    }
}
