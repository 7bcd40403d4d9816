import IAMPolicy
import Testing
@testable import KinesisSim

/// Each operation's model constraints, checked before anything else (before authorization:
/// a caller who may do nothing gets the same answer) and reported in IAM's wording, every
/// broken constraint at once.
@Suite struct IAMValidationTests {
    static let long65 = String(repeating: "n", count: 65)

    static let pathPattern = #"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)"#
    static let namePattern = #"[\w+=,.@-]+"#
    static let types = "[string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList]"
    static func value(_ value: String?, at member: String, _ constraint: String) -> String {
        "Value \(value.map { "'\($0)'" } ?? "null") at '\(member)' failed to satisfy constraint: \(constraint)"
    }
    static func detected(_ clauses: String...) -> String {
        (clauses.count == 1 ? "1 validation error detected: " : "\(clauses.count) validation errors detected: ") + clauses.joined(separator: "; ")
    }

    static let rows: [(IAMRequest, String)] = [
        (.createUser(CreateUserInput(userName: nil)), detected(value(nil, at: "userName", "Member must not be null"))),
        (.createUser(CreateUserInput(userName: "a/b")),
         detected(value("a/b", at: "userName", "Member must satisfy regular expression pattern: \(namePattern)"))),
        (.createUser(CreateUserInput(userName: long65 + "/", path: "team")),
         detected(value(long65 + "/", at: "userName", "Member must have length less than or equal to 64"),
                  value(long65 + "/", at: "userName", "Member must satisfy regular expression pattern: \(namePattern)"),
                  value("team", at: "path", "Member must satisfy regular expression pattern: \(pathPattern)"))),
        (.createUser(CreateUserInput(userName: "")),
         detected(value("", at: "userName", "Member must have length greater than or equal to 1"))),
        (.createRole(CreateRoleInput(roleName: long65, assumeRolePolicyDocument: nil, maxSessionDuration: 43_201)),
         detected(value(long65, at: "roleName", "Member must have length less than or equal to 64"),
                  value(nil, at: "assumeRolePolicyDocument", "Member must not be null"),
                  value("43201", at: "maxSessionDuration", "Member must have value less than or equal to 43200"))),
        (.putPrincipalPolicy(PutPrincipalPolicyInput(.role, "r", policyName: String(repeating: "p", count: 129), policyDocument: "{}")),
         detected(value(String(repeating: "p", count: 129), at: "policyName", "Member must have length less than or equal to 128"))),
        (.attachPrincipalPolicy(AttachPrincipalPolicyInput(.user, nil, policyArn: "arn:x")),
         detected(value(nil, at: "userName", "Member must not be null"),
                  value("arn:x", at: "policyArn", "Member must have length greater than or equal to 20"))),
        (.createPolicy(CreatePolicyInput(policyName: "p", policyDocument: "{}", description: String(repeating: "d", count: 1001))),
         detected(value(String(repeating: "d", count: 1001), at: "description", "Member must have length less than or equal to 1000"))),
        (.simulateCustomPolicy(SimulateCustomPolicyInput(SimulationParameters(
            contextEntries: [SimulationContextEntry(contextKeyName: "aws:SourceIp", contextKeyType: "address")]))),
         detected(value("address", at: "contextEntries.1.member.contextKeyType", "Member must satisfy enum value set: \(types)"))),
    ]

    @Test("A request that breaks IAM's model is ValidationError, in IAM's words", arguments: rows)
    func modelConstraints(request: IAMRequest, message: String) throws {
        var (world, _, nobody) = try TestWorld.withNobody()
        var issuer = CountingIssuer()
        let error = TestWorld.iamError { () throws(IAMError) in _ = try world.perform(request, as: nobody, issuer: &issuer) }
        #expect(error?.code == .validationError)
        #expect(error?.message == message)
    }

    static let assumeRoleRows: [(AssumeRoleInput, String)] = [
        (AssumeRoleInput(roleArn: "arn:aws:iam::111122223333:role/r", roleSessionName: "s"),
         detected(value("s", at: "roleSessionName", "Member must have length greater than or equal to 2"))),
        (AssumeRoleInput(roleArn: "arn:aws:iam::111122223333:role/r", roleSessionName: "a b", durationSeconds: 899),
         detected(value("a b", at: "roleSessionName", #"Member must satisfy regular expression pattern: [\w+=,.@-]*"#),
                  value("899", at: "durationSeconds", "Member must have value greater than or equal to 900"))),
        (AssumeRoleInput(roleArn: nil, roleSessionName: nil),
         detected(value(nil, at: "roleArn", "Member must not be null"), value(nil, at: "roleSessionName", "Member must not be null"))),
        (AssumeRoleInput(roleArn: "arn:aws:kinesis:us-east-1:111122223333:stream/s", roleSessionName: "s1"),
         "arn:aws:kinesis:us-east-1:111122223333:stream/s is invalid"),
    ]

    @Test("AssumeRole's model: session names, durations, ARNs", arguments: assumeRoleRows)
    func assumeRoleConstraints(input: AssumeRoleInput, message: String) throws {
        var (world, admin) = try TestWorld.make()
        var issuer = CountingIssuer()
        let error = TestWorld.iamError { () throws(IAMError) in _ = try world.perform(.assumeRole(input), as: admin, issuer: &issuer) }
        #expect(error?.code == .validationError)
        #expect(error?.message == message)
        #expect(issuer.drawn == 0)
    }

    @Test("Names and paths IAM accepts", arguments: [
        ("a", "/"), ("A_b+c=d,e.f@g-h", "/team/a-b/"), (String(repeating: "z", count: 64), "/" + String(repeating: "p", count: 510) + "/"),
    ])
    func goodNamesAndPaths(name: String, path: String) throws {
        var (world, admin) = try TestWorld.make()
        let user = try world.createUser(CreateUserInput(userName: name, path: path), as: admin)
        #expect(user.arn == "arn:aws:iam::111122223333:user\(path)\(name)")
    }
}
