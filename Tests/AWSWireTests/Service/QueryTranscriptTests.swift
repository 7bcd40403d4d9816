import Foundation
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// Every IAM and STS operation `serve` answers, with its errors, as one recorded transcript:
/// each request's status and whole XML answer (generated keys, secrets, tokens and request
/// ids masked), then the operations the journal kept. The transcript is the wire contract;
/// `KDSLAB_RECORD=1 swift test --filter QueryTranscriptTests` records it afresh (review the diff).
@Suite struct QueryTranscriptTests {
    static let start = AWSServiceTests.start
    static let allow = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"}]}"#
    static let put = #"{"Version":"2012-10-17","Statement":[{"Sid":"Put","Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"}]}"#
    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/admin"},"Action":"sts:AssumeRole"}]}"#

    /// One request: who sends it (`admin`, or a name a previous step saved credentials under),
    /// the service and the parameters; `save` keeps the credentials it returns under a name.
    struct Step {
        var key = "admin"
        var service: String
        var parameters: [(String, String)]
        var save: String?
    }

    static func iam(_ parameters: [(String, String)], as key: String = "admin", save: String? = nil) -> Step {
        Step(key: key, service: "iam", parameters: parameters, save: save)
    }

    static func sts(_ parameters: [(String, String)], as key: String = "admin", save: String? = nil) -> Step {
        Step(key: key, service: "sts", parameters: parameters, save: save)
    }

    static let steps: [Step] = [
        sts([("Action", "GetCallerIdentity")]),
        iam([("Action", "CreateUser"), ("UserName", "u1")]),
        iam([("Action", "CreateUser"), ("UserName", "u1")]),
        iam([("Action", "CreateUser"), ("UserName", "a/b")]),
        iam([("Action", "CreateUser")]),
        iam([("Action", "CreateUser"), ("UserName", String(repeating: "n", count: 65))]),
        iam([("Action", "CreateUser"), ("UserName", "pathed"), ("Path", "/team/")]),
        iam([("Action", "PutUserPolicy"), ("UserName", "u1"), ("PolicyName", "put"), ("PolicyDocument", put)]),
        iam([("Action", "PutUserPolicy"), ("UserName", "u1"), ("PolicyName", "bad"), ("PolicyDocument", #"{"Statement": ["#)]),
        iam([("Action", "PutUserPolicy"), ("UserName", "nobody"), ("PolicyName", "put"), ("PolicyDocument", put)]),
        iam([("Action", "PutUserPolicy"), ("UserName", "u1"), ("PolicyName", "put")]),
        iam([("Action", "CreateAccessKey"), ("UserName", "u1")], save: "k1"),
        iam([("Action", "CreateAccessKey"), ("UserName", "u1")], save: "k2"),
        iam([("Action", "CreateAccessKey"), ("UserName", "u1")]),
        iam([("Action", "CreateAccessKey")], save: "k3"),
        iam([("Action", "CreateAccessKey"), ("UserName", "nobody")]),
        iam([("Action", "CreatePolicy"), ("PolicyName", "lister"), ("PolicyDocument", allow), ("Description", "Lists <streams> & more")]),
        iam([("Action", "CreatePolicy"), ("PolicyName", "lister"), ("PolicyDocument", allow)]),
        iam([("Action", "CreatePolicy"), ("PolicyName", "broken"), ("PolicyDocument", "{")]),
        iam([("Action", "CreatePolicy"), ("PolicyName", "team-lister"), ("Path", "/team/"), ("PolicyDocument", allow)]),
        iam([("Action", "GetPolicy"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "GetPolicy"), ("PolicyArn", "arn:aws:iam::111122223333:policy/missing")]),
        iam([("Action", "GetPolicy"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess")]),
        iam([("Action", "AttachUserPolicy"), ("UserName", "u1"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "AttachUserPolicy"), ("UserName", "u1"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "AttachUserPolicy"), ("UserName", "u1"), ("PolicyArn", "arn:aws:iam::111122223333:policy/missing")]),
        iam([("Action", "AttachUserPolicy"), ("UserName", "nobody"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "ListAttachedUserPolicies"), ("UserName", "u1")]),
        iam([("Action", "ListAttachedUserPolicies"), ("UserName", "admin")]),
        iam([("Action", "ListAttachedUserPolicies"), ("UserName", "nobody")]),
        iam([("Action", "GetPolicy"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "CreateRole"), ("RoleName", "reader"), ("AssumeRolePolicyDocument", trust), ("MaxSessionDuration", "7200")]),
        iam([("Action", "CreateRole"), ("RoleName", "reader"), ("AssumeRolePolicyDocument", trust)]),
        iam([("Action", "CreateRole"), ("RoleName", "short"), ("AssumeRolePolicyDocument", trust), ("MaxSessionDuration", "100")]),
        iam([("Action", "CreateRole"), ("RoleName", "broken"), ("AssumeRolePolicyDocument", allow)]),
        iam([("Action", "CreateRole"), ("RoleName", "notrust")]),
        iam([("Action", "PutRolePolicy"), ("RoleName", "reader"), ("PolicyName", "put"), ("PolicyDocument", put)]),
        iam([("Action", "PutRolePolicy"), ("RoleName", "nobody"), ("PolicyName", "put"), ("PolicyDocument", put)]),
        iam([("Action", "AttachRolePolicy"), ("RoleName", "reader"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "ListAttachedRolePolicies"), ("RoleName", "reader")]),
        iam([("Action", "ListAttachedRolePolicies"), ("RoleName", "nobody")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s1")], save: "s1"),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s2"),
             ("DurationSeconds", "900"), ("Policy", allow)], save: "s2"),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "a b")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "reader"), ("RoleSessionName", "s3")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/missing"), ("RoleSessionName", "s3")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s3"),
             ("DurationSeconds", "8000")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s3"),
             ("DurationSeconds", "abc")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s3"),
             ("Policy", "{")]),
        sts([("Action", "AssumeRole"), ("RoleSessionName", "s3")]),
        sts([("Action", "GetCallerIdentity")], as: "s1"),
        sts([("Action", "GetCallerIdentity")], as: "k1"),
        iam([("Action", "CreateUser"), ("UserName", "mallory")], as: "s1"),
        iam([("Action", "CreateUser"), ("UserName", "mallory")], as: "k1"),
        iam([("Action", "CreateAccessKey")], as: "s1"),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s4")], as: "k1"),
        iam([("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:iam::111122223333:user/u1"),
             ("ActionNames.member.1", "kinesis:ListStreams"), ("ActionNames.member.2", "kinesis:PutRecord"),
             ("ActionNames.member.3", "kinesis:GetRecords")]),
        iam([("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:iam::111122223333:role/reader"),
             ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:iam::111122223333:user/admin"),
             ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:iam::111122223333:user/pathed"),
             ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:kinesis:us-east-1:111122223333:stream/x"),
             ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulatePrincipalPolicy"), ("PolicySourceArn", "arn:aws:iam::111122223333:user/nobody"),
             ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulatePrincipalPolicy"), ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulateCustomPolicy"), ("PolicyInputList.member.1", put), ("PolicyInputList.member.2", allow),
             ("ActionNames.member.1", "kinesis:PutRecord"), ("ActionNames.member.2", "kinesis:ListStreams"),
             ("ResourceArns.member.1", "arn:aws:kinesis:us-east-1:111122223333:stream/orders"),
             ("ContextEntries.member.1.ContextKeyName", "aws:SourceIp"), ("ContextEntries.member.1.ContextKeyType", "ip"),
             ("ContextEntries.member.1.ContextKeyValues.member.1", "10.0.0.1"), ("MaxItems", "1")]),
        iam([("Action", "SimulateCustomPolicy"), ("PolicyInputList.member.1", put), ("ActionNames.member.1", "kinesis:PutRecord"),
             ("ContextEntries.member.1.ContextKeyName", "aws:SourceIp"), ("ContextEntries.member.1.ContextKeyType", "address")]),
        iam([("Action", "SimulateCustomPolicy"), ("PolicyInputList.member.1", put), ("ActionNames.member.1", "kinesis:PutRecord"),
             ("MaxItems", "0")]),
        iam([("Action", "SimulateCustomPolicy"), ("PolicyInputList.member.1", "{"), ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulateCustomPolicy"), ("ActionNames.member.1", "kinesis:PutRecord")]),
        iam([("Action", "SimulateCustomPolicy"), ("PolicyInputList.member.1", put),
             ("ContextEntries.member.1.ContextKeyType", "string")]),
        iam([("Action", "BuyMoreUsers")]),
        sts([("Action", "GetSessionToken")]),
        iam([("Action", "DeleteUser"), ("UserName", "u1")]),
        iam([("Action", "DeleteAccessKey"), ("UserName", "u1"), ("AccessKeyId", "{k1.AccessKeyId}")]),
        iam([("Action", "DeleteAccessKey"), ("UserName", "u1"), ("AccessKeyId", "{k1.AccessKeyId}")]),
        iam([("Action", "DeleteAccessKey"), ("UserName", "u1"), ("AccessKeyId", "{k2.AccessKeyId}")]),
        iam([("Action", "DeleteUser"), ("UserName", "u1")]),
        iam([("Action", "DeleteUserPolicy"), ("UserName", "u1"), ("PolicyName", "put")]),
        iam([("Action", "DeleteUserPolicy"), ("UserName", "u1"), ("PolicyName", "put")]),
        iam([("Action", "DeleteUser"), ("UserName", "u1")]),
        iam([("Action", "DetachUserPolicy"), ("UserName", "u1"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "DetachUserPolicy"), ("UserName", "u1"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "DeletePolicy"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "DetachRolePolicy"), ("RoleName", "reader"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "DeletePolicy"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "GetPolicy"), ("PolicyArn", "arn:aws:iam::111122223333:policy/lister")]),
        iam([("Action", "DeleteUser"), ("UserName", "u1")]),
        sts([("Action", "GetCallerIdentity")], as: "k1"),
        iam([("Action", "DeleteRole"), ("RoleName", "reader")]),
        iam([("Action", "DeleteRolePolicy"), ("RoleName", "reader"), ("PolicyName", "put")]),
        iam([("Action", "DeleteRole"), ("RoleName", "reader")]),
        iam([("Action", "DeleteRole"), ("RoleName", "reader")]),
        sts([("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s5")]),
    ]

    /// Runs the steps against a fresh service and writes the transcript.
    static func transcript() throws -> String {
        try run().transcript
    }

    /// Runs the steps against a fresh service: the transcript and the service as they left it.
    static func run() throws -> (transcript: String, service: AWSService, journal: [JournalEntry]) {
        let service = try AWSServiceTests.service()
        service.startJournal()
        var keys: [String: (id: String, secret: String, token: String?)] = ["admin": ("admin", "admin", nil)]
        var masks: [(String, String)] = []
        var out = ""
        for (n, step) in steps.enumerated() {
            let key = try #require(keys[step.key], "step \(n + 1) uses `\(step.key)` before it was saved")
            let client = WireClient(service, key: key.id, secret: key.secret, token: key.token, now: start)
            // Parameters may name credentials saved before: `{k1.AccessKeyId}`.
            let parameters = step.parameters.map { p in (p.0, masks.first { $0.1 == p.1 }?.0 ?? p.1) }
            let r = client.query(step.service, parameters)
            if let name = step.save, let id = xmlValue("AccessKeyId", in: r.xml), let secret = xmlValue("SecretAccessKey", in: r.xml) {
                let token = xmlValue("SessionToken", in: r.xml)
                keys[name] = (id, secret, token)
                masks += [(id, "{\(name).AccessKeyId}"), (secret, "{\(name).SecretAccessKey}")]
                if let token { masks.append((token, "{\(name).SessionToken}")) }
            }
            var xml = r.xml
            for (value, mask) in masks { xml = xml.replacingOccurrences(of: value, with: mask) }
            xml = xml.replacingOccurrences(of: #"<RequestId>[0-9a-f-]{36}</RequestId>"#, with: "<RequestId>{id}</RequestId>",
                                           options: .regularExpression)
            let shown = step.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            out += "### \(n + 1). \(step.service) as \(step.key): \(shown)\n\(r.status)\n\(xml)\n"
        }
        let journal = service.takeJournal()
        out += "### journal\n" + journal.map { "\($0.service) \($0.operation) issued=\($0.issued.count)" }.joined(separator: "\n") + "\n"
        return (out, service, journal)
    }

    /// The IAM side of a world, as text: users, roles, managed policies and keys.
    static func iamState(_ service: AWSService) -> String {
        service.withWorld { world in
            var out: [String] = []
            for account in world.accounts.values.sorted(by: { $0.id < $1.id }) {
                for u in account.users.values.sorted(by: { $0.name < $1.name }) {
                    out.append("\(u.arn) \(u.policies.map(\.name)) \(u.attachedPolicies) \(u.createDate?.iso8601 ?? "-")")
                }
                for r in account.roles.values.sorted(by: { $0.name < $1.name }) {
                    out.append("\(r.arn) \(r.policies.map(\.name)) \(r.attachedPolicies) \(r.maxSessionDurationSeconds)")
                }
                for p in account.policies.values.sorted(by: { $0.name < $1.name }) {
                    out.append("\(p.arn) \(p.defaultVersionId) \(p.description ?? "-") \(p.document.text)")
                }
            }
            for key in world.credentials.all {
                out.append("\(key.accessKeyId) \(key.secretAccessKey) \(key.sessionToken ?? "-") \(key.expiration?.iso8601 ?? "-")")
            }
            return out.joined(separator: "\n")
        }
    }

    @Test func theTranscriptsJournalReplaysToTheSameIAMState() throws {
        let (_, service, journal) = try Self.run()
        let fresh = try AWSServiceTests.service()
        #expect(try fresh.replay(lines: journal.map(\.line)) == journal.count)
        let state = Self.iamState(service)
        #expect(state.contains("arn:aws:iam::111122223333:user/team/pathed"))
        #expect(Self.iamState(fresh) == state)
    }

    @Test func everyIAMAndSTSAnswerMatchesTheRecordedTranscript() throws {
        let transcript = try Self.transcript()
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/query-transcript.txt")
        if ProcessInfo.processInfo.environment["KDSLAB_RECORD"] == "1" {
            try transcript.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let file = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/query-transcript.txt"))
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(transcript == expected, "the IAM/STS transcript changed; re-record with KDSLAB_RECORD=1 and review the diff")
        if transcript != expected {
            let got = transcript.components(separatedBy: "\n"), want = expected.components(separatedBy: "\n")
            if let i = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("first difference at line \(i + 1):\n- \(want[i])\n+ \(got[i])")
            }
        }
    }
}
