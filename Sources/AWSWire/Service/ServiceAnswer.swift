/// What ``AWSService/answer(_:now:)`` gives back: the response, and where the request's
/// change sits in the journal when it changed the world.
///
/// The server that keeps a journal (`kdslab serve --state`) holds the response back until
/// the entry at ``journalPosition`` is on disk, and sends ``failure(_:)`` instead when it
/// cannot be kept, so no client is told of a change that a restart would lose.
public struct ServiceAnswer: Sendable {
    /// The response to send once the change (if any) is kept.
    public var response: HTTPResponse
    /// The position of the journal entry this request added (1 for the first entry since
    /// ``AWSService/startJournal()``); `nil` when it changed nothing or no journal is kept.
    public var journalPosition: UInt64?
    /// The request id the response carries.
    let requestId: String
    /// The query protocol's XML namespace; `nil` for Kinesis's JSON protocol.
    let namespace: String?

    /// `InternalFailure` (500) in the request's protocol, with the same request id: what
    /// AWS answers when it cannot complete a request on its side.
    public func failure(_ message: String) -> HTTPResponse {
        guard let namespace else {
            return AWSService.jsonError("InternalFailure", message, status: 500, requestId: requestId)
        }
        return AWSService.xmlError(QueryError("InternalFailure", message, status: 500), namespace: namespace, requestId: requestId)
    }
}
