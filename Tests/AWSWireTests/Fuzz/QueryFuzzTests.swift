import Foundation
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// Seeded random parameters for every IAM and STS action, signed and sent through the
/// service: nothing traps, and every answer is a success or an IAM-shaped error (a code and a
/// message in `<ErrorResponse>`, status 400–409). `KDSLAB_FUZZ_SEED=N` replays a run; each
/// failure names its seed, action and parameters.
@Suite struct QueryFuzzTests {
    static let start = AWSServiceTests.start
    static let seed: UInt64 = ProcessInfo.processInfo.environment["KDSLAB_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x6B64_736C_6162
    static let requestsPerAction = 40

    static let members = [
        "UserName", "RoleName", "PolicyName", "PolicyDocument", "AssumeRolePolicyDocument", "Path", "PolicyArn",
        "MaxSessionDuration", "Description", "AccessKeyId", "PolicySourceArn", "ActionNames.member.1", "ResourceArns.member.1",
        "PolicyInputList.member.1", "ContextEntries.member.1.ContextKeyName", "ContextEntries.member.1.ContextKeyType",
        "ContextEntries.member.1.ContextKeyValues.member.1", "MaxItems", "RoleArn", "RoleSessionName", "DurationSeconds", "Policy",
    ]

    static let values = [
        "", "u", "admin", "a/b", "/", "/team/", "//", "0", "-1", "3600", "900", "99999999999999999999", "abc", "é", "\u{0}",
        String(repeating: "n", count: 129), String(repeating: "x", count: 3000), "arn:aws:iam::111122223333:policy/p",
        "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::111122223333:role/r", "arn:aws:iam::111122223333:user/u",
        "arn:aws:iam::111122223333:role/", "arn:aws:iam:::role/x", "arn:", "kinesis:PutRecord", "ip", "string", "10.0.0.1",
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"}]}"#, #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#,
        "{", #"{"Statement":[]}"#, "AKIAEXAMPLEEXAMPLE00",
    ]

    @Test func randomParametersForEveryAction() throws {
        let service = AWSService.withDefaultAdmin()
        let admin = WireClient(service, now: Self.start)
        let actions = IAMOperation.allCases.map { ("iam", $0.rawValue) } + STSOperation.allCases.map { ("sts", $0.rawValue) }
        var random = SplitMix(seed: Self.seed)
        var successes = 0
        for (service, action) in actions {
            for _ in 0..<Self.requestsPerAction {
                var parameters = [("Action", action)]
                for _ in 0..<random.below(6) {
                    parameters.append((Self.members[random.below(Self.members.count)], Self.values[random.below(Self.values.count)]))
                }
                let r = admin.query(service, parameters)
                let shown = "seed \(Self.seed), \(service) \(parameters.map { "\($0.0)=\($0.1.prefix(40))" })"
                if r.status == 200 {
                    successes += 1
                    #expect(r.xml.contains("<\(action)Response"), "\(shown): \(r.xml.prefix(200))")
                } else {
                    #expect([400, 403, 404, 409].contains(r.status), "\(shown): status \(r.status)")
                    #expect(xmlValue("Code", in: r.xml)?.isEmpty == false && xmlValue("Message", in: r.xml) != nil, "\(shown): \(r.xml.prefix(200))")
                }
            }
        }
        #expect(successes > 0)
    }

    /// SplitMix64, for reproducible runs.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }
}
