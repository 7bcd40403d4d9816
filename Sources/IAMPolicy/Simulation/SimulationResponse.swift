/// The output of `SimulateCustomPolicy`.
public struct SimulationResponse: Sendable {
    /// One result per (action, resource), action-major, in input order.
    public var results: [SimulationResult]
    /// Whether more results follow (`IsTruncated`).
    public var isTruncated: Bool
    /// Where the next page starts (`Marker`), when truncated.
    public var marker: String?

    /// Creates a response.
    public init(results: [SimulationResult], isTruncated: Bool, marker: String?) {
        self.results = results
        self.isTruncated = isTruncated
        self.marker = marker
    }
}

/// One `EvaluationResult`: the decision for one action on one resource.
public struct SimulationResult: Sendable {
    /// The authorization result behind it (for explanations).
    public var result: AuthorizationResult
    /// Whether the caller and resource are in different accounts.
    public var crossAccount: Bool
    /// Whether the resource was named (not `*`): results then carry `ResourceSpecificResults`.
    public var specificResource: Bool
    /// Whether a permissions boundary took part.
    public var hasBoundary: Bool

    /// Creates a result.
    public init(result: AuthorizationResult, crossAccount: Bool, specificResource: Bool, hasBoundary: Bool) {
        self.result = result
        self.crossAccount = crossAccount
        self.specificResource = specificResource
        self.hasBoundary = hasBoundary
    }
}
