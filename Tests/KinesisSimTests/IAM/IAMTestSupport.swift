import IAMPolicy
import Testing
@testable import KinesisSim

/// Hands out predictable credentials: the `n`th value is `count` copies of the alphabet's
/// `n`th character.
struct CountingIssuer: CredentialIssuer {
    var drawn = 0

    mutating func issue(_ count: Int, from alphabet: String) -> String {
        drawn += 1
        let letters = Array(alphabet)
        return String(repeating: letters[drawn % letters.count], count: count)
    }
}

extension TestWorld {
    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/admin"},"Action":"sts:AssumeRole"}]}"#
    static let putPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kinesis:PutRecord","Resource":"*"}]}"#

    /// The IAM error `body` throws; a failed expectation when it throws none.
    static func iamError(_ body: () throws(IAMError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> IAMError? {
        do {
            try body()
            Issue.record("expected an IAM error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// A world with `admin` and user `nobody`, who may do nothing.
    static func withNobody() throws -> (KinesisWorld, admin: Caller, nobody: Caller) {
        var (world, admin) = try make()
        world.addUser(IAMUser(name: "nobody", account: account), account: account)
        let nobody = try #require(world.caller(user: "nobody", account: account))
        return (world, admin, nobody)
    }
}
