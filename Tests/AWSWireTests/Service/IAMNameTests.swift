import Foundation
import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// IAM's rules for names and paths: user and role names 1–64 characters of `[\w+=,.@-]`,
/// policy names up to 128, paths `/` or `/…/` of printable ASCII up to 512. Anything else is
/// `ValidationError` in IAM's words, before authorization.
@Suite struct IAMNameTests {
    static let start = AWSServiceTests.start

    static func call(_ parameters: [(String, String)]) throws -> (status: Int, code: String?, message: String?) {
        let r = WireClient(try AWSServiceTests.service(), now: start).query("iam", parameters)
        let message = xmlValue("Message", in: r.xml).map {
            $0.replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        return (r.status, xmlValue("Code", in: r.xml), message)
    }

    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}"#

    @Test("a bad user name is ValidationError", arguments: [
        String(repeating: "a", count: 100_000), String(repeating: "a", count: 65), "a/b", "a\u{0}b", "", "é", "a b", "a:b",
    ])
    func badUserName(_ name: String) throws {
        let r = try Self.call([("Action", "CreateUser"), ("UserName", name)])
        #expect(r.status == 400)
        #expect(r.code == "ValidationError")
        #expect(r.message?.contains("at 'userName' failed to satisfy constraint") == true || name.isEmpty)
    }

    @Test func aHundredThousandCharacterNameSaysBothWhatIsWrong() throws {
        let r = try Self.call([("Action", "CreateUser"), ("UserName", String(repeating: "a", count: 99_999) + "/")])
        #expect(r.message?.hasPrefix("2 validation errors detected: Value '") == true)
        #expect(r.message?.contains("Member must have length less than or equal to 64") == true)
        #expect(r.message?.contains(#"Member must satisfy regular expression pattern: [\w+=,.@-]+"#) == true)
    }

    @Test("good names and paths are accepted", arguments: ["a", "A_b+c=d,e.f@g-h", String(repeating: "z", count: 64)])
    func goodUserName(_ name: String) throws {
        #expect(try Self.call([("Action", "CreateUser"), ("UserName", name), ("Path", "/team/a-b/")]).status == 200)
    }

    @Test("a bad path is ValidationError", arguments: ["a/b", "/a", "a/", "//x\u{7F}/", "/é/", "/" + String(repeating: "p", count: 511) + "/"])
    func badPath(_ path: String) throws {
        let r = try Self.call([("Action", "CreateUser"), ("UserName", "u"), ("Path", path)])
        #expect(r.code == "ValidationError")
        #expect(r.message?.contains("at 'path' failed to satisfy constraint") == true)
    }

    @Test func badRoleAndPolicyNames() throws {
        let role = try Self.call([("Action", "CreateRole"), ("RoleName", "a/b"), ("AssumeRolePolicyDocument", Self.trust)])
        #expect(role.code == "ValidationError")
        #expect(role.message?.contains("at 'roleName'") == true)
        let doc = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"}]}"#
        let policy = try Self.call([("Action", "CreatePolicy"), ("PolicyName", "p\u{0}"), ("PolicyDocument", doc)])
        #expect(policy.code == "ValidationError")
        #expect(policy.message?.contains("at 'policyName'") == true)
        let inline = try Self.call([("Action", "PutUserPolicy"), ("UserName", "admin"), ("PolicyName", String(repeating: "p", count: 129)),
                                    ("PolicyDocument", doc)])
        #expect(inline.message?.contains("at 'policyName'") == true)
        let key = try Self.call([("Action", "CreateAccessKey"), ("UserName", "a/b")])
        #expect(key.code == "ValidationError")
    }
}
