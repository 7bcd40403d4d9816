import IAMPolicy
import KinesisSim

/// The `checks` part of `lab.json`.
extension _LabDecoder {
    static let commonCheckKeys = ["id", "kind", "title", "points", "hints"]
    static let requestKeys = ["as", "action", "resource", "context", "via"]

    mutating func check(_ item: JSONValue) -> CheckSpec? {
        guard let o = reader.object(item, "a check") else { return nil }
        guard let id = reader.string(o, "id", required: true, in: "a check"),
              let kind = reader.string(o, "kind", required: true, in: "check `\(o["id"]?.stringValue ?? "?")`") else { return nil }
        let context = "check `\(id)`"
        let title = reader.string(o, "title", in: context) ?? id
        let points = reader.int(o, "points", range: 0...1000, in: context) ?? 1
        let hints = reader.strings(o, "hints") ?? []
        let line = o.range.start.line
        let specific: CheckSpec.Kind?
        switch kind {
        case "access":
            reader.rejectUnknownKeys(o, known: Self.commonCheckKeys + Self.requestKeys + ["expect"], in: context)
            let request = self.request(o, in: context, actionPattern: true)
            var expect: AccessExpectation?
            if let e = reader.string(o, "expect", required: true, in: context) {
                expect = AccessExpectation(parsing: e)
                if expect == nil {
                    reader.problem("`expect` must be allowed, denied, explicitDeny or implicitDeny, not `\(e)`", at: o["expect"])
                }
            }
            specific = request.flatMap { r in expect.map { .access(AccessCheckSpec(request: r, expect: $0)) } }
        case "exact-access":
            reader.rejectUnknownKeys(o, known: Self.commonCheckKeys + ["as", "via", "context", "required", "optional"], in: context)
            let who = reader.string(o, "as", required: true, in: context).flatMap { principalRef($0, at: o["as"]) }
            var choices: [GrantChoice] = []
            let required = grants(o, "required", in: context, choices: &choices)
            let optional = grants(o, "optional", in: context)
            if o["required"] == nil { reader.problem("\(context) is missing `required`", at: o) }
            checkChoices(choices, required: required, at: o["required"])
            specific = who.map {
                .exactAccess(ExactAccessSpec(principal: $0, via: via(o["via"]), context: contextValues(o["context"]),
                                             required: required, optional: optional, requiredOneOf: choices))
            }
        case "workload":
            reader.rejectUnknownKeys(o, known: Self.commonCheckKeys + ["steps"], in: context)
            let steps = (reader.array(o, "steps") ?? []).compactMap { step($0) }
            if steps.isEmpty { reader.problem("\(context) has no `steps`", at: o) }
            specific = .workload(WorkloadSpec(steps: steps))
        case "findings":
            reader.rejectUnknownKeys(o, known: Self.commonCheckKeys + ["failAt", "absent"], in: context)
            var failAt: FindingType?
            if let s = reader.string(o, "failAt", in: context) {
                failAt = FindingType(rawValue: s)
                if failAt == nil {
                    reader.problem("`failAt` must be ERROR, SECURITY_WARNING, WARNING or SUGGESTION, not `\(s)`", at: o["failAt"])
                }
            }
            let absent = reader.strings(o, "absent") ?? []
            let codes = Set(IssueCode.allCases.map(\.rawValue))
            for code in absent where !codes.contains(code) {
                reader.problem("`\(code)` is not a validation issue code", at: o["absent"])
            }
            if failAt == nil && absent.isEmpty {
                reader.problem("\(context) needs `failAt` or `absent`", at: o)
            }
            specific = .findings(FindingsSpec(failAt: failAt, absent: absent))
        case "predict":
            reader.rejectUnknownKeys(o, known: Self.commonCheckKeys + ["questions"], in: context)
            var questions: [PredictSpec.Question] = []
            for q in reader.array(o, "questions") ?? [] {
                guard let qo = reader.object(q, "a question") else { continue }
                reader.rejectUnknownKeys(qo, known: Self.requestKeys + ["id", "prompt"] + Self.sectionKeys, in: "a question")
                guard let qid = reader.string(qo, "id", required: true, in: "a question"),
                      let prompt = reader.string(qo, "prompt", required: true, in: "question `\(qid)`"),
                      let r = request(qo, in: "question `\(qid)`") else { continue }
                if questions.contains(where: { $0.id == qid }) { reader.problem("two questions have the id `\(qid)`", at: qo) }
                let section = self.section(qo, in: "question `\(qid)`")
                questions.append(PredictSpec.Question(id: qid, prompt: prompt, request: r, section: section))
            }
            if questions.isEmpty { reader.problem("\(context) has no `questions`", at: o) }
            specific = .predict(PredictSpec(questions: questions))
        case "choice":
            reader.rejectUnknownKeys(o, known: Self.commonCheckKeys + ["questions"], in: context)
            var questions: [ChoiceSpec.Question] = []
            for q in reader.array(o, "questions") ?? [] {
                if let question = choiceQuestion(q), !questions.contains(where: { $0.id == question.id }) {
                    questions.append(question)
                } else if let qo = q.members, let id = q["id"]?.stringValue, questions.contains(where: { $0.id == id }) {
                    _ = qo
                    reader.problem("two questions have the id `\(id)`", at: q)
                }
            }
            if questions.isEmpty { reader.problem("\(context) has no `questions`", at: o) }
            specific = .choice(ChoiceSpec(questions: questions))
        default:
            reader.problem("unknown check kind `\(kind)`; use \(CheckSpec.kindNames.joined(separator: ", "))", at: o["kind"])
            specific = nil
        }
        return specific.map { CheckSpec(id: id, title: title, points: points, hints: hints, kind: $0, line: line) }
    }

    /// `{"id", "prompt", "choices": {"a": "…", "b": "…"}, "answer": "b", "explanation": "…"}`.
    mutating func choiceQuestion(_ q: JSONValue) -> ChoiceSpec.Question? {
        guard let qo = reader.object(q, "a question") else { return nil }
        reader.rejectUnknownKeys(qo, known: ["id", "prompt", "choices", "answer", "explanation"] + Self.sectionKeys, in: "a question")
        guard let id = reader.string(qo, "id", required: true, in: "a question") else { return nil }
        let context = "question `\(id)`"
        let prompt = reader.string(qo, "prompt", required: true, in: context) ?? ""
        let explanation = reader.string(qo, "explanation", required: true, in: context) ?? ""
        var choices: [(key: String, text: String)] = []
        if let c = qo["choices"] {
            if let members = c.members {
                for m in members {
                    if let text = m.value.stringValue { choices.append((m.key, text)) } else {
                        reader.problem("choice `\(m.key)` must be a string", at: m.value)
                    }
                }
            } else {
                reader.problem("`choices` must be an object from key (a, b, c…) to text", at: c)
            }
        }
        if choices.count < 2 { reader.problem("\(context) needs at least two `choices`", at: qo) }
        guard let answer = reader.string(qo, "answer", required: true, in: context) else { return nil }
        if !choices.contains(where: { $0.key == answer }) {
            reader.problem("\(context)'s `answer` `\(answer)` is not one of its choices", at: qo["answer"])
        }
        return ChoiceSpec.Question(id: id, prompt: prompt, choices: choices, answer: answer, explanation: explanation,
                                   section: section(qo, in: context))
    }

    /// A question's keys that point at a lesson section.
    static let sectionKeys = ["section", "lesson"]

    /// `"section": "Default deny"`, with `"lesson": "least-privilege"` when it is not the
    /// lab's first lesson; the section must be a `##` heading of that lesson when the
    /// lessons are known.
    mutating func section(_ qo: JSONValue, in context: String) -> LessonSectionRef? {
        let lesson = reader.string(qo, "lesson", in: context)
        guard let title = reader.string(qo, "section", in: context) else {
            if lesson != nil { reader.problem("\(context) names a `lesson` but no `section` in it", at: qo["lesson"]) }
            return nil
        }
        guard let id = lesson ?? labLessons.first else {
            reader.problem("\(context)'s `section` needs a `lesson`: the lab names no `lessons`", at: qo["section"])
            return nil
        }
        if let sections = lessonSections {
            if let titles = sections[id] {
                if !titles.contains(title) {
                    let known = titles.map { "“\($0)”" }.joined(separator: ", ")
                    reader.problem("the lesson `\(id)` has no section “\(title)”; its sections are \(known)", at: qo["section"])
                }
            } else {
                reader.problem("lesson `\(id)` does not exist in content/", at: qo["lesson"] ?? qo["section"])
            }
        }
        return LessonSectionRef(lesson: id, title: title)
    }

    /// `as`, `action`, `resource`, `context`, `via`.
    /// With `actionPattern`, `action` may be a pattern (`kinesis:*`): every action it matches
    /// that acts on the resource.
    mutating func request(_ o: JSONValue, in context: String, actionPattern: Bool = false) -> AccessRequestSpec? {
        let who = reader.string(o, "as", required: true, in: context).flatMap { principalRef($0, at: o["as"]) }
        let action = reader.string(o, "action", required: true, in: context).flatMap {
            self.action($0, at: o["action"], pattern: actionPattern)
        }
        let resource = reader.string(o, "resource", required: true, in: context).flatMap { self.resource($0, at: o["resource"]) }
        guard let who, let action, let resource else { return nil }
        let spec = AccessRequestSpec(principal: who, action: action, resource: resource,
                                     context: contextValues(o["context"]), via: via(o["via"]))
        if spec.isEveryAction && spec.actions.isEmpty {
            reader.problem("no action `\(action)` matches acts on \(resource)", at: o["action"])
            return nil
        }
        return spec
    }

    /// `"https"`, `"http"`, `"fips"`, `"vpce"`, or `{"endpoint": …, "vpce": …, "vpc": …, "sourceIp": …}`.
    mutating func via(_ value: JSONValue?) -> ConnectionSpec {
        guard let value else { return .https }
        if let s = value.stringValue {
            guard let e = ConnectionSpec.Endpoint(rawValue: s) else {
                reader.problem("`via` must be https, http, fips or vpce, not `\(s)`", at: value)
                return .https
            }
            return ConnectionSpec(endpoint: e)
        }
        guard let o = reader.object(value, "`via`") else { return .https }
        reader.rejectUnknownKeys(o, known: ["endpoint", "vpce", "vpc", "sourceIp"], in: "`via`")
        var spec = ConnectionSpec()
        if let e = reader.string(o, "endpoint", in: "`via`") {
            if let ep = ConnectionSpec.Endpoint(rawValue: e) { spec.endpoint = ep } else {
                reader.problem("`endpoint` must be https, http, fips or vpce, not `\(e)`", at: o["endpoint"])
            }
        }
        spec.vpce = reader.string(o, "vpce", in: "`via`")
        spec.vpc = reader.string(o, "vpc", in: "`via`")
        spec.sourceIp = reader.string(o, "sourceIp", in: "`via`")
        if spec.vpce != nil && spec.endpoint != .vpce {
            reader.problem("`vpce` is set but `endpoint` is not `vpce`", at: o)
        }
        return spec
    }

    /// Context keys: strings, booleans, numbers, or arrays of strings (a list).
    mutating func contextValues(_ value: JSONValue?) -> [String: ContextValue] {
        guard let value, let o = reader.object(value, "`context`") else { return [:] }
        var out: [String: ContextValue] = [:]
        for m in o.members ?? [] {
            switch m.value.kind {
            case .string(let s): out[m.key] = ContextValue(type: Self.contextType(of: m.key), values: [s])
            case .bool(let b): out[m.key] = .boolean(b)
            case .number(let n): out[m.key] = ContextValue(type: .numeric, values: [n])
            case .array(let items):
                let strings = items.compactMap(\.stringValue)
                if strings.count != items.count { reader.problem("context key `\(m.key)`'s list must hold strings", at: m.value) }
                out[m.key] = .stringList(strings)
            default:
                reader.problem("context key `\(m.key)` must be a string, boolean, number or list of strings", at: m.value)
            }
        }
        return out
    }

    /// The type of a well-known global condition key, else string.
    static func contextType(of key: String) -> ContextKeyType {
        switch key.lowercased() {
        case "aws:sourceip", "aws:vpcsourceip": .ip
        case "aws:securetransport", "aws:multifactorauthpresent", "aws:viaawsservice": .boolean
        case "aws:currenttime", "aws:tokenissuetime": .date
        case "aws:epochtime", "aws:multifactorauthage": .numeric
        default: .string
        }
    }

    /// `[{"actions": […], "resources": […]}]`, the cross product of each entry.
    mutating func grants(_ o: JSONValue, _ key: String, in context: String) -> [Grant] {
        var none: [GrantChoice] = []
        return grants(o, key, in: context, choices: &none, choicesAllowed: false)
    }

    /// The same, where an entry may name `oneOf` instead of `actions` (`required` only): each
    /// such entry adds one group per resource to `choices`.
    mutating func grants(_ o: JSONValue, _ key: String, in context: String, choices: inout [GrantChoice],
                         choicesAllowed: Bool = true) -> [Grant] {
        var out: [Grant] = []
        for item in reader.array(o, key) ?? [] {
            guard let g = reader.object(item, "a grant") else { continue }
            if g["oneOf"] != nil {
                if choicesAllowed { choices += choice(g) } else {
                    reader.problem("`oneOf` belongs in `required`: every action of `\(key)` is already optional", at: g["oneOf"])
                }
                continue
            }
            reader.rejectUnknownKeys(g, known: ["actions", "resources"], in: "a grant")
            let actions = (reader.strings(g, "actions") ?? []).compactMap { action($0, at: g["actions"]) }
            let resources = (reader.strings(g, "resources") ?? []).compactMap { resource($0, at: g["resources"]) }
            if g["actions"] == nil || g["resources"] == nil {
                reader.problem("a grant needs `actions` and `resources`", at: g)
            }
            for a in actions {
                for r in resources { out.append(Grant(action: a, resource: r)) }
            }
        }
        return out
    }

    mutating func step(_ item: JSONValue) -> WorkloadStep? {
        guard let o = reader.object(item, "a workload step") else { return nil }
        reader.rejectUnknownKeys(o, known: ["as", "via", "call", "input", "repeat", "expect", "records", "title"], in: "a workload step")
        let who = reader.string(o, "as", required: true, in: "a workload step").flatMap { principalRef($0, at: o["as"]) }
        let call = reader.string(o, "call", required: true, in: "a workload step")
        if let call, !KinesisOperationNames.all.contains(call) {
            reader.problem("`\(call)` is not a Kinesis operation the simulator supports", at: o["call"])
        }
        let input = o["input"] ?? .object([])
        if input.members == nil { reader.problem("`input` must be an object (the request body)", at: input) }
        let count = reader.int(o, "repeat", range: 1...1000, in: "a workload step") ?? 1
        var expect = StepExpectation.success
        if let e = reader.string(o, "expect", in: "a workload step"), e != "success" {
            guard e.hasSuffix("Exception") || e == "AccessDenied" else {
                reader.problem("`expect` must be `success` or an error code such as AccessDeniedException, not `\(e)`", at: o["expect"])
                return nil
            }
            expect = .error(e)
        }
        var records: RecordExpectation?
        if let r = reader.object(o["records"], "`records`") {
            reader.rejectUnknownKeys(r, known: ["count", "text"], in: "`records`")
            records = RecordExpectation(count: reader.int(r, "count", range: 0...10_000, in: "`records`") ?? 0,
                                        text: reader.string(r, "text", in: "`records`"))
        }
        guard let who, let call else { return nil }
        return WorkloadStep(principal: who, via: via(o["via"]), call: call, input: input, repeatCount: count, expect: expect,
                            records: records, title: reader.string(o, "title", in: "a workload step"), line: o.range.start.line)
    }
}

/// The Kinesis operations a workload may call.
enum KinesisOperationNames {
    static let all: Set<String> = Set(KinesisWorld.supportedOperations)
}
