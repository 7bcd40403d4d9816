import IAMPolicy

/// The answer to one Kinesis JSON 1.1 request: a status, a body, and for errors the
/// `__type` botocore reads.
public struct KinesisJSONResponse: Sendable {
    /// The HTTP status: 200, or the error's (400, 500).
    public var status: Int
    /// The output as the operation produced it: a JSON document, or for the hot data-plane
    /// operations their typed output, written to JSON only when asked (``encodedBody()``
    /// writes it straight to bytes; ``body`` builds the document).
    var payload: Payload
    /// The error, when the call failed.
    public var error: KinesisError?

    /// What a response carries.
    enum Payload: Sendable {
        case json(JSONValue?)
        case getRecords(GetRecordsOutput)
        case putRecord(PutRecordOutput)
    }

    /// The body: the output document, empty for operations without output, or
    /// `{"__type": ..., "message": ...}` for an error.
    public var body: JSONValue? {
        get {
            switch payload {
            case .json(let value): value
            case .getRecords(let out): JSONOutput.getRecords(out)
            case .putRecord(let out): JSONOutput.putRecord(out)
            }
        }
        set { payload = .json(newValue) }
    }

    /// A success.
    static func ok(_ body: JSONValue?) -> KinesisJSONResponse {
        KinesisJSONResponse(status: 200, payload: .json(body), error: nil)
    }

    /// A success with a typed output.
    static func ok(_ payload: Payload) -> KinesisJSONResponse {
        KinesisJSONResponse(status: 200, payload: payload, error: nil)
    }

    /// A failure, with AWS's error body.
    static func failure(_ error: KinesisError) -> KinesisJSONResponse {
        KinesisJSONResponse(status: error.httpStatus,
                            payload: .json(.object([("__type", .string(error.code.rawValue)), ("message", .string(error.message))])),
                            error: error)
    }
}
