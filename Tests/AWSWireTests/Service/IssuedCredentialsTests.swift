import IAMPolicy
import KinesisSim
import Testing
@testable import AWSWire

/// Access keys and session credentials come from the system's random source, not from the
/// order of calls: two fresh services never hand out the same key. The journal records what
/// was issued, so a replay restores the very same keys.
@Suite struct IssuedCredentialsTests {
    static let start = AWSServiceTests.start

    static func createKey(_ service: AWSService) -> (id: String?, secret: String?) {
        let admin = WireClient(service, now: start)
        _ = admin.query("iam", [("Action", "CreateUser"), ("UserName", "u")])
        let xml = admin.query("iam", [("Action", "CreateAccessKey"), ("UserName", "u")]).xml
        return (xmlValue("AccessKeyId", in: xml), xmlValue("SecretAccessKey", in: xml))
    }

    static func assumeRole(_ service: AWSService) -> (id: String?, token: String?) {
        let xml = WireClient(service, now: start).query("sts", [
            ("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::111122223333:role/reader"), ("RoleSessionName", "s1")]).xml
        return (xmlValue("AccessKeyId", in: xml), xmlValue("SessionToken", in: xml))
    }

    @Test func twoFreshServicesIssueDifferentAccessKeys() throws {
        let a = Self.createKey(try AWSServiceTests.service()), b = Self.createKey(try AWSServiceTests.service())
        #expect(a.id?.hasPrefix("AKIA") == true && a.id?.count == 20)
        #expect(a.secret?.count == 40)
        #expect(a.id != b.id)
        #expect(a.secret != b.secret)
    }

    @Test func twoFreshServicesIssueDifferentSessions() throws {
        let trusting = "arn:aws:iam::111122223333:user/admin"
        let a = Self.assumeRole(try AWSServiceTests.withRole(trusting: trusting))
        let b = Self.assumeRole(try AWSServiceTests.withRole(trusting: trusting))
        #expect(a.id?.hasPrefix("ASIA") == true)
        #expect(a.id != b.id)
        #expect(a.token != b.token)
    }

    @Test func replayRestoresTheIssuedKeys() throws {
        let service = try AWSServiceTests.service()
        service.startJournal()
        let issued = Self.createKey(service)
        let fresh = try AWSServiceTests.service()
        #expect(try fresh.replay(lines: service.takeJournal().map(\.line)) == 2)
        let id = try #require(issued.id)
        #expect(fresh.credentials.key(id)?.secretAccessKey == issued.secret)
    }

    @Test func aJournalFromBeforeRecordedValuesReplaysToTheKeysItGaveThen() throws {
        let arn = "arn:aws:iam::111122223333:user/admin"
        let lines = [
            JournalEntry(time: Self.start, service: "iam", operation: "CreateUser", accessKeyId: "admin", callerArn: arn,
                         region: "us-east-1", body: "Action=CreateUser&UserName=u&Version=2010-05-08"),
            JournalEntry(time: Self.start, service: "iam", operation: "CreateAccessKey", accessKeyId: "admin", callerArn: arn,
                         region: "us-east-1", body: "Action=CreateAccessKey&UserName=u&Version=2010-05-08"),
        ].map(\.line)
        #expect(!lines[1].contains("issued"))
        let fresh = try AWSServiceTests.service()
        #expect(try fresh.replay(lines: lines) == 2)
        #expect(fresh.credentials.key("AKIADSY6QYU4DZHDS4O3")?.secretAccessKey == "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")
    }
}
