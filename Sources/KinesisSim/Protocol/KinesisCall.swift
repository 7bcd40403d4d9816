import IAMPolicy

/// A Kinesis call decoded from its JSON body without the world: `PutRecord`'s typed input,
/// or any other operation's body as it came. Decoding needs nothing but the body, so a
/// journal's next calls can be decoded on another thread while the world applies the
/// earlier ones (``KinesisWorld/perform(_:as:)``).
public enum KinesisCall: Sendable {
    /// `PutRecord`, decoded.
    case putRecord(PutRecordInput)
    /// `PutRecord`, decoded, checked against the model and hashed (see ``PreparedPutRecord``).
    case preparedPutRecord(PreparedPutRecord)
    /// Any other operation, or a `PutRecord` body that does not decode (``KinesisWorld/perform(_:as:)``
    /// then fails it as the service would).
    case json(operation: String, body: JSONValue)

    /// Decodes `body` for `operation` (its name without the target prefix).
    public init(_ operation: String, body: JSONValue) {
        if operation == "PutRecord", let fields = try? JSONFields(body), let input = try? KinesisWorld.putRecordInput(fields) {
            self = .init(putRecord: input)
        } else {
            self = .json(operation: operation, body: body)
        }
    }
}

extension KinesisCall {
    /// `PutRecord`'s call for `input`, prepared when the model takes it.
    public init(putRecord input: PutRecordInput) {
        self = PreparedPutRecord(input).map { .preparedPutRecord($0) } ?? .putRecord(input)
    }
}

extension KinesisWorld {
    /// Performs a decoded call as `caller`, as ``perform(_:body:as:)`` performs it from JSON;
    /// the error when it fails (the output is not built).
    public mutating func perform(_ call: KinesisCall, as caller: Caller) -> KinesisError? {
        switch call {
        case .putRecord(let input):
            do {
                _ = try putRecord(input, as: caller)
                return nil
            } catch {
                return error
            }
        case .preparedPutRecord(let prepared):
            do {
                // The output (its sequence number's text) is not needed.
                _ = try putRecord(prepared.input, data: prepared.data, partitionKey: prepared.partitionKey,
                                  hashKey: prepared.hashKey, as: caller)
                return nil
            } catch {
                return error
            }
        case .json(let operation, let body):
            return perform(operation, body: body, as: caller).error
        }
    }
}
