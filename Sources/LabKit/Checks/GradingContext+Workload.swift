import Foundation
import IAMPolicy
import KinesisSim

/// One call a workload made, for `run` to show and for grading.
public struct WorkloadCallOutcome: Sendable, Equatable {
    /// The step's 1-based number.
    public var step: Int
    /// The repetition, 1-based.
    public var repetition: Int
    /// Who called.
    public var principal: PrincipalRef
    /// The operation.
    public var call: String
    /// What the step expected.
    public var expected: StepExpectation
    /// What happened: `success` or the error code.
    public var outcome: StepExpectation
    /// The error's message, or a short summary of the output (`20 records`).
    public var note: String
    /// Whether this call met its expectation.
    public var passed: Bool
    /// The explanation of a denial, when the evaluator gave one.
    public var explanation: Explanation?
}

extension GradingContext {
    /// Runs a workload's steps on a copy of the world, stopping after the first call that
    /// does not meet its expectation.
    public func runWorkload(_ spec: WorkloadSpec) -> [WorkloadCallOutcome] {
        var world = self.world
        var lastIterator: String?
        var outcomes: [WorkloadCallOutcome] = []
        for (index, step) in spec.steps.enumerated() {
            guard let caller = caller(step.principal, via: step.via) else {
                outcomes.append(WorkloadCallOutcome(step: index + 1, repetition: 1, principal: step.principal, call: step.call,
                                                    expected: step.expect, outcome: .error("NoSuchPrincipal"),
                                                    note: "\(step.principal) is not in the lab's world", passed: false))
                return outcomes
            }
            for n in 1...step.repeatCount {
                let body = Self.substitute(step.input, n: n, iterator: lastIterator)
                let response = world.perform(step.call, body: body, as: caller)
                var outcome = WorkloadCallOutcome(step: index + 1, repetition: n, principal: step.principal, call: step.call,
                                                  expected: step.expect, outcome: .success, note: "", passed: true)
                if let error = response.error {
                    outcome.outcome = .error(error.code.rawValue)
                    outcome.note = error.message
                    outcome.explanation = error.explanation
                    outcome.passed = step.expect == .error(error.code.rawValue)
                        || (step.expect == .error("AccessDenied") && error.code == .accessDenied)
                } else {
                    if let it = response.body?["ShardIterator"]?.stringValue ?? response.body?["NextShardIterator"]?.stringValue {
                        lastIterator = it
                    }
                    outcome.passed = step.expect == .success
                    outcome.note = Self.summary(of: response.body)
                    if outcome.passed, let want = step.records {
                        let (ok, note) = Self.checkRecords(response.body, want)
                        outcome.passed = ok
                        outcome.note = note
                    }
                }
                outcomes.append(outcome)
                if !outcome.passed { return outcomes }
            }
        }
        return outcomes
    }

    func gradeWorkload(_ spec: WorkloadSpec) -> CheckOutcome {
        let outcomes = runWorkload(spec)
        let calls = outcomes.count
        guard let failed = outcomes.first(where: { !$0.passed }) else {
            return CheckOutcome(passed: true, message: "All \(spec.steps.count) steps (\(calls) calls) behaved as expected.")
        }
        let step = spec.steps[failed.step - 1]
        let which = "step \(failed.step)" + (step.title.map { " (\($0))" } ?? "")
            + (step.repeatCount > 1 ? ", call \(failed.repetition) of \(step.repeatCount)" : "")
        var message = "\(which): \(failed.principal) \(failed.call) should give \(failed.expected) but gave \(failed.outcome)"
        if !failed.note.isEmpty { message += ": \(failed.note)" }
        if !message.hasSuffix(".") { message += "." }
        var details: [String] = []
        var place: (Int, Int)?
        if let e = failed.explanation {
            details = [e.summary] + e.details.map(\.text)
            if let d = e.details.first(where: { $0.policyId == submissionPolicyName && $0.range != nil }), let r = d.range {
                place = (r.start.line, r.start.column)
            }
        } else if failed.outcome == .success, failed.expected != .success {
            // Allowed where it should not be: point at the statement that allowed it.
            if let request = Self.accessRequest(for: step, caller: failed.principal, world: definition.world),
               let (result, explanation) = evaluate(request) {
                message += " \(explanation.summary)"
                if let p = submissionLine(result.matchedStatements) { place = p }
            }
        }
        return CheckOutcome(passed: false, message: message, details: details, line: place?.0, column: place?.1)
    }

    /// The IAM request behind a step's call (`kinesis:<Operation>` on its stream), for
    /// explaining a call that succeeded when it should not have.
    static func accessRequest(for step: WorkloadStep, caller: PrincipalRef, world: WorldSpec) -> AccessRequestSpec? {
        let name = step.input["StreamName"]?.stringValue
        let arn = step.input["StreamARN"]?.stringValue ?? name.flatMap { world.expandResource("stream/\($0)") }
        guard let resource = arn ?? (step.call == "ListStreams" ? "*" : nil) else { return nil }
        return AccessRequestSpec(principal: caller, action: "kinesis:\(step.call)", resource: resource, via: step.via)
    }

    /// The step's input with `${n}` filled in, `"$ShardIterator"` replaced and `"Text"`
    /// turned into base64 `"Data"`.
    static func substitute(_ value: JSONValue, n: Int, iterator: String?) -> JSONValue {
        switch value.kind {
        case .string(let s):
            if s == "$ShardIterator" { return .string(iterator ?? "") }
            return .string(replacingStepNumber(in: s, with: n))
        case .array(let items):
            return .array(items.map { substitute($0, n: n, iterator: iterator) })
        case .object(let members):
            return .object(members.map { m -> (String, JSONValue) in
                let v = substitute(m.value, n: n, iterator: iterator)
                if m.key == "Text", let text = v.stringValue { return ("Data", .string(Base64.encode(Array(text.utf8)))) }
                return (m.key, v)
            })
        default:
            return value
        }
    }

    /// `text` with every `${n}` replaced by `n` (a byte scan: this runs for every string of
    /// every workload step of every submission graded).
    static func replacingStepNumber(in text: String, with n: Int) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "$")) else { return text }
        let number = Array(String(n).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
               bytes[i + 2] == UInt8(ascii: "n"), bytes[i + 3] == UInt8(ascii: "}") {
                out += number
                i += 4
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func summary(of body: JSONValue?) -> String {
        guard let body else { return "" }
        if let records = body["Records"]?.elements { return "\(records.count) record\(records.count == 1 ? "" : "s")" }
        if let seq = body["SequenceNumber"]?.stringValue { return "sequence number \(seq.prefix(12))…" }
        if let failed = body["FailedRecordCount"], case .number(let n) = failed.kind { return "\(n) failed records" }
        return ""
    }

    static func checkRecords(_ body: JSONValue?, _ want: RecordExpectation) -> (Bool, String) {
        let records = body?["Records"]?.elements ?? []
        let texts = records.map { r in String(decoding: Base64.decode(r["Data"]?.stringValue ?? "") ?? [], as: UTF8.self) }
        guard texts.count == want.count else {
            return (false, "returned \(texts.count) records, expected \(want.count)")
        }
        if let template = want.text {
            for (i, t) in texts.enumerated() {
                let expected = template.replacingOccurrences(of: "${n}", with: String(i + 1))
                if t != expected {
                    return (false, "record \(i + 1) is `\(t)`, expected `\(expected)` (records must come back in order)")
                }
            }
        }
        return (true, "\(texts.count) records, in order")
    }
}
