import KinesisSim

/// A query-protocol call decoded: an IAM or an STS request.
enum QueryCall: Sendable {
    case iam(IAMRequest)
    case sts(STSRequest)

    /// Decodes `action` of `service` (`iam` or `sts`) from its parameters.
    init(service: String, action: String, _ q: QueryRequest) throws(QueryError) {
        switch service {
        case "sts": self = .sts(try STSRequest(action: action, q))
        case "iam": self = .iam(try IAMRequest(action: action, q))
        default: throw QueryError("InvalidAction", "The service `\(service)` named in the credential scope is not simulated; use kinesis, sts or iam.")
        }
    }

    /// Whether a successful call changes the world (and so is journaled).
    var changesState: Bool {
        switch self {
        case .iam(let request): request.operation.changesState
        case .sts(let request): request.operation.changesState
        }
    }
}
