/// The `resourceType`s of `CheckNoPublicAccess` that kdslab models: AWS accepts more
/// (S3 buckets, SQS queues, ...), but only these bear on Kinesis Data Streams.
public enum PolicyCheckResourceType: String, Sendable, Equatable, CaseIterable {
    /// A data stream, whose resource policy names principals.
    case kinesisStream = "AWS::Kinesis::Stream"
    /// An enhanced fan-out consumer, which has its own resource policy.
    case kinesisStreamConsumer = "AWS::Kinesis::StreamConsumer"
    /// A KMS key and its key policy.
    case kmsKey = "AWS::KMS::Key"
    /// A role's trust policy.
    case assumeRolePolicyDocument = "AWS::IAM::AssumeRolePolicyDocument"

    /// The kind of resource the policy is attached to.
    var kind: AnalyzedResourceKind {
        switch self {
        case .kinesisStream: .stream
        case .kinesisStreamConsumer: .consumer
        case .kmsKey: .key
        case .assumeRolePolicyDocument: .role
        }
    }
}
