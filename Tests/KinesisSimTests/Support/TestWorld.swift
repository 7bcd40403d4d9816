import Testing
import IAMPolicy
@testable import KinesisSim

/// Builders for the worlds tests run in: account 111122223333 in us-east-1, with an admin
/// user and principals given just the policies a test names.
enum TestWorld {
    static let account = "111122223333"
    static let other = "444455556666"
    static let region = "us-east-1"

    static func arn(_ stream: String, account: String = account, region: String = region) -> String {
        "arn:aws:kinesis:\(region):\(account):stream/\(stream)"
    }

    static let adminPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#

    /// A world with user `admin` (everything allowed) in `account`; transitions instant.
    static func make(_ settings: WorldSettings = .instant) throws -> (KinesisWorld, Caller) {
        var world = KinesisWorld(settings: settings)
        try world.addUser(IAMUser(name: "admin", account: account, policies: [NamedPolicy(name: "admin", text: adminPolicy)]),
                          account: account)
        let admin = try #require(world.caller(user: "admin", account: account))
        return (world, admin)
    }

    /// Adds user `name` with one identity policy and returns it as a caller.
    static func user(_ name: String, policy: String, in world: inout KinesisWorld, account: String = account) throws -> Caller {
        try world.addUser(IAMUser(name: name, account: account, policies: [NamedPolicy(name: "\(name)-policy", text: policy)]),
                          account: account)
        return try #require(world.caller(user: name, account: account))
    }
}
