import IAMPolicy

/// The answer to one Kinesis JSON 1.1 request: a status, a body, and for errors the
/// `__type` botocore reads.
public struct KinesisJSONResponse: Sendable {
    /// The HTTP status: 200, or the error's (400, 500).
    public var status: Int
    /// The body: the output document, empty for operations without output, or
    /// `{"__type": ..., "message": ...}` for an error.
    public var body: JSONValue?
    /// The error, when the call failed.
    public var error: KinesisError?

    /// A success.
    static func ok(_ body: JSONValue?) -> KinesisJSONResponse {
        KinesisJSONResponse(status: 200, body: body, error: nil)
    }

    /// A failure, with AWS's error body.
    static func failure(_ error: KinesisError) -> KinesisJSONResponse {
        KinesisJSONResponse(status: error.httpStatus,
                            body: .object([("__type", .string(error.code.rawValue)), ("message", .string(error.message))]),
                            error: error)
    }
}
