import Testing
import IAMPolicy
@testable import KinesisSim

extension TestWorld {
    /// A world with user `admin` and an ACTIVE one-shard stream `orders` (transitions instant).
    static func withStream(_ name: String = "orders", tags: [String: String]? = nil,
                           settings: WorldSettings = .instant) throws -> (KinesisWorld, Caller) {
        var (world, admin) = try make(settings)
        try world.createStream(CreateStreamInput(streamName: name, shardCount: 1, tags: tags), as: admin)
        world.advance(milliseconds: settings.creatingMilliseconds)
        return (world, admin)
    }

    /// A one-statement identity policy allowing `actions` on `resource`.
    static func allow(_ actions: [String], on resource: String = "*") -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[\#(list)],"Resource":"\#(resource)"}]}"#
    }
}

/// Runs `body` and returns the Kinesis error it throws (recording an issue when it does not).
func kinesisError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> KinesisError? {
    do {
        try body()
        Issue.record("expected a KinesisError", sourceLocation: sourceLocation)
        return nil
    } catch let error as KinesisError {
        return error
    } catch {
        Issue.record("expected a KinesisError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
