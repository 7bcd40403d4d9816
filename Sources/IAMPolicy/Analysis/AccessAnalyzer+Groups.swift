/// The groups of context keys AWS sets together, and the ways each group can be set.
extension Walk {
    typealias Values = (String, ConditionKeyType?) throws(AnalysisUnknown) -> [ContextValue]

    /// Over the internet a request carries `aws:SourceIp` and no VPC keys; through an
    /// interface VPC endpoint it carries `aws:SourceVpce`, `aws:SourceVpc` and
    /// `aws:VpcSourceIp`, and no `aws:SourceIp`. A service principal's request carries none.
    /// A key the scope fixes keeps its fixed value (absent leaves no option with it) even
    /// where no policy reads it.
    func networkOptions(relevant: Set<String>, fixed: Set<String>, human: Bool, values: Values) throws(AnalysisUnknown) -> [Option] {
        let absent: Option = Walk.networkKeys.sorted().map { ($0, nil) }
        guard human else { return [absent] }
        func list(_ key: String, _ fallback: ContextValue) throws(AnalysisUnknown) -> [ContextValue] {
            relevant.contains(key) || fixed.contains(key) ? try values(key, nil) : [fallback]
        }
        var out: [Option] = []
        for ip in try list("aws:sourceip", ContextValue(type: .ip, values: ["203.0.113.10"])) {
            out.append([("aws:sourceip", ip), ("aws:sourcevpce", nil), ("aws:sourcevpc", nil), ("aws:vpcsourceip", nil)])
        }
        for vpce in try list("aws:sourcevpce", .string("vpce-0a1b2c3d4e5f67890")) {
            for vpc in try list("aws:sourcevpc", .string("vpc-0123456789abcdef0")) {
                for ip in try list("aws:vpcsourceip", ContextValue(type: .ip, values: ["10.0.1.25"])) {
                    out.append([("aws:sourceip", nil), ("aws:sourcevpce", vpce), ("aws:sourcevpc", vpc), ("aws:vpcsourceip", ip)])
                }
            }
        }
        return out
    }

    /// `aws:CurrentTime` and `aws:EpochTime` name one instant: every instant class the
    /// constants of both keys make, from the earliest possible request on.
    func timeOptions() -> [Option] {
        var constants: [Int64] = []
        for key in Walk.timeKeys {
            for kc in facts.conditions(on: key) {
                for v in kc.condition.values {
                    if kc.condition.op.base.family == .numeric, let n = Double(v.text), n.isFinite, abs(n) < 9e12 {
                        constants.append(Int64((n * 1000).rounded(.down)))
                    } else if let d = PolicyDate(parsing: v.text) {
                        constants.append(d.epochMilliseconds)
                    }
                }
            }
        }
        return ValueCells.instants(constants, earliest: model.earliestTime).map { t in
            [("aws:currenttime", ContextValue(type: .date, values: [PolicyDate.fromEpochMilliseconds(t).iso8601String])),
             ("aws:epochtime", ContextValue(type: .numeric, values: [String(t >= 0 ? t / 1000 : (t - 999) / 1000)]))]
        }
    }

    /// Temporary credentials carry `aws:TokenIssueTime` and `aws:MultiFactorAuthPresent`
    /// (with `aws:MultiFactorAuthAge` when MFA was used); long-term access keys carry none
    /// of them. A role session has temporary credentials; a user or root may have either.
    func credentialOptions(_ caller: Caller, relevant: Set<String>, values: Values) throws(AnalysisUnknown) -> [Option] {
        let absent: Option = Walk.credentialKeys.sorted().map { ($0, nil) }
        let p = caller.principal
        guard p.kind != .service && p.kind != .anonymous else { return [absent] }
        let temporaryOnly = caller.known?.first?.temporaryCredentials ?? (p.kind == .assumedRole)
        var out: [Option] = temporaryOnly ? [] : [absent]
        let issued = relevant.contains("aws:tokenissuetime")
            ? try values("aws:tokenissuetime", .date)
            : [ContextValue(type: .date, values: [PolicyDate.fromEpochMilliseconds(model.earliestTime ?? 1_767_225_600_000).iso8601String])]
        let ages = relevant.contains("aws:multifactorauthage") ? try values("aws:multifactorauthage", .numeric)
            : [ContextValue(type: .numeric, values: ["60"])]
        for t in issued {
            out.append([("aws:tokenissuetime", t), ("aws:multifactorauthpresent", .boolean(false)), ("aws:multifactorauthage", nil)])
            for age in ages {
                out.append([("aws:tokenissuetime", t), ("aws:multifactorauthpresent", .boolean(true)), ("aws:multifactorauthage", age)])
            }
        }
        return out
    }

    /// A request an AWS service makes with the caller's credentials (a forward access
    /// session) has `aws:ViaAWSService` true and names the services in `aws:CalledVia`; KMS
    /// adds `kms:ViaService`. A direct request has `aws:ViaAWSService` false and none of the
    /// others. A service principal's own request is direct.
    func viaOptions(relevant: Set<String>, kms: Bool, human: Bool, values: Values) throws(AnalysisUnknown) -> [Option] {
        let direct: Option = [("aws:viaawsservice", .boolean(false)), ("aws:calledvia", nil), ("aws:calledviafirst", nil),
                              ("aws:calledvialast", nil), ("kms:viaservice", nil)]
        guard human else { return [direct] }
        func list(_ key: String, _ fallback: ContextValue?) throws(AnalysisUnknown) -> [ContextValue?] {
            relevant.contains(key) ? try values(key, nil).map { Optional($0) } : [fallback]
        }
        var out: [Option] = [direct]
        for via in try list("aws:calledvia", .stringList(["kinesis.amazonaws.com"])) {
            // aws:CalledVia always names at least the service that called.
            if let via, via.values.isEmpty { continue }
            for first in try list("aws:calledviafirst", .string("kinesis.amazonaws.com")) {
                for last in try list("aws:calledvialast", .string("kinesis.amazonaws.com")) {
                    for service in kms ? try list("kms:viaservice", .string("kinesis.us-east-1.amazonaws.com")) : [nil] {
                        out.append([("aws:viaawsservice", .boolean(true)), ("aws:calledvia", via), ("aws:calledviafirst", first),
                                    ("aws:calledvialast", last), ("kms:viaservice", service)])
                    }
                }
            }
        }
        return out
    }
}
