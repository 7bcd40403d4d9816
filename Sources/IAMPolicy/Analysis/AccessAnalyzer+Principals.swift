/// Who may call: the world's principals, and one stand-in for every class of the others.
extension Walk {
    /// The characters of IAM user and role names, paths included.
    static let iamNameBytes = ByteSet.range("a", "z").union(.range("A", "Z")).union(.range("0", "9")).union(.of("+=,.@_-/"))
    static let digits = ByteSet.range("0", "9")

    /// `arn:PARTITION:iam::ACCOUNT:` — the head of every IAM principal ARN.
    func iamHead() -> StringLanguage {
        .literal("arn:\(model.partition):iam::") + .exactly(12, Walk.digits) + .literal(":")
    }

    mutating func principals() throws(AnalysisUnknown) -> [Caller] {
        var callers: [Caller] = []
        let knownARNs = model.principals.map(\.namedARN)
        func known(_ arn: String) -> [ModelPrincipal]? {
            let found = analyzer.models.compactMap { m in m.principals.first { $0.namedARN == arn } }
            return found.count == analyzer.models.count ? found : nil
        }
        switch scope.principals {
        case .only(let arns):
            for arn in arns {
                guard let k = known(arn) else { throw AnalysisUnknown("\(arn) is not a principal of the world") }
                callers.append(Caller(principal: k[0].principal, known: k, namedARN: arn))
                // A role's session name is its caller's choice: a session a Principal element
                // names outright is this role too.
                for value in facts.awsPrincipals where value.contains(":assumed-role/") {
                    guard let p = Principal(arn: value), p.roleArn == arn, p.arn != k[0].principal.arn else { continue }
                    callers.append(Caller(principal: p, known: k, namedARN: arn))
                }
            }
            return callers
        case .everyone:
            break
        }
        for arn in knownARNs {
            if let k = known(arn) { callers.append(Caller(principal: k[0].principal, known: k, namedARN: arn)) }
        }
        // Every other principal of every account, one per class that the policies (and the
        // world's own principals) can tell apart.
        var patterns: [StringLanguage] = knownARNs.map { .literal($0) }
        let knownCount = patterns.count
        for a in model.accounts { patterns.append(accountMarker(a.utf8.map { .byte($0) })) }
        for value in facts.awsPrincipals {
            if value.count == 12, value.utf8.allSatisfy({ Walk.digits.contains($0) }) {
                patterns.append(accountMarker(value.utf8.map { .byte($0) }))
            } else {
                patterns.append(.literal(value))
            }
        }
        for kc in facts.conditions(on: "aws:principalarn") {
            for v in kc.condition.values {
                if let l = try KeyDomain.language(of: v.text, kc, base: RequestContext(), tied: []) { patterns.append(l) }
            }
        }
        for key in ["aws:principalaccount", "kms:calleraccount"] {
            for kc in facts.conditions(on: key) where kc.condition.op.base.family == .string {
                let like = kc.condition.op.base == .stringLike || kc.condition.op.base == .stringNotLike
                for v in kc.condition.values {
                    if kc.variables && v.text.contains("${") {
                        throw AnalysisUnknown("the value \"\(v.text)\" of \(kc.condition.key) holds a policy variable, which the analysis does not tie to the caller")
                    }
                    patterns.append(accountMarker(like ? Glob.compile(v.text) : v.text.utf8.map { .byte($0) }))
                }
            }
        }
        try appendUserNamePatterns(to: &patterns)
        if patterns.contains(where: \.hasNonASCII) { throw AnalysisUnknown("a principal pattern holds characters outside ASCII") }
        for (kind, tail) in [("user", "user/"), ("role", "role/"), ("root", "root")] {
            let domain = iamHead() + .literal(tail) + (kind == "root" ? StringLanguage([]) : .some(Walk.iamNameBytes))
            let walk = self
            let (classes, names) = try standIns(domain: domain, patterns: patterns, what: "principals", purpose: "principals/" + kind) { classes in
                classes.cells.map { walk.prettyPrincipal($0, in: classes, kind: kind) }
            }
            for (cell, arn) in zip(classes.cells, names) where !cell.accepted.prefix(knownCount).contains(true) {
                guard let named = Principal(arn: arn) else { continue }
                var p = named
                if kind == "role" {
                    // A role calls through a session; aws:PrincipalArn stays the role's ARN.
                    let name = arn.split(separator: "/", maxSplits: 1).last.map(String.init) ?? "role"
                    p = Principal(kind: .assumedRole, arn: "arn:\(model.partition):sts::\(named.account):assumed-role/\(name)/session",
                                  account: named.account, roleArn: arn)
                }
                callers.append(Caller(principal: p, known: nil, namedARN: arn))
            }
        }
        // Sessions named outright in a Principal element.
        for value in facts.awsPrincipals where value.contains(":assumed-role/") {
            guard let p = Principal(arn: value), !knownARNs.contains(value) else { continue }
            callers.append(Caller(principal: p, known: p.roleArn.flatMap(known), namedARN: p.roleArn ?? value))
        }
        // AWS services: each one named, and one that no policy names.
        let others = ["lambda.amazonaws.com", "ec2.amazonaws.com", "firehose.amazonaws.com", "events.amazonaws.com"]
        let unnamed = others.first { !facts.servicePrincipals.contains($0) } ?? "kdslab-unnamed.amazonaws.com"
        for s in facts.servicePrincipals + [unnamed] {
            callers.append(Caller(principal: .service(s), known: nil, namedARN: s))
        }
        callers.append(Caller(principal: Principal(kind: .anonymous, arn: "*", account: ""), known: nil, namedARN: "*"))
        return callers
    }

    /// A user's `aws:username` is the last part of its ARN, and any account can make a user of
    /// any name: each `aws:username` value a condition names splits the users of every
    /// account into those whose name it matches (with or without a path) and the rest.
    func appendUserNamePatterns(to patterns: inout [StringLanguage]) throws(AnalysisUnknown) {
        let slash = UInt8(ascii: "/")
        for kc in facts.conditions(on: "aws:username") where kc.condition.op.base.family == .string {
            let op = kc.condition.op.base
            let caseInsensitive = op == .stringEqualsIgnoreCase || op == .stringNotEqualsIgnoreCase
            let like = op == .stringLike || op == .stringNotLike
            for v in kc.condition.values {
                if kc.variables && v.text.contains("${") {
                    throw AnalysisUnknown("the value \"\(v.text)\" of \(kc.condition.key) holds a policy variable, which the analysis does not tie to the caller")
                }
                // A name never holds a slash, so a value with one matches no user: no class.
                if v.text.utf8.contains(slash) { continue }
                let tokens: [Glob.Token] = like ? Glob.compile(v.text) : v.text.utf8.map { .byte($0) }
                let name = StringLanguage(globTokens: tokens, caseInsensitive: caseInsensitive, excluded: ByteSet([slash]))
                patterns.append(iamHead() + .literal("user/") + name)
                patterns.append(iamHead() + .literal("user/") + .anything + .literal("/") + name)
            }
        }
    }

    /// Every IAM principal ARN whose account matches `account` (wildcards stay in the field).
    func accountMarker(_ account: [Glob.Token]) -> StringLanguage {
        let noColon = ByteSet([UInt8(ascii: ":")])
        return .literal("arn:\(model.partition):iam::") + StringLanguage(globTokens: account, excluded: noColon)
            + .literal(":") + .anything
    }

    /// A readable stand-in for a class of principals: a made-up account and name where the
    /// class allows them, else the partition's witness.
    func prettyPrincipal(_ cell: LanguagePartition.Cell, in classes: LanguagePartition, kind: String) -> String {
        let accounts = ["999988887777", "444455556666", "777788889999", "123456789012"] + model.accounts
        let names = kind == "user" ? ["someone-else", "intern"] : ["any-other-role", "partner-role"]
        var candidates: [String] = []
        let witness = ARN(parsing: cell.witness)
        for a in accounts + [witness?.account].compactMap({ $0 }) {
            if kind == "root" { candidates.append("arn:\(model.partition):iam::\(a):root") } else {
                for n in names { candidates.append("arn:\(model.partition):iam::\(a):\(kind)/\(n)") }
                // The witness's own name in a readable account (`role/partner-reader` elsewhere).
                if let resource = witness?.resource { candidates.append("arn:\(model.partition):iam::\(a):\(resource)") }
            }
        }
        return classes.firstMember(of: cell, among: candidates) ?? cell.witness
    }

    /// A partition of `domain` by `patterns`: from the shared cache, or computed and kept there.
    mutating func partitionEntry(domain: StringLanguage, patterns: [StringLanguage], what: String) throws(AnalysisUnknown) -> AnalysisCache.PartitionEntry {
        let key = PartitionKey(domain: domain, patterns: patterns)
        if let shared = analyzer.cache.partition(key) { return shared }
        do {
            let entry = AnalysisCache.PartitionEntry(partition: try LanguagePartition(domain: domain, patterns: patterns))
            analyzer.cache.store(entry, for: key)
            return entry
        } catch {
            throw AnalysisUnknown("the \(what) the policies name split into too many classes (over \(error.states) automaton states)")
        }
    }

    mutating func partition(domain: StringLanguage, patterns: [StringLanguage], what: String) throws(AnalysisUnknown) -> LanguagePartition {
        try partitionEntry(domain: domain, patterns: patterns, what: what).partition
    }

    /// One readable stand-in per cell of a partition for `purpose`, made by `make` the first
    /// time and kept with the partition.
    mutating func standIns(domain: StringLanguage, patterns: [StringLanguage], what: String, purpose: String,
                           _ make: (LanguagePartition) -> [String]) throws(AnalysisUnknown) -> (LanguagePartition, [String]) {
        let entry = try partitionEntry(domain: domain, patterns: patterns, what: what)
        if let kept = entry.standIns[purpose] { return (entry.partition, kept) }
        let made = make(entry.partition)
        let key = PartitionKey(domain: domain, patterns: patterns)
        analyzer.cache.storeStandIns(made, purpose: purpose, for: key)
        return (entry.partition, made)
    }
}
