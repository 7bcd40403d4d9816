import Dispatch
import Foundation
import LabKit

/// Batch grading: 1,000 submissions against a lab of 20 checks (two of them exact-access, a
/// workload and a findings check), graded in parallel the way `kdslab grade` does.
///
/// The lab is the course's `producer-only` with access checks added until it has 20. Unlike
/// the other figures this one uses every core, as an instructor's batch run does.
enum GradeBenchmarks {
    static func run(filter: String?) -> [(String, Double, String)] {
        analysis(filter: filter) + batch(filter: filter)
    }

    /// One exact-access check decided by the access analysis over every action, resource and
    /// context, on one core: the unit of work grading now spends its time on. Each check
    /// starts with an empty ``AnalysisCache``, as a learner's one `check` in the REPL does.
    /// `analysis.warm_checks_per_s` shares one cache across them, as a batch does.
    static func analysis(filter: String?) -> [(String, Double, String)] {
        guard var definition = labWithTwentyChecks() else { return [] }
        definition.checks = definition.checks.filter { $0.id == "exact-again" }
        let answers = (0..<4).map(submission)
        var out: [(String, Double, String)] = []
        if filter.map({ "analysis.checks_per_s".hasPrefix($0) }) ?? true {
            let rate = bestRate(rounds: 3, operations: 100) {
                var passed = 0
                for i in 0..<100 where Grader(definition: definition).grade(answers[i % answers.count], name: "a").passed { passed += 1 }
                consume(passed)
            }
            out.append(("analysis.checks_per_s", rate, "checks/s"))
        }
        if filter.map({ "analysis.warm_checks_per_s".hasPrefix($0) }) ?? true {
            let grader = Grader(definition: definition)
            let rate = bestRate(rounds: 3, operations: 400) {
                var passed = 0
                for i in 0..<400 where grader.grade(answers[i % answers.count], name: "a").passed { passed += 1 }
                consume(passed)
            }
            out.append(("analysis.warm_checks_per_s", rate, "checks/s"))
        }
        return out
    }

    static func batch(filter: String?) -> [(String, Double, String)] {
        guard filter.map({ "grade.submissions_per_s".hasPrefix($0) }) ?? true else { return [] }
        guard let definition = labWithTwentyChecks() else { return [] }
        let grader = Grader(definition: definition)
        // KDSLAB_BENCH_PROFILE=1 grades 50 once, for profiling under callgrind.
        let profiling = ProcessInfo.processInfo.environment["KDSLAB_BENCH_PROFILE"] == "1"
        let submissions = (0..<(profiling ? 50 : 1000)).map(submission)
        let rate = bestRate(rounds: profiling ? 1 : 3, operations: submissions.count) {
            nonisolated(unsafe) var passed = [Bool](repeating: false, count: submissions.count)
            passed.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let slots = out
                DispatchQueue.concurrentPerform(iterations: submissions.count) { i in
                    slots[i] = grader.grade(submissions[i], name: "learner-\(i)").passed
                }
            }
            consume(passed)
        }
        return [("grade.submissions_per_s", rate, "submissions/s")]
    }

    /// `producer-only` from the source tree, padded to 20 checks with a second exact-access
    /// check and access checks on other actions and streams.
    static func labWithTwentyChecks() -> LabDefinition? {
        let labs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("labs/producer-only")
        func read(_ name: String) -> String? { try? String(contentsOf: labs.appendingPathComponent(name), encoding: .utf8) }
        let files = LabFiles(folderName: "producer-only", definition: read("lab.json"), prompt: read("prompt.md"),
                             starter: read("starter.json"), solution: read("solution.json"))
        guard var d = LabLoader().load(files).lab?.definition else {
            FileHandle.standardError.write(Data("kdslab-bench: cannot load labs/producer-only from the source tree\n".utf8))
            return nil
        }
        let producer = PrincipalRef(kind: .role, name: "checkout-producer")
        if let exact = d.checks.first(where: { $0.kindName == "exact-access" }) {
            d.checks.append(CheckSpec(id: "exact-again", title: "exact access, measured twice", kind: exact.kind))
        }
        let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
        let payments = "arn:aws:kinesis:us-east-1:111122223333:stream/payments"
        let denied = ["kinesis:DeleteStream", "kinesis:PutResourcePolicy", "kinesis:GetShardIterator", "kinesis:SplitShard",
                      "kinesis:StartStreamEncryption", "kinesis:AddTagsToStream", "kinesis:UpdateShardCount",
                      "kinesis:MergeShards", "kinesis:IncreaseStreamRetentionPeriod", "kinesis:DeleteResourcePolicy",
                      "kinesis:RegisterStreamConsumer"]
        var i = 0
        while d.checks.count < 20 {
            let action = denied[i % denied.count]
            let resource = i % 2 == 0 ? orders : payments
            d.checks.append(CheckSpec(id: "deny-\(i)", title: "\(action) is denied", kind: .access(AccessCheckSpec(
                request: AccessRequestSpec(principal: producer, action: action, resource: resource), expect: .denied))))
            i += 1
        }
        return d
    }

    /// A class's worth of answers: right ones, `Put*`, `kinesis:*`, a missing action, a
    /// syntax error — each written a little differently.
    static func submission(_ i: Int) -> String {
        let orders = "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
        let actions: [String]
        switch i % 5 {
        case 0, 1: actions = ["kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"]
        case 2: actions = ["kinesis:DescribeStream", "kinesis:Put*"]
        case 3: actions = ["kinesis:*"]
        default: actions = ["kinesis:DescribeStream", "kinesis:PutRecord"]
        }
        let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
        if i % 50 == 49 { return "{\"Version\": \"2012-10-17\", \"Statement\": [" }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"Learner\(i)\", \"Effect\": \"Allow\", \"Action\": [\(list)], \"Resource\": \"\(orders)\"}]\n}\n"
    }
}
